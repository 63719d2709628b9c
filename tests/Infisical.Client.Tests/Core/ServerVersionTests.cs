using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using Infisical.Client.Json;
using Infisical.Client.Pipeline;
using Infisical.Client.Kms;

namespace Infisical.Client.Tests.Core;

/// <summary>
/// What differs between a current server and the self-hosted 2024-07 one, and what the client does about it: each
/// case runs against both compatibility levels and asserts the answer that level gives.
/// </summary>
public sealed class ServerVersionTests
{
    private const string ListPath = "/api/v3/secrets/raw";
    private const string LoginPath = "/api/v1/auth/universal-auth/login";

    private static readonly ListSecretsOptions Dev = new() { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", IncludeImports = false };

    private static GetSecretOptions Get(string name) =>
        new() { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = name, IncludeImports = false };

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_rename_the_server_ignores_is_a_typed_error_not_a_success(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();
        var rename = new UpdateSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "API_URL", NewSecretName = "API_BASE_URL",
            SecretValue = "https://v2.example",
        };

        if (mode == CompatibilityLevel.Current)
        {
            var result = await client.Secrets.UpdateAsync(rename);
            Assert.Equal("API_BASE_URL", result.Secret!.SecretKey);
            Assert.Equal("https://v2.example", (await client.Secrets.GetByNameAsync(Get("API_BASE_URL"))).SecretValue);
            return;
        }

        // The 2024 server answers 200 with the old name: only the answer shows the rename did not happen.
        var error = await Assert.ThrowsAsync<InfisicalUnsupportedFeatureException>(() => client.Secrets.UpdateAsync(rename));
        Assert.Equal(InfisicalServerFeature.SecretRename, error.Feature);
        Assert.Contains("does not support renaming secrets", error.Message);
        Assert.Contains("The new value was applied", error.Message);
        Assert.DoesNotContain("https://v2.example", error.Message);
        Assert.Equal(200, Assert.Single(h.Controls.Requests, r => r.Method == "PATCH").Status);
        Assert.Equal("https://v2.example", (await client.Secrets.GetByNameAsync(Get("API_URL"))).SecretValue);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_comment_the_server_does_not_store_is_a_typed_error(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();
        var update = new UpdateSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD", SecretValue = "rotated",
            SecretComment = "rotated monthly",
        };

        if (mode == CompatibilityLevel.Current)
        {
            var result = await client.Secrets.UpdateAsync(update);
            Assert.Equal("rotated monthly", result.Secret!.SecretComment);
            return;
        }

        var error = await Assert.ThrowsAsync<InfisicalUnsupportedFeatureException>(() => client.Secrets.UpdateAsync(update));
        Assert.Equal(InfisicalServerFeature.SecretCommentUpdate, error.Feature);
        Assert.Contains("does not store comments", error.Message);
        Assert.DoesNotContain("rotated", error.Message); // neither the value nor the comment
        Assert.Equal("rotated", (await client.Secrets.GetByNameAsync(Get("DB_PASSWORD"))).SecretValue);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_revoked_token_is_followed_by_exactly_one_login_and_one_replay(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();
        using (var http = new HttpClient())
        {
            // Revoked behind the client's back, as an operator (or a renewal past the max TTL) would.
            var body = new JsonObject { ["accessToken"] = client.Auth.AccessToken }.ToJsonString();
            using var revoke = await http.PostAsync(h.BaseUrl + "/api/v1/auth/token/revoke", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        h.Controls.ClearRequests();
        var list = await client.Secrets.ListAsync(Dev);

        Assert.NotEmpty(list.Secrets);
        // Each request is logged as its answer's headers go out, so everything the client awaited is already here.
        var log = h.Controls.Requests.Select(r => (r.Method, r.Path, r.Status)).ToList();
        var refusal = mode == CompatibilityLevel.Current ? 401 : 403;
        Assert.Equal(new[] { ("GET", ListPath, refusal), ("POST", LoginPath, 200), ("GET", ListPath, 200) }, log);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_kms_call_names_the_missing_kms_api_without_the_query(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();
        var options = new ListKmsKeysOptions { ProjectId = TestSeed.ProjectId, Search = "needle-in-query" };

        if (mode == CompatibilityLevel.Current)
        {
            Assert.Equal(0, (await client.Kms.ListKeysAsync(options)).TotalCount);
            return;
        }

        var error = await Assert.ThrowsAsync<InfisicalUnsupportedFeatureException>(() => client.Kms.ListKeysAsync(options));
        Assert.Equal(InfisicalServerFeature.Kms, error.Feature);
        Assert.Contains("has no KMS API", error.Message);
        Assert.Contains("GET /api/v1/kms/keys", error.Message);
        Assert.DoesNotContain("?", error.Message);
        Assert.DoesNotContain("needle-in-query", error.ToString());
        Assert.Null(error.InnerException);
        Assert.Equal(1, h.Controls.Requests.Count(r => r.Path.StartsWith("/api/v1/kms", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Every_kms_operation_reports_the_missing_api_only_where_it_is_missing(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();
        var keyId = Guid.NewGuid().ToString();
        var calls = new Func<Task>[]
        {
            () => client.Kms.GetKeyByIdAsync(keyId),
            () => client.Kms.GetKeyByNameAsync("some-key", TestSeed.ProjectId),
            () => client.Kms.EncryptAsync(keyId, "aGVsbG8="),
            () => client.Kms.DeleteKeyAsync(keyId),
        };

        foreach (var call in calls)
        {
            if (mode == CompatibilityLevel.Current)
            {
                // The API exists: an unknown key is the API's own 404, not the framework's.
                var missing = await Assert.ThrowsAsync<InfisicalApiException>(call);
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
                Assert.False(missing.IsUnknownRoute);
            }
            else
            {
                Assert.Equal(InfisicalServerFeature.Kms, (await Assert.ThrowsAsync<InfisicalUnsupportedFeatureException>(call)).Feature);
            }
        }
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task An_unknown_route_error_keeps_the_path_but_not_the_query(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();
        var query = new List<KeyValuePair<string, string>> { new("projectId", "p-needle") };

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Connection.Requests.SendAsync(
            new InfisicalRequest(HttpMethod.Get, "/api/v9/nothing", RequestOptions.Read).WithQuery(query), ClientJsonContext.Default.MessageResponse, default));

        Assert.True(error.IsUnknownRoute);
        Assert.Equal("Route GET:/api/v9/nothing not found", Assert.Single(error.Messages));
        Assert.DoesNotContain("p-needle", error.Message);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_missing_folder_on_get_answers_with_each_servers_label(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.GetByNameAsync(Get("X") with { SecretPath = "/nowhere" }));

        Assert.Equal(mode == CompatibilityLevel.Current ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(mode == CompatibilityLevel.Current ? "NotFound" : "Create secret", error.Error);
        Assert.False(error.IsTokenError);
    }
}
