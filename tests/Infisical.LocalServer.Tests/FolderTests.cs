using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>Folders, environments and imports created through the API (tolerant schemas: docs/infisical-api-notes.md, "Projects and folders" and "Older self-hosted servers (2024-07)").</summary>
public sealed class FolderTests
{
    [Fact]
    public async Task Created_folder_accepts_secrets_and_repeat_create_returns_the_same_id()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync();
        var create = new JsonObject { ["projectId"] = h.ProjectId, ["environment"] = "dev", ["name"] = "db", ["path"] = "/svc" };
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v2/folders", create, token);
        Assert.Equal(HttpStatusCode.OK, status);
        var id = body!["folder"]!["id"]!.GetValue<string>();
        Assert.Equal("db", body["folder"]!["name"]!.GetValue<string>());
        var (_, again) = await h.SendAsync(HttpMethod.Post, "/api/v2/folders", create, token);
        Assert.Equal(id, again!["folder"]!["id"]!.GetValue<string>());

        var (created, _) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/K", h.WriteBody(path: "/svc/db", value: "v"), token);
        Assert.Equal(HttpStatusCode.OK, created);

        var (_, list) = await h.GetAsync($"/api/v2/folders?projectId={h.ProjectId}&environment=dev&path=/svc", token);
        Assert.Equal("db", Assert.Single(list!["folders"]!.AsArray())!["name"]!.GetValue<string>());
        var (_, byId) = await h.GetAsync($"/api/v2/folders/{id}", token);
        Assert.Equal("dev", byId!["folder"]!["environment"]!["envSlug"]!.GetValue<string>());

        var delete = new JsonObject { ["projectId"] = h.ProjectId, ["environment"] = "dev", ["path"] = "/svc" };
        var (deleted, _) = await h.SendAsync(HttpMethod.Delete, "/api/v2/folders/db", delete, token);
        Assert.Equal(HttpStatusCode.OK, deleted);
        var (gone, goneBody) = await h.GetAsync(h.GetUrl("K", "environment=dev&secretPath=/svc/db"), token);
        ErrorAssert.Current(gone, goneBody, 404, "NotFound");
    }

    [Fact]
    public async Task Folder_rename_moves_secrets_and_unknown_environment_is_404()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync();
        var (_, list) = await h.GetAsync($"/api/v1/folders?workspaceId={h.ProjectId}&environment=dev&path=/", token);
        var app = list!["folders"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "app")!;
        var patch = new JsonObject { ["projectId"] = h.ProjectId, ["environment"] = "dev", ["name"] = "service", ["path"] = "/" };
        var (status, _) = await h.SendAsync(HttpMethod.Patch, "/api/v2/folders/" + app["id"]!.GetValue<string>(), patch, token);
        Assert.Equal(HttpStatusCode.OK, status);
        var (_, deep) = await h.GetAsync(h.GetUrl("DEEP", "environment=dev&secretPath=/service/db"), token);
        Assert.Equal("deepval", deep!["secret"]!["secretValue"]!.GetValue<string>());

        var (bad, badBody) = await h.GetAsync($"/api/v2/folders?projectId={h.ProjectId}&environment=qa", token);
        ErrorAssert.Current(bad, badBody, 404, "NotFound");
    }

    [Fact]
    public async Task Environments_and_imports_can_be_created()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync();
        var (envStatus, envBody) = await h.SendAsync(HttpMethod.Post, $"/api/v1/workspace/{h.ProjectId}/environments", new JsonObject { ["name"] = "QA", ["slug"] = "qa" }, token);
        Assert.Equal(HttpStatusCode.OK, envStatus);
        Assert.Equal("qa", envBody!["environment"]!["slug"]!.GetValue<string>());
        await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/QA_ONLY", h.WriteBody(environment: "qa", value: "q"), token);

        var import = new JsonObject { ["projectId"] = h.ProjectId, ["environment"] = "staging", ["path"] = "/", ["import"] = new JsonObject { ["environment"] = "qa", ["path"] = "/" } };
        var (impStatus, _) = await h.SendAsync(HttpMethod.Post, "/api/v2/secret-imports", import, token);
        Assert.Equal(HttpStatusCode.OK, impStatus);
        var (_, list) = await h.GetAsync(h.ListUrl("environment=staging&include_imports=true"), token);
        var imported = Assert.Single(list!["imports"]!.AsArray())!;
        Assert.Equal("q", imported["secrets"]![0]!["secretValue"]!.GetValue<string>());
    }
}
