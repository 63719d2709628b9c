namespace Infisical.Client.Tests.Core;

public sealed class UniversalAuthTests
{
    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Login_returns_credential_and_authenticates_later_calls(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = h.CreateClient();

        var credential = await client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret);

        Assert.False(string.IsNullOrEmpty(credential.AccessToken));
        Assert.Equal(2592000, credential.ExpiresIn);
        Assert.Equal(2592000, credential.AccessTokenMaxTtl);
        Assert.Equal("Bearer", credential.TokenType);
        Assert.Equal(credential.AccessToken, client.Auth.AccessToken);
        Assert.DoesNotContain(credential.AccessToken, credential.ToString());

        var list = await client.Secrets.ListAsync(new ListSecretsOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev" });
        Assert.Contains(list.Secrets, s => s.SecretKey == "DB_PASSWORD");
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Wrong_secret_fails_once_without_retry(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = h.CreateClient(o => o.MaxRetries = 5);

        var error = await Assert.ThrowsAsync<InfisicalApiException>(
            () => client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, "not-the-secret"));

        var expected = mode == CompatibilityLevel.Current ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
        Assert.Equal(expected, error.StatusCode);
        Assert.DoesNotContain("not-the-secret", error.Message);
        Assert.Equal(1, h.Controls.Count("/api/v1/auth/universal-auth/login"));
        Assert.Null(client.Auth.AccessToken);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Unknown_client_id_is_reported_with_the_servers_status(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(
            () => client.Auth.UniversalAuth.LoginAsync("no-such-client", "whatever"));

        var expected = mode == CompatibilityLevel.Current ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
        Assert.Equal(expected, error.StatusCode);
        Assert.NotEmpty(error.Messages);
    }

    [Fact]
    public async Task Login_is_not_retried_on_a_500()
    {
        // A 500 may come after the credentials were judged; 502/503/504 are retried (see LoginRetryTests).
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = h.CreateClient(o => o.MaxRetries = 3);
        h.Controls.InjectFault(new FaultRule { PathContains = "/universal-auth/login", StatusCode = 500, Count = 5 });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(
            () => client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(1, h.Controls.Count("/api/v1/auth/universal-auth/login"));
    }

    [Fact]
    public async Task Calls_without_any_token_fail_clearly_before_sending()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalException>(
            () => client.Secrets.ListAsync(new ListSecretsOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev" }));

        Assert.Contains("LoginAsync", error.Message);
        Assert.Empty(h.Controls.Settled());
    }
}
