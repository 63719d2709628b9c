namespace Infisical.Client.Tests.Core;

/// <summary>Renewal, max TTL, re-login and replay, driven by the server's fake clock (TTL 60 s, max TTL 150 s).</summary>
public sealed class TokenLifecycleTests
{
    private const string LoginPath = "/api/v1/auth/universal-auth/login";
    private const string RenewPath = "/api/v1/auth/token/renew";
    private const string ListPath = "/api/v3/secrets/raw";

    private static readonly ListSecretsOptions Dev = new() { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", IncludeImports = false };

    // Cache off: each read must reach the server, since only a request shows which token the client carries.
    private static Task<InfisicalClient> LoginShortAsync(LocalServerHarness h, Action<InfisicalClientOptions>? configure = null) =>
        h.LoginAsync(o => { o.CacheTtl = null; configure?.Invoke(o); }, TestSeed.ShortClientId, TestSeed.ShortClientSecret);

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Token_is_renewed_ahead_of_expiry_and_the_returned_token_adopted(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await LoginShortAsync(h);
        var first = client.Auth.AccessToken;

        await client.Secrets.ListAsync(Dev);
        Assert.Equal(0, h.Controls.Count(RenewPath));

        h.AdvanceClock(TimeSpan.FromSeconds(50)); // past 80 % of 60 s, still valid
        await client.Secrets.ListAsync(Dev);

        Assert.Equal(1, h.Controls.Count(RenewPath));
        Assert.Equal(1, h.Controls.Count(LoginPath));
        if (mode == CompatibilityLevel.Current)
        {
            Assert.NotEqual(first, client.Auth.AccessToken); // a freshly signed JWT
        }
        else
        {
            Assert.Equal(first, client.Auth.AccessToken);    // 2024 servers hand back the same string
        }

        // The renewed token keeps working well past the first token's TTL.
        h.AdvanceClock(TimeSpan.FromSeconds(40));
        await client.Secrets.ListAsync(Dev);
        Assert.All(h.Controls.Matching(ListPath), r => Assert.Equal(200, r.Status));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Near_max_ttl_the_client_logs_in_again_instead_of_renewing(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await LoginShortAsync(h);

        h.AdvanceClock(TimeSpan.FromSeconds(50));
        await client.Secrets.ListAsync(Dev);          // renewal at 50 s
        h.AdvanceClock(TimeSpan.FromSeconds(50));
        await client.Secrets.ListAsync(Dev);          // at 100 s a renewal would end past 150 s: log in instead

        Assert.Equal(1, h.Controls.Count(RenewPath));
        Assert.Equal(2, h.Controls.Count(LoginPath));
        Assert.All(h.Controls.Matching(ListPath), r => Assert.Equal(200, r.Status));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Refused_renewal_falls_back_to_a_new_login(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await LoginShortAsync(h);
        h.Controls.InjectFault(new FaultRule { PathContains = RenewPath, StatusCode = mode == CompatibilityLevel.Current ? 401 : 403 });

        h.AdvanceClock(TimeSpan.FromSeconds(50));
        var list = await client.Secrets.ListAsync(Dev);

        Assert.NotEmpty(list.Secrets);
        Assert.Equal(1, h.Controls.Count(RenewPath));
        Assert.Equal(2, h.Controls.Count(LoginPath));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Expired_token_on_a_call_triggers_one_login_and_one_replay(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        // The client's own clock stands still, so it does not know the token expired: the server tells it.
        using var client = await h.LoginAsync(
            o => o.TimeProvider = TimeProvider.System, TestSeed.ShortClientId, TestSeed.ShortClientSecret);

        h.AdvanceClock(TimeSpan.FromSeconds(200));
        var list = await client.Secrets.ListAsync(Dev);

        Assert.NotEmpty(list.Secrets);
        var calls = h.Controls.Matching(ListPath);
        Assert.Equal(2, calls.Count);
        // The JWT itself has expired (exp = TTL now, max TTL in 2024): current servers answer 403 TokenError, the
        // 2024 server let jsonwebtoken's "jwt expired" escape as a 500.
        Assert.Equal(mode == CompatibilityLevel.Current ? 403 : 500, calls[0].Status);
        Assert.Equal(200, calls[1].Status);
        Assert.Equal(2, h.Controls.Count(LoginPath));
        Assert.Equal(0, h.Controls.Count(RenewPath));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_renewal_the_server_finds_too_late_is_replaced_by_a_login(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        // The client's clock runs 15 s behind: it renews at what it thinks is 50 s, when the server is past the 60 s TTL.
        using var client = await h.LoginAsync(
            o => o.TimeProvider = new TestClock(() => h.Server.Clock.UtcNow - TimeSpan.FromSeconds(15)), TestSeed.ShortClientId, TestSeed.ShortClientSecret);

        h.AdvanceClock(TimeSpan.FromSeconds(65));
        var list = await client.Secrets.ListAsync(Dev);

        Assert.NotEmpty(list.Secrets);
        var renew = Assert.Single(h.Controls.Matching(RenewPath));
        // Both levels answer 403, for different reasons: current servers because the JWT's exp (the 60 s TTL) has
        // passed (TokenError), the 2024 server because the row's TTL has (its JWT runs to the max TTL, and every
        // auth failure was a 403 then).
        Assert.Equal(403, renew.Status);
        Assert.Equal(2, h.Controls.Count(LoginPath));
        Assert.Equal(200, Assert.Single(h.Controls.Matching(ListPath)).Status);
    }

    [Fact]
    public async Task A_second_rejection_after_the_replay_is_thrown()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await h.LoginAsync();
        h.Controls.InjectFault(new FaultRule { PathContains = ListPath, Method = "GET", StatusCode = 401, Count = 5 });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(Dev));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.True(error.IsTokenError);
        Assert.Equal(2, h.Controls.Count(ListPath));
        Assert.Equal(2, h.Controls.Count(LoginPath));
    }

    [Fact]
    public async Task A_refused_automatic_login_is_not_attempted_again()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await h.LoginAsync();
        h.Controls.InjectFault(new FaultRule { PathContains = LoginPath, StatusCode = 401, Count = 10 });
        h.Controls.InjectFault(new FaultRule { PathContains = ListPath, Method = "GET", StatusCode = 401, Count = 10 });

        var first = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(Dev));
        var second = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(Dev));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);   // the refused re-login
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);  // the call itself; no login attempted
        Assert.Equal(2, h.Controls.Count(LoginPath));                  // the initial login and one automatic one
        Assert.Equal(2, h.Controls.Count(ListPath));

        h.Controls.ClearFaults();
        await client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret);
        Assert.NotEmpty((await client.Secrets.ListAsync(Dev)).Secrets);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Concurrent_callers_share_one_renewal(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await LoginShortAsync(h);
        h.AdvanceClock(TimeSpan.FromSeconds(50));
        // Slow the renewal down so every caller arrives while it is in flight.
        h.Controls.InjectFault(new FaultRule { PathContains = RenewPath, StatusCode = 0, DelayMilliseconds = 300 });

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.Secrets.ListAsync(Dev)));

        Assert.Equal(1, h.Controls.Count(RenewPath));
        Assert.Equal(1, h.Controls.Count(LoginPath));
        Assert.Equal(12, h.Controls.Matching(ListPath).Count(r => r.Status == 200));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Concurrent_rejections_share_one_login(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync(
            o => o.TimeProvider = TimeProvider.System, TestSeed.ShortClientId, TestSeed.ShortClientSecret);
        h.AdvanceClock(TimeSpan.FromSeconds(200));
        h.Controls.InjectFault(new FaultRule { PathContains = LoginPath, StatusCode = 0, DelayMilliseconds = 300 });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.Secrets.ListAsync(Dev)));

        Assert.Equal(2, h.Controls.Count(LoginPath));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_token_from_the_options_is_used_but_not_replaced(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        string token;
        using (var loginClient = await h.LoginAsync())
        {
            token = loginClient.Auth.AccessToken!;
        }

        using var client = h.CreateClient(o => o.Token = token);
        var list = await client.Secrets.ListAsync(Dev);
        Assert.NotEmpty(list.Secrets);

        await client.Auth.RevokeTokenAsync();
        using var stale = h.CreateClient(o => o.Token = token);
        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => stale.Secrets.ListAsync(Dev));
        Assert.True(error.IsTokenError);
        Assert.Equal(1, h.Controls.Count(LoginPath));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Explicit_renew_and_revoke(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await LoginShortAsync(h);

        var renewed = await client.Auth.RenewTokenAsync();
        Assert.Equal(TestSeed.ShortTtlSeconds, renewed.ExpiresIn);
        Assert.Equal(renewed.AccessToken, client.Auth.AccessToken);

        await client.Auth.RevokeTokenAsync();
        Assert.Null(client.Auth.AccessToken);
        await Assert.ThrowsAsync<InfisicalException>(() => client.Secrets.ListAsync(Dev));
    }
}
