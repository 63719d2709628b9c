using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Infisical.Client.Tests.Auth.Fakes;
using Infisical.LocalServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Infisical.Build.Tests.EndToEnd;

/// <summary>
/// Every machine-identity login a CI system uses, chosen by INFISICAL_AUTH_METHOD, in a real build of the packed
/// package: the build must log in through that method's route exactly once and write the seeded value. Cloud
/// metadata services and GitHub's OIDC token endpoint are loopback stand-ins.
/// </summary>
[Collection(PackagedBuildCollection.Name)]
public sealed class AuthMethodBuildTests
{
    private const string Value = "auth-method-value-Zm8";
    private readonly PackagedBuildFixture _fixture;

    public AuthMethodBuildTests(PackagedBuildFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("universal-auth", "universal-auth")]
    [InlineData("oidc-auth", "oidc-auth")]
    [InlineData("oidc-auth-github", "oidc-auth")]
    [InlineData("jwt", "jwt-auth")]
    [InlineData("kubernetes", "kubernetes-auth")]
    [InlineData("ldap", "ldap-auth")]
    [InlineData("azure", "azure-auth")]
    [InlineData("gcp-id-token", "gcp-auth")]
    [InlineData("aws-iam", "aws-auth")]
    public async Task Each_auth_method_logs_in_through_its_own_route_and_builds(string scenario, string route)
    {
        using var keys = new TestJwt();
        await using var server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(Seed(keys)) });
        var app = await _fixture.CreateProjectAsync("Auth_" + scenario.Replace('-', '_'), extraProperties: $"<InfisicalProjectSlug></InfisicalProjectSlug><InfisicalProjectId>{AuthMethodsSeed.ProjectId}</InfisicalProjectId>");
        var env = new Dictionary<string, string?>
        {
            ["INFISICAL_API_URL"] = server.BaseUrl + "/api",
            ["XDG_CACHE_HOME"] = Path.Combine(app, ".token-cache"),
        };
        await using var standIn = await ConfigureAsync(scenario, env, keys, app);

        var extra = scenario == "jwt" ? new[] { "-p:InfisicalEnv=dev", "-p:InfisicalIdentityId=" + AuthMethodsSeed.JwtIdentityId } : new[] { "-p:InfisicalEnv=dev" };
        if (scenario == "oidc-auth-github")
        {
            extra = extra.Append("-p:InfisicalOidcAudience=infisical").ToArray();
        }

        var binlog = Path.Combine(app, "auth.binlog");
        var build = await _fixture.BuildAsync(app, env, extra.Append("-bl:" + binlog).ToArray());

        Assert.True(build.ExitCode == 0, build.Output);

        // A method's dependencies load only when it is used: the binlog records each assembly a task loads.
        var replay = await BinlogText.ReplayAsync(_fixture, binlog);
        // The control: the fetch's own loads are recorded (the HTTP stack loads only when a request is sent).
        Assert.Contains("Assembly loaded during TaskRun (Infisical.Build.Tasks.GetInfisicalSnapshot): System.Net.Http,", replay);
        Assert.Equal(scenario == "aws-iam", replay.Contains("(Infisical.Build.Tasks.GetInfisicalSnapshot): AWSSDK.Core", StringComparison.Ordinal));
        Assert.Equal(scenario == "aws-iam", replay.Contains("): AWSSDK.Core", StringComparison.Ordinal));
        Assert.DoesNotContain(Value, replay);
        var logins = server.Controls.Requests.Where(r => r.Path.EndsWith("/login", StringComparison.Ordinal)).Select(r => r.Path).ToList();
        Assert.Equal(new[] { $"/api/v1/auth/{route}/login" }, logins);
        Assert.Contains(Value, File.ReadAllText(Path.Combine(app, "bin", "Debug", "net10.0", "appsettings.Infisical.json")));
        foreach (var secret in env.Where(p => p.Key is "INFISICAL_JWT" or "INFISICAL_LDAP_PASSWORD" or "AWS_SECRET_ACCESS_KEY" or "ACTIONS_ID_TOKEN_REQUEST_TOKEN" or "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"))
        {
            Assert.DoesNotContain(secret.Value!, build.Output);
            Assert.DoesNotContain(secret.Value!, replay);
        }

        // Nor the access token the login returned (the token cache holds it; the logs must not).
        foreach (var cached in Directory.GetFiles(Path.Combine(app, ".token-cache"), "*.json", SearchOption.AllDirectories))
        {
            var token = System.Text.Json.JsonDocument.Parse(File.ReadAllText(cached)).RootElement.GetProperty("accessToken").GetString()!;
            Assert.DoesNotContain(token, replay);
            Assert.DoesNotContain(token, build.Output);
        }

        Assert.DoesNotContain(Value, build.Output);
    }

    [Fact]
    public async Task A_static_token_builds_without_any_login_and_an_unknown_method_is_INFB045()
    {
        using var keys = new TestJwt();
        await using var server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(Seed(keys)) });
        var app = await _fixture.CreateProjectAsync("Auth_token", extraProperties: $"<InfisicalProjectSlug></InfisicalProjectSlug><InfisicalProjectId>{AuthMethodsSeed.ProjectId}</InfisicalProjectId>");
        using var client = new Infisical.Client.InfisicalClient(new Infisical.Client.InfisicalClientOptions { Host = server.BaseUrl });
        var token = (await client.Auth.UniversalAuth.LoginAsync(AuthMethodsSeed.UniversalClientId, AuthMethodsSeed.UniversalClientSecret)).AccessToken;
        server.Controls.ClearRequests();
        var env = new Dictionary<string, string?> { ["INFISICAL_API_URL"] = server.BaseUrl + "/api", ["INFISICAL_TOKEN"] = token, ["INFISICAL_AUTH_METHOD"] = "token" };

        var build = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(0, BuildLog.Logins(server));
        Assert.Equal(new[] { 200 }, BuildLog.Lists(server));
        Assert.DoesNotContain(token, build.Output);

        env["INFISICAL_AUTH_METHOD"] = "kerberos";
        var unknown = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-p:InfisicalRefresh=true");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("'kerberos'", Assert.Single(BuildLog.Lines(unknown.Output, "error INFB045").Distinct()));
    }

    /// <summary>Sets the scenario's variables; returns the stand-in service it needs (or a no-op).</summary>
    private static async Task<IAsyncDisposable> ConfigureAsync(string scenario, Dictionary<string, string?> env, TestJwt keys, string app)
    {
        var now = DateTimeOffset.UtcNow;
        env["INFISICAL_AUTH_METHOD"] = scenario == "oidc-auth-github" ? "oidc-auth" : scenario;
        switch (scenario)
        {
            case "universal-auth":
                env["INFISICAL_UNIVERSAL_AUTH_CLIENT_ID"] = AuthMethodsSeed.UniversalClientId;
                env["INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"] = AuthMethodsSeed.UniversalClientSecret;
                break;
            case "oidc-auth":
                env["INFISICAL_MACHINE_IDENTITY_ID"] = AuthMethodsSeed.OidcIdentityId;
                env["INFISICAL_JWT"] = keys.Mint(OidcClaims(), now);
                break;
            case "oidc-auth-github":
            {
                // GitHub Actions' token endpoint: a bearer request token, an audience, and {"value": jwt} back.
                env["INFISICAL_MACHINE_IDENTITY_ID"] = AuthMethodsSeed.OidcIdentityId;
                const string requestToken = "github-request-token-Zr5";
                var jwt = keys.Mint(OidcClaims(), now);
                var github = await FakeMetadataServer.StartAsync(web => web.MapGet("/_apis/token", (HttpContext http) =>
                    http.Request.Headers.Authorization == "Bearer " + requestToken && http.Request.Query["audience"] == "infisical"
                        ? Results.Json(new { value = jwt })
                        : Results.StatusCode(401)));
                env["ACTIONS_ID_TOKEN_REQUEST_URL"] = new Uri(github.BaseUri, "/_apis/token?api-version=2.0").ToString();
                env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = requestToken;
                return github;
            }

            case "jwt":
                env["INFISICAL_JWT"] = keys.Mint(new JsonObject { ["iss"] = AuthMethodsSeed.JwtIssuer, ["sub"] = "svc", ["env"] = "prod" }, now);
                break;
            case "kubernetes":
                env["INFISICAL_MACHINE_IDENTITY_ID"] = AuthMethodsSeed.KubernetesIdentityId;
                var tokenFile = Path.Combine(app, "sa-token");
                File.WriteAllText(tokenFile, "sa-token-1\n");
                env["INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH"] = tokenFile;
                break;
            case "ldap":
                env["INFISICAL_MACHINE_IDENTITY_ID"] = AuthMethodsSeed.LdapIdentityId;
                env["INFISICAL_LDAP_USERNAME"] = "alice";
                env["INFISICAL_LDAP_PASSWORD"] = "correct horse";
                break;
            case "azure":
            {
                env["INFISICAL_MACHINE_IDENTITY_ID"] = AuthMethodsSeed.AzureIdentityId;
                var imds = await FakeMetadataServer.AzureAsync(AuthMethodsSeed.AzureResource, "azure-token-good");
                env["AZURE_POD_IDENTITY_AUTHORITY_HOST"] = imds.BaseUri.ToString();
                return imds;
            }

            case "gcp-id-token":
            {
                env["INFISICAL_MACHINE_IDENTITY_ID"] = AuthMethodsSeed.GcpIdentityId;
                var metadata = await FakeMetadataServer.GcpAsync(audience => keys.Mint(
                    new JsonObject { ["iss"] = "https://accounts.google.com", ["aud"] = audience, ["sub"] = "1234567890", ["email"] = AuthMethodsSeed.GcpServiceAccount, ["email_verified"] = true }, DateTimeOffset.UtcNow));
                env["GCE_METADATA_HOST"] = metadata.BaseUri.Authority;
                return metadata;
            }

            case "aws-iam":
                env["INFISICAL_MACHINE_IDENTITY_ID"] = AuthMethodsSeed.AwsIdentityId;
                env["AWS_ACCESS_KEY_ID"] = AuthMethodsSeed.UserKeyId;
                env["AWS_SECRET_ACCESS_KEY"] = AuthMethodsSeed.UserSecret;
                env["AWS_REGION"] = "us-east-1";
                env["AWS_CONFIG_FILE"] = Path.Combine(app, "no-aws-config");
                env["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(app, "no-aws-credentials");
                break;
        }

        return new NoStandIn();
    }

    private static JsonObject OidcClaims() => new()
    {
        ["iss"] = AuthMethodsSeed.OidcIssuer,
        ["aud"] = "infisical",
        ["sub"] = "repo:acme/build:ref:refs/heads/main",
    };

    /// <summary>The client tests' auth-methods seed, with one dev secret in its project.</summary>
    private static string Seed(TestJwt keys)
    {
        var seed = JsonNode.Parse(AuthMethodsSeed.Json(keys))!;
        seed["projects"]![0]!["secrets"] = new JsonArray(new JsonObject { ["environment"] = "dev", ["path"] = "/", ["key"] = "AUTH_METHOD_VALUE", ["value"] = Value });
        return seed.ToJsonString();
    }

    private sealed class NoStandIn : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
