using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>Batch routes (docs/infisical-api-notes.md, "Batch routes" and "Requests"), query-string handling and trailing slashes.</summary>
public sealed class BatchAndQueryTests
{
    private static JsonObject Batch(Harness h, params JsonObject[] items)
    {
        var body = h.WriteBody();
        body["secrets"] = new JsonArray(items);
        return body;
    }

    [Fact]
    public async Task Batch_create_is_atomic_and_names_existing_keys()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync();
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/batch/raw", Batch(h, new JsonObject { ["secretKey"] = "NEW1", ["secretValue"] = "1" }, new JsonObject { ["secretKey"] = "DB_USER", ["secretValue"] = "2" }), token);
        ErrorAssert.Current(status, body, 400, "BadRequest", "Secret already exists: DB_USER");
        var (missing, _) = await h.GetAsync(h.GetUrl("NEW1", "environment=dev"), token);
        Assert.Equal(HttpStatusCode.NotFound, missing);

        var (ok, created) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/batch/raw", Batch(h, new JsonObject { ["secretKey"] = "NEW1", ["secretValue"] = " 1 " }, new JsonObject { ["secretKey"] = "NEW2", ["secretValue"] = "2" }), token);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("1", created!["secrets"]![0]!["secretValue"]!.GetValue<string>());
        Assert.Equal(2, created["secrets"]!.AsArray().Count);
    }

    [Fact]
    public async Task Batch_update_modes_and_batch_delete()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync();
        var items = new[] { new JsonObject { ["secretKey"] = "DB_USER", ["secretValue"] = "u2" }, new JsonObject { ["secretKey"] = "GHOST", ["secretValue"] = "g" } };
        var (fail, failBody) = await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/batch/raw", Batch(h, items), token);
        ErrorAssert.Current(fail, failBody, 404, "NotFound");

        var upsert = Batch(h, new JsonObject { ["secretKey"] = "DB_USER", ["secretValue"] = "u2" }, new JsonObject { ["secretKey"] = "GHOST", ["secretValue"] = "g" });
        upsert["mode"] = "upsert";
        var (ok, body) = await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/batch/raw", upsert, token);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(2, body!["secrets"]![0]!["version"]!.GetValue<int>());
        Assert.Equal(1, body["secrets"]![1]!["version"]!.GetValue<int>());

        var (deleted, deletedBody) = await h.SendAsync(HttpMethod.Delete, "/api/v3/secrets/batch/raw", Batch(h, new JsonObject { ["secretKey"] = "GHOST" }), token);
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal("g", deletedBody!["secrets"]![0]!["secretValue"]!.GetValue<string>());
        var (empty, emptyBody) = await h.SendAsync(HttpMethod.Post, "/api/v4/secrets/batch", new JsonObject { ["projectId"] = h.ProjectId, ["environment"] = "dev", ["secrets"] = new JsonArray() }, token);
        ErrorAssert.Current(empty, emptyBody, 422, "ValidationFailure");
    }

    [Fact]
    public async Task Malformed_percent_encoding_in_query_is_400()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync();
        var (status, body) = await h.GetAsync(h.ListUrl("environment=dev&secretPath=%E0%A4%A"), token);
        ErrorAssert.Current(status, body, 400, "BadRequest", "Malformed URL encoding in query parameters");
    }

    [Fact]
    public async Task Trailing_slash_on_a_route_is_ignored()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync();
        var (status, body) = await h.GetAsync($"/api/v3/secrets/raw/?workspaceId={h.ProjectId}&environment=dev", token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(body!["secrets"]!.AsArray());
    }
}
