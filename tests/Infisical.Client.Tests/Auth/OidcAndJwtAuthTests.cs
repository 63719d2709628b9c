using System.Text.Json.Nodes;
using System.Threading;
using Infisical.Client.Tests.Auth.Fakes;

namespace Infisical.Client.Tests.Auth;

/// <summary>OIDC and JWT Auth: real RS256 tokens verified by the local server against the seeded keys.</summary>
public sealed class OidcAndJwtAuthTests
{
    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task OidcLoginWithAValidTokenWorks(CompatibilityLevel level)
    {
        await using var h = await AuthMethodsHarness.StartAsync(level);
        using var client = h.CreateClient();

        var credential = await client.Auth.OidcAuth.LoginAsync(AuthMethodsSeed.OidcIdentityId, h.Mint(OidcClaims()));

        Assert.Equal(60, credential.ExpiresIn);
        await AuthMethodsHarness.ListProjectSecretsAsync(client);
    }

    [Theory]
    [InlineData("aud", "someone-else", "Access denied: OIDC audience not allowed.")]
    [InlineData("iss", "https://evil.example", "Access denied: OIDC issuer not allowed.")]
    [InlineData("sub", "repo:other/thing", "Access denied: OIDC subject not allowed.")]
    public async Task OidcBoundClaimsAreEnforced(string claim, string value, string message)
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();
        var claims = OidcClaims();
        claims[claim] = value;

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.OidcAuth.LoginAsync(AuthMethodsSeed.OidcIdentityId, h.Mint(claims)));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(message, Assert.Single(error.Messages));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task ATokenSignedByAnotherKeyIsATokenError(CompatibilityLevel level)
    {
        using var impostor = new TestJwt();
        await using var h = await AuthMethodsHarness.StartAsync(level);
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.OidcAuth.LoginAsync(AuthMethodsSeed.OidcIdentityId, impostor.Mint(OidcClaims(), h.Now)));

        // Current servers: 403 TokenError; 2024 servers let the jsonwebtoken error escape as a 500.
        Assert.Equal(level == CompatibilityLevel.Current ? HttpStatusCode.Forbidden : HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Null(client.Auth.AccessToken);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefused()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();
        var claims = OidcClaims();
        claims["exp"] = h.Now.AddMinutes(-1).ToUnixTimeSeconds();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.OidcAuth.LoginAsync(AuthMethodsSeed.OidcIdentityId, h.Mint(claims)));

        Assert.Equal("TokenError", error.Error);
    }

    [Fact]
    public async Task AnotherIdentitysIdIs404()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.OidcAuth.LoginAsync(AuthMethodsSeed.JwtIdentityId, h.Mint(OidcClaims())));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task AfterTheTokenExpiresTheClientLogsInAgainWithAFreshJwtFromTheSource()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();
        var issued = 0;

        await client.Auth.OidcAuth.LoginAsync(AuthMethodsSeed.OidcIdentityId, _ =>
        {
            Interlocked.Increment(ref issued);
            return Task.FromResult(h.Mint(OidcClaims()));
        });
        h.AdvanceClock(TimeSpan.FromSeconds(61)); // past the seeded 60 s TTL and max TTL: renewal is impossible

        await AuthMethodsHarness.ListProjectSecretsAsync(client);

        Assert.Equal(2, issued);
        Assert.Equal(2, h.Controls.Count("/api/v1/auth/oidc-auth/login"));
    }

    [Fact]
    public async Task JwtAuthChecksBoundClaimsWithGlobs()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();

        await client.Auth.JwtAuth.LoginAsync(
            AuthMethodsSeed.JwtIdentityId,
            h.Mint(new JsonObject { ["iss"] = AuthMethodsSeed.JwtIssuer, ["sub"] = "svc", ["env"] = "stage-eu" }));
        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Auth.JwtAuth.LoginAsync(
            AuthMethodsSeed.JwtIdentityId,
            h.Mint(new JsonObject { ["iss"] = AuthMethodsSeed.JwtIssuer, ["sub"] = "svc", ["env"] = "dev" })));

        Assert.Equal("Access denied: JWT claim not allowed.", Assert.Single(error.Messages));
    }

    [Fact]
    public async Task AnEmptyJwtIsRejectedBeforeSending()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
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
}
