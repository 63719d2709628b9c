using System;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Kms;
using Infisical.Client.Tests.Auth.Fakes;
using Infisical.Client.Tests.Support;
using Infisical.LocalServer;
using Xunit;

namespace Infisical.Client.Tests.Auth;

/// <summary>OIDC and JWT Auth: real RS256 tokens verified by the local server against the seeded keys.</summary>
public sealed class OidcAndJwtAuthTests
{
    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task OidcLoginWithAValidTokenWorks(CompatibilityLevel level)
    {
        using var keys = new TestJwt();
        await using var h = await LocalServerHarness.StartAsync(level, AuthMethodsSeed.Json(keys));
        using var client = h.CreateClient();

        var credential = await client.Auth.OidcAuth.LoginAsync(AuthMethodsSeed.OidcIdentityId, OidcToken(keys, h));

        Assert.Equal(60, credential.ExpiresIn);
        await client.Kms.ListKeysAsync(new ListKmsKeysOptions { ProjectId = AuthMethodsSeed.ProjectId });
    }

    [Theory]
    [InlineData("aud", "someone-else", "Access denied: OIDC audience not allowed.")]
    [InlineData("iss", "https://evil.example", "Access denied: OIDC issuer not allowed.")]
    [InlineData("sub", "repo:other/thing", "Access denied: OIDC subject not allowed.")]
    public async Task OidcBoundClaimsAreEnforced(string claim, string value, string message)
    {
        using var keys = new TestJwt();
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current, AuthMethodsSeed.Json(keys));
        using var client = h.CreateClient();
        var claims = OidcClaims();
        claims[claim] = value;

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.OidcAuth.LoginAsync(AuthMethodsSeed.OidcIdentityId, keys.Mint(claims, h.Server.Clock.UtcNow)));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(message, Assert.Single(error.Messages));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task ATokenSignedByAnotherKeyIsATokenError(CompatibilityLevel level)
    {
        using var keys = new TestJwt();
        using var impostor = new TestJwt();
        await using var h = await LocalServerHarness.StartAsync(level, AuthMethodsSeed.Json(keys));
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.OidcAuth.LoginAsync(AuthMethodsSeed.OidcIdentityId, OidcToken(impostor, h)));

        // Current servers: 403 TokenError; 2024 servers let the jsonwebtoken error escape as a 500.
        Assert.Equal(level == CompatibilityLevel.Current ? HttpStatusCode.Forbidden : HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Null(client.Auth.AccessToken);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefused()
    {
        using var keys = new TestJwt();
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current, AuthMethodsSeed.Json(keys));
        using var client = h.CreateClient();
        var claims = OidcClaims();
        claims["exp"] = h.Server.Clock.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.OidcAuth.LoginAsync(AuthMethodsSeed.OidcIdentityId, keys.Mint(claims, h.Server.Clock.UtcNow)));

        Assert.Equal("TokenError", error.Error);
    }

    [Fact]
    public async Task AnotherIdentitysIdIs404()
    {
        using var keys = new TestJwt();
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current, AuthMethodsSeed.Json(keys));
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.OidcAuth.LoginAsync(AuthMethodsSeed.JwtIdentityId, OidcToken(keys, h)));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task AfterTheTokenExpiresTheClientLogsInAgainWithAFreshJwtFromTheSource()
    {
        using var keys = new TestJwt();
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current, AuthMethodsSeed.Json(keys));
        using var client = h.CreateClient();
        var issued = 0;

        await client.Auth.OidcAuth.LoginAsync(AuthMethodsSeed.OidcIdentityId, _ =>
        {
            Interlocked.Increment(ref issued);
            return Task.FromResult(OidcToken(keys, h));
        });
        h.AdvanceClock(TimeSpan.FromSeconds(61)); // past the seeded 60 s TTL and max TTL: renewal is impossible

        await client.Kms.ListKeysAsync(new ListKmsKeysOptions { ProjectId = AuthMethodsSeed.ProjectId });

        Assert.Equal(2, issued);
        Assert.Equal(2, h.Controls.Count("/api/v1/auth/oidc-auth/login"));
    }

    [Fact]
    public async Task JwtAuthChecksBoundClaimsWithGlobs()
    {
        using var keys = new TestJwt();
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current, AuthMethodsSeed.Json(keys));
        using var client = h.CreateClient();
        var now = h.Server.Clock.UtcNow;

        await client.Auth.JwtAuth.LoginAsync(
            AuthMethodsSeed.JwtIdentityId,
            keys.Mint(new JsonObject { ["iss"] = AuthMethodsSeed.JwtIssuer, ["sub"] = "svc", ["env"] = "stage-eu" }, now));
        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Auth.JwtAuth.LoginAsync(
            AuthMethodsSeed.JwtIdentityId,
            keys.Mint(new JsonObject { ["iss"] = AuthMethodsSeed.JwtIssuer, ["sub"] = "svc", ["env"] = "dev" }, now)));

        Assert.Equal("Access denied: JWT claim not allowed.", Assert.Single(error.Messages));
    }

    [Fact]
    public async Task AnEmptyJwtIsRejectedBeforeSending()
    {
        using var keys = new TestJwt();
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current, AuthMethodsSeed.Json(keys));
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Auth.JwtAuth.LoginAsync(AuthMethodsSeed.JwtIdentityId, " "));

        Assert.Equal("jwt", error.ParamName);
        Assert.Equal(0, h.Controls.Count("/api/v1/auth/jwt-auth/login"));
    }

    private static JsonObject OidcClaims() => new()
    {
        ["iss"] = AuthMethodsSeed.OidcIssuer,
        ["aud"] = "infisical",
        ["sub"] = "repo:acme/build:ref:refs/heads/main",
    };

    private static string OidcToken(TestJwt keys, LocalServerHarness h) => keys.Mint(OidcClaims(), h.Server.Clock.UtcNow);
}
