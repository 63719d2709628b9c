using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Infisical.LocalServer;

namespace Infisical.LocalServer.Tests;

/// <summary>A local server (own or shared) plus a raw HttpClient and the project a test works in.</summary>
public sealed class Harness : IAsyncDisposable
{
    public const string DefaultProjectId = "7d3b2f6e-3c1a-4a57-9a8e-0b6f3c2d1e4f";
    public const string ClientId = "client-id-1";
    public const string ClientSecret = "client-secret-1";

    public const string DefaultSeedIdentities = """
      "identities": [
        { "id": "0b8e6f3a-1111-4c2d-9a8e-0b6f3c2d1e4f", "name": "ci-bot", "clientId": "client-id-1", "clientSecret": "client-secret-1",
          "accessTokenTTL": 7200, "accessTokenMaxTTL": 86400 },
        { "clientId": "short-lived", "clientSecret": "s3", "accessTokenTTL": 60, "accessTokenMaxTTL": 60 },
        { "clientId": "three-uses", "clientSecret": "s4", "accessTokenNumUsesLimit": 3 },
        { "clientId": "no-expiry", "clientSecret": "s5", "accessTokenTTL": 0, "accessTokenMaxTTL": 0, "awsAuth": { "allowedAccountIds": "123" } }
      ]
    """;

    // @ID@ = project id, @SLUG@ = project slug (see Project).
    public const string ProjectTemplate = """
        { "id": "@ID@", "slug": "@SLUG@", "environments": ["dev", "staging", "prod"],
          "tags": [ { "slug": "db", "name": "Database", "color": "#ff0000" } ],
          "kmsKeys": [ { "name": "k1" } ],
          "secrets": [
            { "environment": "dev", "path": "/", "key": "DB_PASSWORD", "value": "hunter2", "tags": ["db"], "comment": "main db" },
            { "environment": "dev", "path": "/", "key": "DB_USER", "value": "app" },
            { "environment": "dev", "path": "/", "key": "CONN", "value": "user=${DB_USER};pw=${DB_PASSWORD};host=${prod.infra.HOST}" },
            { "environment": "dev", "path": "/", "key": "DANGLING", "value": "x-${NOPE}-y" },
            { "environment": "dev", "path": "/", "key": "CYCLE_A", "value": "a${CYCLE_B}" },
            { "environment": "dev", "path": "/", "key": "CYCLE_B", "value": "b${CYCLE_A}" },
            { "environment": "dev", "path": "/", "key": "MULTI", "value": "line1\nline2" },
            { "environment": "dev", "path": "/", "key": "QUOTED", "value": "${MULTI}", "skipMultilineEncoding": true },
            { "environment": "dev", "path": "/app", "key": "APP_KEY", "value": "appval" },
            { "environment": "dev", "path": "/app/db", "key": "DEEP", "value": "deepval" },
            { "environment": "prod", "path": "/infra", "key": "HOST", "value": "db.prod" },
            { "environment": "staging", "path": "/shared", "key": "SHARED", "value": "from-staging" },
            { "environment": "staging", "path": "/shared", "key": "DB_USER", "value": "staging-user" },
            { "environment": "prod", "path": "/shared", "key": "SHARED", "value": "from-prod" }
          ],
          "imports": [
            { "environment": "dev", "path": "/", "fromEnvironment": "staging", "fromPath": "/shared" },
            { "environment": "dev", "path": "/", "fromEnvironment": "prod", "fromPath": "/shared" }
          ],
          "approvalPolicies": [ { "environment": "prod", "secretPath": "/" } ] }
    """;

    public static string DefaultSeed => "{" + DefaultSeedIdentities + ", \"projects\": [" + Project(DefaultProjectId, "demo") + "] }";

    public static string Project(string id, string slug) => ProjectTemplate.Replace("@ID@", id).Replace("@SLUG@", slug);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<CompatibilityLevel, Lazy<Task<LocalInfisicalServer>>> Pool = new();
    private readonly bool owned;

    private Harness(LocalInfisicalServer server, string projectId, bool owned)
    {
        Server = server;
        ProjectId = projectId;
        this.owned = owned;
        Http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
    }

    /// <summary>The project this test works in.</summary>
    public string ProjectId { get; }

    public LocalInfisicalServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>
    /// A fresh copy of the default project on a server shared by all tests of that compatibility level. Use only in
    /// tests that do not touch server-wide things (clock, faults, request log, rate limits); those use <see cref="StartAsync"/>.
    /// </summary>
    public static async Task<Harness> LeaseAsync(CompatibilityLevel level = CompatibilityLevel.Current)
    {
        var server = await Pool.GetOrAdd(level, l => new Lazy<Task<LocalInfisicalServer>>(() => LocalInfisicalServer.StartAsync(new LocalServerOptions
        {
            Seed = SeedDocument.Parse("{" + DefaultSeedIdentities + "}"),
            Compatibility = l,
            EnableTestControls = true,
        }))).Value;
        var projectId = Guid.NewGuid().ToString();
        server.LoadSeed(SeedDocument.Parse("{ \"projects\": [" + Project(projectId, "demo-" + projectId[..8]) + "] }"));
        return new Harness(server, projectId, owned: false);
    }

    /// <summary>A server of its own (default seed unless given).</summary>
    public static async Task<Harness> StartAsync(CompatibilityLevel level = CompatibilityLevel.Current, string? seed = null, bool testControls = true, RateLimitOptions? rateLimit = null)
    {
        var server = await LocalInfisicalServer.StartAsync(new LocalServerOptions
        {
            Seed = SeedDocument.Parse(seed ?? DefaultSeed),
            Compatibility = level,
            EnableTestControls = testControls,
            RateLimit = rateLimit,
        });
        return new Harness(server, DefaultProjectId, owned: true);
    }

    public async Task<string> LoginAsync(string clientId = ClientId, string clientSecret = ClientSecret)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v1/auth/universal-auth/login", new JsonObject { ["clientId"] = clientId, ["clientSecret"] = clientSecret });
        Xunit.Assert.Equal(HttpStatusCode.OK, status);
        return body!["accessToken"]!.GetValue<string>();
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string url, JsonNode? body = null, string? token = null)
    {
        var (response, text) = await RawAsync(method, url, body, token);
        return (response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    public async Task<(HttpResponseMessage Response, string Text)> RawAsync(HttpMethod method, string url, JsonNode? body = null, string? token = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body != null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (token != null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var pair in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(pair.Key, pair.Value);
        }

        var response = await Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string url, string token) => SendAsync(HttpMethod.Get, url, null, token);

    public string ListUrl(string query) => $"/api/v3/secrets/raw?workspaceId={ProjectId}&{query}";

    public string GetUrl(string name, string query) => $"/api/v3/secrets/raw/{Uri.EscapeDataString(name)}?workspaceId={ProjectId}&{query}";

    public JsonObject WriteBody(string environment = "dev", string path = "/", string? value = null)
    {
        var body = new JsonObject { ["workspaceId"] = ProjectId, ["environment"] = environment, ["secretPath"] = path };
        if (value != null)
        {
            body["secretValue"] = value;
        }

        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (owned)
        {
            await Server.DisposeAsync();
        }
    }
}
