using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>Create, update and delete (docs/infisical-api-notes.md, "Create a secret", "Update a secret", "Delete a secret") against the current-server behaviour.</summary>
public sealed class SecretWriteTests
{
    private static async Task<(Harness H, string Token)> Start()
    {
        var h = await Harness.LeaseAsync();
        return (h, await h.LoginAsync());
    }

    [Theory]
    [InlineData("  padded  ", "padded")]
    [InlineData("value\n", "value\n")]
    [InlineData("  value \n\n", "value\n")]
    [InlineData("", "")]
    public async Task Create_trims_values_but_keeps_one_trailing_newline(string input, string stored)
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/NEW", h.WriteBody(value: input), token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(stored, body!["secret"]!["secretValue"]!.GetValue<string>());
        var (_, got) = await h.GetAsync(h.GetUrl("NEW", "environment=dev"), token);
        Assert.Equal(stored, got!["secret"]!["secretValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_returns_the_bare_raw_schema()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var body = h.WriteBody(value: "v");
        body["secretComment"] = "  note  ";
        var (_, response) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/NEW", body, token);
        var secret = (JsonObject)response!["secret"]!;
        Assert.Equal("note", secret["secretComment"]!.GetValue<string>());
        Assert.Equal(1, secret["version"]!.GetValue<int>());
        Assert.Equal("identity", secret["actor"]!["actorType"]!.GetValue<string>());
        foreach (var absent in new[] { "secretPath", "secretValueHidden", "tags", "secretMetadata" })
        {
            Assert.False(secret.ContainsKey(absent), absent);
        }
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a:b")]
    [InlineData("   ")]
    public async Task Invalid_names_give_422(string name)
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/" + System.Uri.EscapeDataString(name), h.WriteBody(value: "v"), token);
        ErrorAssert.Current(status, body, 422, "ValidationFailure");
    }

    [Fact]
    public async Task Names_with_spaces_and_dots_are_allowed()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (status, _) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/" + System.Uri.EscapeDataString("my key.v1"), h.WriteBody(value: "v"), token);
        Assert.Equal(HttpStatusCode.OK, status);
        var (got, body) = await h.GetAsync(h.GetUrl("my key.v1", "environment=dev"), token);
        Assert.Equal(HttpStatusCode.OK, got);
        Assert.Equal("my key.v1", body!["secret"]!["secretKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_secretValue_is_422_duplicate_is_400_and_personal_is_400()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (s1, b1) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/NEW", h.WriteBody(), token);
        ErrorAssert.Current(s1, b1, 422, "ValidationFailure");
        ErrorAssert.ZodIssues(b1, "secretValue");

        var (s2, b2) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/DB_USER", h.WriteBody(value: "x"), token);
        ErrorAssert.Current(s2, b2, 400, "BadRequest", "Secret already exist");

        var personal = h.WriteBody(value: "x");
        personal["type"] = "personal";
        var (s3, b3) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/P", personal, token);
        ErrorAssert.Current(s3, b3, 400, "BadRequest", "Must be user to create personal secret");
    }

    [Fact]
    public async Task Create_in_missing_folder_is_404()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/NEW", h.WriteBody(path: "/missing", value: "v"), token);
        ErrorAssert.Current(status, body, 404, "NotFound", "Folder with path '/missing' in environment with slug 'dev' not found");
    }

    [Fact]
    public async Task Update_bumps_version_renames_and_keeps_old_versions_readable()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var body = h.WriteBody(value: "  app2 ");
        body["newSecretName"] = "DB_LOGIN";
        body["secretComment"] = " spaced ";
        var (status, response) = await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/raw/DB_USER", body, token);
        Assert.Equal(HttpStatusCode.OK, status);
        var secret = (JsonObject)response!["secret"]!;
        Assert.Equal(2, secret["version"]!.GetValue<int>());
        Assert.Equal("DB_LOGIN", secret["secretKey"]!.GetValue<string>());
        Assert.Equal("app2", secret["secretValue"]!.GetValue<string>());
        Assert.Equal(" spaced ", secret["secretComment"]!.GetValue<string>());
        Assert.False(secret["secretValueHidden"]!.GetValue<bool>());
        Assert.False(secret.ContainsKey("tags"));

        var (_, v1) = await h.GetAsync(h.GetUrl("DB_LOGIN", "environment=dev&version=1"), token);
        Assert.Equal("app", v1!["secret"]!["secretValue"]!.GetValue<string>());
        Assert.Equal("DB_USER", v1["secret"]!["secretKey"]!.GetValue<string>());
        var (old, oldBody) = await h.GetAsync(h.GetUrl("DB_USER", "environment=dev"), token);
        ErrorAssert.Current(old, oldBody, 404, "NotFound");
    }

    [Fact]
    public async Task Rename_rewrites_references_elsewhere_in_the_project()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var body = h.WriteBody();
        body["newSecretName"] = "DB_LOGIN";
        await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/raw/DB_USER", body, token);
        var (_, conn) = await h.GetAsync(h.GetUrl("CONN", "environment=dev"), token);
        Assert.Contains("${DB_LOGIN}", conn!["secret"]!["secretValue"]!.GetValue<string>());
        Assert.Equal(2, conn["secret"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_reminders_metadata_and_tags()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (_, list) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        var tagId = list!["secrets"]!.AsArray().First(s => s!["secretKey"]!.GetValue<string>() == "DB_PASSWORD")!["tags"]![0]!["id"]!.GetValue<string>();
        var body = h.WriteBody();
        body["secretReminderRepeatDays"] = 30;
        body["secretReminderNote"] = "rotate";
        body["secretMetadata"] = new JsonArray(new JsonObject { ["key"] = "owner", ["value"] = "team-a" });
        body["tagIds"] = new JsonArray(tagId);
        var (status, _) = await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/raw/DB_USER", body, token);
        Assert.Equal(HttpStatusCode.OK, status);
        var (_, got) = await h.GetAsync(h.GetUrl("DB_USER", "environment=dev"), token);
        var secret = got!["secret"]!;
        Assert.Equal(30, secret["secretReminderRepeatDays"]!.GetValue<double>());
        Assert.Equal("rotate", secret["secretReminderNote"]!.GetValue<string>());
        Assert.Equal("team-a", secret["secretMetadata"]![0]!["value"]!.GetValue<string>());
        Assert.False(secret["secretMetadata"]![0]!["isEncrypted"]!.GetValue<bool>());
        Assert.Equal("db", secret["tags"]![0]!["slug"]!.GetValue<string>());

        body["tagIds"] = new JsonArray("00000000-0000-0000-0000-000000000000");
        var (bad, badBody) = await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/raw/DB_USER", body, token);
        ErrorAssert.Current(bad, badBody, 404, "NotFound");
    }

    [Fact]
    public async Task Update_and_delete_of_missing_secret_are_404()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (s1, b1) = await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/raw/NOPE", h.WriteBody(value: "x"), token);
        ErrorAssert.Current(s1, b1, 404, "NotFound");
        var (s2, b2) = await h.SendAsync(HttpMethod.Delete, "/api/v3/secrets/raw/NOPE", h.WriteBody(), token);
        ErrorAssert.Current(s2, b2, 404, "NotFound");
    }

    [Fact]
    public async Task Delete_takes_a_json_body_and_returns_the_deleted_secret()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (status, body) = await h.SendAsync(HttpMethod.Delete, "/api/v3/secrets/raw/DB_USER", h.WriteBody(), token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("app", body!["secret"]!["secretValue"]!.GetValue<string>());
        Assert.False(body["secret"]!["secretValueHidden"]!.GetValue<bool>());
        var (after, afterBody) = await h.GetAsync(h.GetUrl("DB_USER", "environment=dev"), token);
        ErrorAssert.Current(after, afterBody, 404, "NotFound");
    }

    [Fact]
    public async Task Writes_under_an_approval_policy_answer_200_approval_and_change_nothing()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/NEW", h.WriteBody(environment: "prod", value: "v"), token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["secret"]);
        Assert.Equal("open", body["approval"]!["status"]!.GetValue<string>());
        var (missing, _) = await h.GetAsync(h.GetUrl("NEW", "environment=prod"), token);
        Assert.Equal(HttpStatusCode.NotFound, missing);

        // Policies added at run time through the test controls behave the same.
        await h.SendAsync(HttpMethod.Post, "/__test/approval-policies", new JsonObject { ["projectId"] = h.ProjectId, ["environment"] = "dev" });
        var (_, update) = await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/raw/DB_USER", h.WriteBody(value: "changed"), token);
        Assert.NotNull(update!["approval"]);
        var (_, got) = await h.GetAsync(h.GetUrl("DB_USER", "environment=dev"), token);
        Assert.Equal("app", got!["secret"]!["secretValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task V4_routes_use_projectId()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var body = new JsonObject { ["projectId"] = h.ProjectId, ["environment"] = "dev", ["secretValue"] = "v4" };
        var (status, _) = await h.SendAsync(HttpMethod.Post, "/api/v4/secrets/V4KEY", body, token);
        Assert.Equal(HttpStatusCode.OK, status);
        var (got, response) = await h.GetAsync($"/api/v4/secrets/V4KEY?projectId={h.ProjectId}&environment=dev", token);
        Assert.Equal(HttpStatusCode.OK, got);
        Assert.Equal("v4", response!["secret"]!["secretValue"]!.GetValue<string>());
    }
}
