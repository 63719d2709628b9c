using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>The Legacy2024 compatibility level imitates the self-hosted server of 2024-07 (docs/infisical-api-notes.md, "Older self-hosted servers (2024-07)").</summary>
public sealed class LegacyTests
{
    private static async Task<(Harness H, string Token)> Start()
    {
        var h = await Harness.LeaseAsync(CompatibilityLevel.Legacy2024);
        return (h, await h.LoginAsync());
    }

    [Fact]
    public async Task Every_auth_failure_is_403_without_reqId()
    {
        await using var h = await Harness.LeaseAsync(CompatibilityLevel.Legacy2024);
        var (s1, b1) = await h.SendAsync(HttpMethod.Get, h.ListUrl("environment=dev"));
        ErrorAssert.Legacy(s1, b1, 403, message: "Token missing");
        var (s2, b2) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/universal-auth/login", new JsonObject { ["clientId"] = "nobody", ["clientSecret"] = "x" });
        ErrorAssert.Legacy(s2, b2, 403, message: "Invalid credentials");
        var (s3, b3) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/universal-auth/login", new JsonObject { ["clientId"] = Harness.ClientId, ["clientSecret"] = "wrong" });
        ErrorAssert.Legacy(s3, b3, 403, message: "Invalid credentials");

        var token = await h.LoginAsync();
        await h.SendAsync(HttpMethod.Post, "/api/v1/auth/token/revoke", new JsonObject { ["accessToken"] = token });
        var (s4, b4) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        ErrorAssert.Legacy(s4, b4, 403);
        var (s5, b5) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/token/revoke", new JsonObject { ["accessToken"] = token });
        ErrorAssert.Legacy(s5, b5, 403);
    }

    [Fact]
    public async Task Garbage_token_is_500_jwt_malformed()
    {
        await using var h = await Harness.LeaseAsync(CompatibilityLevel.Legacy2024);
        var (status, body) = await h.GetAsync(h.ListUrl("environment=dev"), "garbage");
        ErrorAssert.Legacy(status, body, 500, message: "jwt malformed");
    }

    [Fact]
    public async Task Validation_failure_is_403_ValidationFailure_with_array_message()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (status, body) = await h.GetAsync(h.ListUrl("environment=dev&recursive=True"), token);
        ErrorAssert.Legacy(status, body, 403, "ValidationFailure");
        ErrorAssert.ZodIssues(body, "recursive");
    }

    [Fact]
    public async Task Jwt_exp_is_max_ttl_and_renew_returns_the_same_token()
    {
        var h = await Harness.StartAsync(CompatibilityLevel.Legacy2024);
        var token = await h.LoginAsync();
        await using var _ = h;
        var claims = Jwt.Claims(token);
        Assert.Equal(86400, claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>());
        h.Server.Controls.AdvanceClock(TimeSpan.FromSeconds(3600));
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/token/renew", new JsonObject { ["accessToken"] = token });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(token, body!["accessToken"]!.GetValue<string>());
        Assert.Equal(7200, body["expiresIn"]!.GetValue<long>());
    }

    [Fact]
    public async Task Renew_when_ttl_equals_max_ttl_is_403_and_deletes_the_token()
    {
        await using var h = await Harness.LeaseAsync(CompatibilityLevel.Legacy2024);
        var token = await h.LoginAsync("short-lived", "s3");
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/token/renew", new JsonObject { ["accessToken"] = token });
        ErrorAssert.Legacy(status, body, 403, message: "Failed to renew MI access token past its Max TTL expiration");
        var (after, _) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        Assert.Equal(HttpStatusCode.Forbidden, after);
    }

    [Fact]
    public async Task Missing_secret_is_400_and_missing_write_target_names_the_blind_index()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (s1, b1) = await h.GetAsync(h.GetUrl("NOPE", "environment=dev"), token);
        ErrorAssert.Legacy(s1, b1, 400, message: "Secret not found");
        var (s2, b2) = await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/raw/NOPE", h.WriteBody(value: "x"), token);
        ErrorAssert.Legacy(s2, b2, 400);
        Assert.StartsWith("Secret not found: blind index ", b2!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_are_lenient_and_objects_have_no_timestamps()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (s1, b1) = await h.GetAsync(h.ListUrl("environment=qa&recursive=true&include_imports=true"), token);
        Assert.Equal(HttpStatusCode.OK, s1);
        Assert.Empty(b1!["secrets"]!.AsArray());
        Assert.Empty(b1["imports"]!.AsArray());

        var (_, list) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        var item = (JsonObject)list!["secrets"]![0]!;
        var expected = new[] { "id", "_id", "workspace", "environment", "version", "type", "secretKey", "secretValue", "secretComment", "secretPath" };
        Assert.Equal(expected.OrderBy(x => x), item.Select(p => p.Key).OrderBy(x => x));
        var ids = list["secrets"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.OrderBy(x => x, StringComparer.Ordinal), ids);

        var (_, got) = await h.GetAsync(h.GetUrl("DB_PASSWORD", "environment=dev"), token);
        var secret = (JsonObject)got!["secret"]!;
        Assert.True(secret.ContainsKey("tags"));
        Assert.False(secret.ContainsKey("createdAt"));
        var (_, versioned) = await h.GetAsync(h.GetUrl("DB_PASSWORD", "environment=dev&version=1"), token);
        Assert.False(((JsonObject)versioned!["secret"]!).ContainsKey("tags"));
    }

    [Fact]
    public async Task Get_one_expands_only_cross_path_references()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (_, got) = await h.GetAsync(h.GetUrl("CONN", "environment=dev&expandSecretReferences=true"), token);
        Assert.Equal("user=${DB_USER};pw=${DB_PASSWORD};host=db.prod", got!["secret"]!["secretValue"]!.GetValue<string>());
        var (_, list) = await h.GetAsync(h.ListUrl("environment=dev&expandSecretReferences=true"), token);
        var conn = list!["secrets"]!.AsArray().Single(s => s!["secretKey"]!.GetValue<string>() == "CONN")!;
        Assert.Equal("user=app;pw=hunter2;host=db.prod", conn["secretValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_in_missing_folder_is_400_and_update_ignores_comment_but_bumps_version()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (s1, b1) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/NEW", h.WriteBody(path: "/missing", value: "v"), token);
        ErrorAssert.Legacy(s1, b1, 400, message: "Folder not found for the given environment slug & secret path");

        var body = h.WriteBody(value: "new");
        body["secretComment"] = "ignored";
        var (s2, b2) = await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/raw/DB_PASSWORD", body, token);
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.Equal("main db", b2!["secret"]!["secretComment"]!.GetValue<string>());
        Assert.Equal(2, b2["secret"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_project_is_400_bot_lookup()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (status, body) = await h.GetAsync("/api/v3/secrets/raw?workspaceId=00000000-0000-0000-0000-000000000000&environment=dev", token);
        ErrorAssert.Legacy(status, body, 400, message: "Project not found during bot lookup.");
    }

    [Fact]
    public async Task After_ttl_but_before_max_ttl_the_valid_jwt_is_refused_with_403_ttl_expiration()
    {
        await using var h = await Harness.StartAsync(CompatibilityLevel.Legacy2024);
        var token = await h.LoginAsync();
        h.Server.Controls.AdvanceClock(TimeSpan.FromSeconds(7201));
        var (status, body) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        ErrorAssert.Legacy(status, body, 403, message: "Failed to renew MI access token due to TTL expiration");
    }

    [Fact]
    public async Task ViewSecretValue_is_ignored_by_the_2024_server()
    {
        var (h, token) = await Start();
        await using var _ = h;
        var (status, body) = await h.GetAsync(h.ListUrl("environment=dev&viewSecretValue=False"), token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(body!["secrets"]!.AsArray(), s => s!["secretValue"]!.GetValue<string>() == "hunter2");
    }
}
