using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>v4 move (and its route clash with a secret named "move": docs/infisical-api-notes.md, "Move (v4) and the route clash") and project tags.</summary>
public sealed class MoveAndTagTests
{
    [Fact]
    public async Task A_secret_named_move_or_batch_cannot_be_created_through_v4_but_can_through_v3()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync();
        var body = new JsonObject { ["projectId"] = h.ProjectId, ["environment"] = "dev", ["secretValue"] = "v" };
        var (moveStatus, moveBody) = await h.SendAsync(HttpMethod.Post, "/api/v4/secrets/move", body, token);
        ErrorAssert.Current(moveStatus, moveBody, 422, "ValidationFailure");
        var (batchStatus, _) = await h.SendAsync(HttpMethod.Post, "/api/v4/secrets/batch", body, token);
        Assert.Equal((HttpStatusCode)422, batchStatus);
        var (v3, _) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/move", h.WriteBody(value: "v"), token);
        Assert.Equal(HttpStatusCode.OK, v3);
    }

    [Fact]
    public async Task Move_relocates_secrets_by_id_without_overwriting_unless_asked()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync();
        var (_, list) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        var id = list!["secrets"]!.AsArray().Single(s => s!["secretKey"]!.GetValue<string>() == "DB_USER")!["id"]!.GetValue<string>();
        var move = new JsonObject
        {
            ["projectId"] = h.ProjectId, ["sourceEnvironment"] = "dev", ["destinationEnvironment"] = "staging",
            ["destinationSecretPath"] = "/shared", ["secretIds"] = new JsonArray(id),
        };
        var (_, refused) = await h.SendAsync(HttpMethod.Post, "/api/v4/secrets/move", move, token);
        Assert.False(refused!["isDestinationUpdated"]!.GetValue<bool>());

        move["shouldOverwrite"] = true;
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v4/secrets/move", move, token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body!["isSourceUpdated"]!.GetValue<bool>());
        var (_, moved) = await h.GetAsync(h.GetUrl("DB_USER", "environment=staging&secretPath=/shared"), token);
        Assert.Equal("app", moved!["secret"]!["secretValue"]!.GetValue<string>());
        var (gone, _) = await h.GetAsync(h.GetUrl("DB_USER", "environment=dev"), token);
        Assert.Equal(HttpStatusCode.NotFound, gone);
    }

    [Fact]
    public async Task Tags_can_be_listed_and_created_and_then_used_by_id()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync();
        var (_, tags) = await h.GetAsync($"/api/v1/workspace/{h.ProjectId}/tags", token);
        Assert.Equal("db", Assert.Single(tags!["workspaceTags"]!.AsArray())!["slug"]!.GetValue<string>());

        var (created, tag) = await h.SendAsync(HttpMethod.Post, $"/api/v1/workspace/{h.ProjectId}/tags", new JsonObject { ["slug"] = "ops", ["color"] = "#00ff00" }, token);
        Assert.Equal(HttpStatusCode.OK, created);
        var body = h.WriteBody(value: "v");
        body["tagIds"] = new JsonArray(tag!["workspaceTag"]!["id"]!.GetValue<string>());
        await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/TAGGED", body, token);
        var (_, filtered) = await h.GetAsync(h.ListUrl("environment=dev&tagSlugs=ops"), token);
        Assert.Equal("TAGGED", Assert.Single(filtered!["secrets"]!.AsArray())!["secretKey"]!.GetValue<string>());
    }
}
