using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>
/// Answers that differ between the current server and the self-hosted 2024-07 one (docs/infisical-api-notes.md):
/// every case runs at both compatibility levels and checks the answer that level gives.
/// </summary>
public sealed class VintageTests
{
    public static TheoryData<CompatibilityLevel> Levels => new() { CompatibilityLevel.Current, CompatibilityLevel.Legacy2024 };

    private static bool IsCurrent(CompatibilityLevel level) => level == CompatibilityLevel.Current;

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task An_update_without_a_value(CompatibilityLevel level)
    {
        await using var h = await Harness.LeaseAsync(level);
        var token = await h.LoginAsync();
        var body = h.WriteBody();
        body["secretComment"] = "no value given";

        var (status, answer) = await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/raw/DB_USER", body, token);

        if (IsCurrent(level))
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("app", answer!["secret"]!["secretValue"]!.GetValue<string>());
            Assert.Equal("no value given", answer["secret"]!["secretComment"]!.GetValue<string>());
        }
        else
        {
            ErrorAssert.Legacy(status, answer, 403, "ValidationFailure");
            var issue = Assert.Single(answer!["message"]!.AsArray())!;
            Assert.Equal("secretValue", issue["path"]![0]!.GetValue<string>());
            Assert.Equal("Required", issue["message"]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task A_rename_with_a_value(CompatibilityLevel level)
    {
        await using var h = await Harness.LeaseAsync(level);
        var token = await h.LoginAsync();
        var body = h.WriteBody(value: "app2");
        body["newSecretName"] = "DB_LOGIN";

        var (status, answer) = await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/raw/DB_USER", body, token);

        Assert.Equal(HttpStatusCode.OK, status);
        // The 2024 schema has no newSecretName: the value changes, the name does not.
        Assert.Equal(IsCurrent(level) ? "DB_LOGIN" : "DB_USER", answer!["secret"]!["secretKey"]!.GetValue<string>());
        var (newName, _) = await h.GetAsync(h.GetUrl("DB_LOGIN", "environment=dev"), token);
        Assert.Equal(IsCurrent(level) ? HttpStatusCode.OK : HttpStatusCode.BadRequest, newName);
        var (oldName, oldBody) = await h.GetAsync(h.GetUrl("DB_USER", "environment=dev"), token);
        Assert.Equal(IsCurrent(level) ? HttpStatusCode.NotFound : HttpStatusCode.OK, oldName);
        if (!IsCurrent(level))
        {
            Assert.Equal("app2", oldBody!["secret"]!["secretValue"]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task A_call_with_a_revoked_token_and_one_without_a_token(CompatibilityLevel level)
    {
        await using var h = await Harness.LeaseAsync(level);
        var token = await h.LoginAsync();
        var (revoked, _) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/token/revoke", new JsonObject { ["accessToken"] = token });
        Assert.Equal(HttpStatusCode.OK, revoked);

        var (s1, b1) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        var (s2, b2) = await h.SendAsync(HttpMethod.Get, h.ListUrl("environment=dev"));

        if (IsCurrent(level))
        {
            ErrorAssert.Current(s1, b1, 401, "UnauthorizedError", "No identity access token found");
            ErrorAssert.Current(s2, b2, 401, "UnauthorizedError", "Token missing");
        }
        else
        {
            ErrorAssert.Legacy(s1, b1, 403, "UnauthorizedError", "You are not allowed to access this resource");
            ErrorAssert.Legacy(s2, b2, 403, "Unauthorized access", "Token missing");
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task A_kms_call(CompatibilityLevel level)
    {
        // An own server: KMS keys are seeded at start, so a leased project would have none.
        await using var h = await Harness.StartAsync(level);
        var token = await h.LoginAsync();
        var url = $"/api/v1/kms/keys?projectId={h.ProjectId}";

        var (status, body) = await h.GetAsync(url, token);

        if (IsCurrent(level))
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(1, body!["totalCount"]!.GetValue<int>());
            return;
        }

        // No KMS at all: Fastify's unknown-route body, which names the URL with its query and carries no reqId.
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(new[] { "error", "message", "statusCode" }, ((JsonObject)body!).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal($"Route GET:{url} not found", body!["message"]!.GetValue<string>());
        Assert.Equal("Not Found", body!["error"]!.GetValue<string>());
        var (encrypt, _) = await h.SendAsync(HttpMethod.Post, $"/api/v1/kms/keys/{Guid.NewGuid()}/encrypt", new JsonObject { ["plaintext"] = "aGk=" }, token);
        Assert.Equal(HttpStatusCode.NotFound, encrypt);
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task A_missing_folder_or_environment_on_get_and_create(CompatibilityLevel level)
    {
        await using var h = await Harness.LeaseAsync(level);
        var token = await h.LoginAsync();

        var (s1, b1) = await h.GetAsync(h.GetUrl("DB_USER", "environment=dev&secretPath=/nowhere"), token);
        var (s2, b2) = await h.SendAsync(HttpMethod.Post, "/api/v3/secrets/raw/NEW", h.WriteBody(environment: "qa", value: "v"), token);

        if (IsCurrent(level))
        {
            ErrorAssert.Current(s1, b1, 404, "NotFound", "Folder with path '/nowhere' in environment with slug 'dev' not found");
            ErrorAssert.Current(s2, b2, 404, "NotFound", "Folder with path '/' in environment with slug 'qa' not found");
        }
        else
        {
            // "Create secret" even on the GET (sic).
            ErrorAssert.Legacy(s1, b1, 400, "Create secret", "Folder not found for the given environment slug & secret path");
            ErrorAssert.Legacy(s2, b2, 400, "Create secret", "Folder not found for the given environment slug & secret path");
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task An_update_or_delete_of_a_missing_secret_names_it(CompatibilityLevel level)
    {
        await using var h = await Harness.LeaseAsync(level);
        var token = await h.LoginAsync();

        var (s1, b1) = await h.SendAsync(HttpMethod.Patch, "/api/v3/secrets/raw/NOPE", h.WriteBody(value: "x"), token);
        var (s2, b2) = await h.SendAsync(HttpMethod.Delete, "/api/v3/secrets/raw/NOPE", h.WriteBody(), token);

        foreach (var (status, body) in new[] { (s1, b1), (s2, b2) })
        {
            if (IsCurrent(level))
            {
                ErrorAssert.Current(status, body, 404, "NotFound", "Secret with name 'NOPE' not found");
            }
            else
            {
                ErrorAssert.Legacy(status, body, 400, "BadRequest", "Secret not found: blind index NOPE");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task A_list_without_include_imports(CompatibilityLevel level)
    {
        await using var h = await Harness.LeaseAsync(level);
        var token = await h.LoginAsync();

        var (status, body) = await h.GetAsync(h.ListUrl("environment=dev"), token);

        Assert.Equal(HttpStatusCode.OK, status);
        var keys = ((JsonObject)body!).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        Assert.Equal(IsCurrent(level) ? new[] { "secrets" } : new[] { "imports", "secrets" }, keys);
        if (!IsCurrent(level))
        {
            Assert.Empty(body!["imports"]!.AsArray());
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task A_recursive_list_order(CompatibilityLevel level)
    {
        const string Seed = """
            "projects": [ { "id": "7d3b2f6e-3c1a-4a57-9a8e-0b6f3c2d1e4f", "slug": "order", "environments": ["dev"], "secrets": [
              { "id": "00000000-0000-4000-8000-000000000003", "environment": "dev", "path": "/", "key": "R1" },
              { "id": "00000000-0000-4000-8000-000000000001", "environment": "dev", "path": "/a", "key": "A1" },
              { "id": "00000000-0000-4000-8000-000000000004", "environment": "dev", "path": "/b", "key": "B1" },
              { "id": "00000000-0000-4000-8000-000000000005", "environment": "dev", "path": "/a", "key": "A2" },
              { "id": "00000000-0000-4000-8000-000000000002", "environment": "dev", "path": "/", "key": "R2" } ] } ]
            """;
        await using var h = await Harness.StartAsync(level, "{" + Harness.DefaultSeedIdentities + "," + Seed + "}");
        var token = await h.LoginAsync();

        var (_, body) = await h.GetAsync(h.ListUrl("environment=dev&recursive=true"), token);

        var order = body!["secrets"]!.AsArray().Select(s => s!["secretKey"]!.GetValue<string>()).ToArray();
        // Current: folder by folder. 2024: one array by secret id, folders interleaved.
        Assert.Equal(IsCurrent(level) ? new[] { "R1", "R2", "A1", "A2", "B1" } : new[] { "A1", "R2", "R1", "B1", "A2" }, order);
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task A_get_answered_through_an_import(CompatibilityLevel level)
    {
        await using var h = await Harness.LeaseAsync(level);
        var token = await h.LoginAsync();

        var (_, direct) = await h.GetAsync(h.GetUrl("DB_USER", "environment=dev"), token);
        var (status, imported) = await h.GetAsync(h.GetUrl("SHARED", "environment=dev&include_imports=true"), token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(((JsonObject)direct!["secret"]!).ContainsKey("tags"));
        Assert.Equal(IsCurrent(level), ((JsonObject)imported!["secret"]!).ContainsKey("tags"));
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task A_folder_create_answer(CompatibilityLevel level)
    {
        await using var h = await Harness.LeaseAsync(level);
        var token = await h.LoginAsync();
        var create = new JsonObject { ["projectId"] = h.ProjectId, ["environment"] = "dev", ["name"] = "svc", ["path"] = "/" };

        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v2/folders", create, token);

        Assert.Equal(HttpStatusCode.OK, status);
        var fields = ((JsonObject)body!["folder"]!).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        var expected = IsCurrent(level)
            ? new[] { "createdAt", "description", "envId", "id", "isReserved", "name", "parentId", "path", "updatedAt" }
            : new[] { "createdAt", "envId", "id", "isReserved", "name", "parentId", "updatedAt", "version" };
        Assert.Equal(expected, fields);
    }
}
