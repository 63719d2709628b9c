using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Infisical.Client.Tests.Core;

public sealed class RetryTests
{
    private const string ListPath = "/api/v3/secrets/raw";
    private const string RenewPath = "/api/v1/auth/token/renew";
    private static readonly ListSecretsOptions Dev = new() { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", IncludeImports = false };

    /// <summary>Records the waits the client asks for and returns at once, so tests stay fast and can assert on them.</summary>
    private static Action<InfisicalClientOptions> RecordDelays(ConcurrentQueue<TimeSpan> delays, int maxRetries = 3) => o =>
    {
        o.MaxRetries = maxRetries;
        o.TimeProvider = new TestClock(() => DateTimeOffset.UtcNow, delays.Enqueue);
    };

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Reads_are_retried_on_5xx_with_growing_backoff(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        var delays = new ConcurrentQueue<TimeSpan>();
        using var client = await h.LoginAsync(o => { RecordDelays(delays)(o); o.RetryBaseDelay = TimeSpan.FromMilliseconds(100); });
        h.Controls.InjectFault(new FaultRule { PathContains = ListPath, Method = "GET", StatusCode = 503, Count = 2 });

        var list = await client.Secrets.ListAsync(Dev);

        Assert.NotEmpty(list.Secrets);
        Assert.Equal(new[] { 503, 503, 200 }, h.Controls.Matching(ListPath).Select(r => r.Status));
        var waits = delays.ToArray();
        Assert.Equal(2, waits.Length);
        Assert.InRange(waits[0].TotalMilliseconds, 80, 120);   // 100 ms ± 20 %
        Assert.InRange(waits[1].TotalMilliseconds, 160, 240);  // doubled
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_the_last_error_is_thrown()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();
        using var client = await h.LoginAsync(RecordDelays(delays, maxRetries: 2));
        h.Controls.InjectFault(new FaultRule { PathContains = ListPath, Method = "GET", StatusCode = 502, Count = 10 });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(Dev));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(3, h.Controls.Count(ListPath));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_429_waits_what_Retry_After_says(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        var delays = new ConcurrentQueue<TimeSpan>();
        using var client = await h.LoginAsync(RecordDelays(delays));
        h.Controls.InjectFault(new FaultRule { PathContains = ListPath, Method = "GET", StatusCode = 429, RetryAfter = "1" });

        await client.Secrets.ListAsync(Dev);

        Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, delays.ToArray());
        Assert.Equal(new[] { 429, 200 }, h.Controls.Matching(ListPath).Select(r => r.Status));
    }

    [Fact]
    public async Task A_429_without_Retry_After_waits_for_the_rate_limit_reset()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();
        using var client = await h.LoginAsync(RecordDelays(delays));
        h.Controls.InjectFault(new FaultRule { PathContains = ListPath, Method = "GET", StatusCode = 429, RateLimitReset = "2" });

        await client.Secrets.ListAsync(Dev);

        Assert.Equal(new[] { TimeSpan.FromSeconds(2) }, delays.ToArray());
    }

    [Fact]
    public async Task A_Retry_After_beyond_MaxRetryDelay_is_surfaced_instead_of_waited_out()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();
        using var client = await h.LoginAsync(RecordDelays(delays));
        h.Controls.InjectFault(new FaultRule { PathContains = ListPath, Method = "GET", StatusCode = 429, RetryAfter = "60" });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(Dev));

        Assert.Equal((HttpStatusCode)429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Empty(delays);
        Assert.Equal(1, h.Controls.Count(ListPath));
    }

    [Fact]
    public async Task Real_waits_honour_Retry_After()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await h.LoginAsync();
        h.Controls.InjectFault(new FaultRule { PathContains = ListPath, Method = "GET", StatusCode = 429, RetryAfter = "1" });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await client.Secrets.ListAsync(Dev);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited only {watch.ElapsedMilliseconds} ms");
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Writes_are_not_retried_on_5xx(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        var delays = new ConcurrentQueue<TimeSpan>();
        using var client = await h.LoginAsync(RecordDelays(delays));
        h.Controls.InjectFault(new FaultRule { PathContains = RenewPath, StatusCode = 503, Count = 3 });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Auth.RenewTokenAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, h.Controls.Count(RenewPath));
        Assert.Empty(delays);
    }

    [Fact]
    public async Task Writes_are_retried_on_429_because_the_limiter_answered_before_any_handler()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();
        using var client = await h.LoginAsync(RecordDelays(delays), TestSeed.ShortClientId, TestSeed.ShortClientSecret);
        h.Controls.InjectFault(new FaultRule { PathContains = RenewPath, StatusCode = 429, RetryAfter = "1" });

        await client.Auth.RenewTokenAsync();

        Assert.Equal(new[] { 429, 200 }, h.Controls.Matching(RenewPath).Select(r => r.Status));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_for_reads_but_not_for_writes()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();
        using var client = await h.LoginAsync(RecordDelays(delays));

        h.Controls.InjectFault(new FaultRule { PathContains = ListPath, Method = "GET", Abort = true });
        await client.Secrets.ListAsync(Dev);
        Assert.Equal(2, h.Controls.Count(ListPath));

        h.Controls.InjectFault(new FaultRule { PathContains = RenewPath, Abort = true });
        var error = await Assert.ThrowsAsync<InfisicalNetworkException>(() => client.Auth.RenewTokenAsync());
        Assert.NotEqual(InfisicalNetworkFailure.ConnectionRefused, error.Failure);
        Assert.Equal(1, h.Controls.Count(RenewPath));
    }

    [Fact]
    public async Task Connect_failures_are_retried_for_writes_and_logins()
    {
        var port = FreePort();
        var delays = new ConcurrentQueue<TimeSpan>();
        var options = new InfisicalClientOptions { Host = $"http://127.0.0.1:{port}", Token = "t", CacheTtl = null };
        RecordDelays(delays, maxRetries: 2)(options);
        using var client = new InfisicalClient(options);

        await Assert.ThrowsAsync<InfisicalNetworkException>(() => client.Auth.RenewTokenAsync());
        Assert.Equal(2, delays.Count);

        delays.Clear();
        // Nothing was listening, so no server judged the login: repeating it cannot feed a lockout.
        var login = await Assert.ThrowsAsync<InfisicalNetworkException>(() => client.Auth.UniversalAuth.LoginAsync("id", "secret"));
        Assert.Equal(2, delays.Count);
        Assert.Contains("Could not reach Infisical", login.Message);
        Assert.DoesNotContain("secret", login.Message.Replace("Infisical", string.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_read_times_out_per_attempt_and_is_retried()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await TokenClientAsync(h, o => o.Timeout = TimeSpan.FromSeconds(1.5));
        h.Controls.InjectFault(new FaultRule { PathContains = ListPath, Method = "GET", StatusCode = 0, DelayMilliseconds = 4000 });

        var list = await client.Secrets.ListAsync(Dev);

        Assert.NotEmpty(list.Secrets);
        Assert.Equal(2, h.Controls.Count(ListPath));
    }

    [Fact]
    public async Task A_slow_write_times_out_and_is_not_retried()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await TokenClientAsync(h, o => o.Timeout = TimeSpan.FromSeconds(1.5));
        h.Controls.InjectFault(new FaultRule { PathContains = RenewPath, StatusCode = 0, DelayMilliseconds = 4000 });

        await Assert.ThrowsAsync<InfisicalTimeoutException>(() => client.Auth.RenewTokenAsync());
        Assert.Equal(1, h.Controls.Count(RenewPath));
    }

    [Fact]
    public async Task Caller_cancellation_is_not_turned_into_a_timeout()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await h.LoginAsync();
        h.Controls.InjectFault(new FaultRule { PathContains = ListPath, Method = "GET", StatusCode = 0, DelayMilliseconds = 3000 });
        using var cts = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Secrets.ListAsync(Dev, cts.Token));
    }

    /// <summary>Logs in with default settings, then hands the token to a client with the options under test.</summary>
    private static async Task<InfisicalClient> TokenClientAsync(LocalServerHarness h, Action<InfisicalClientOptions> configure)
    {
        using var login = await h.LoginAsync();
        var token = login.Auth.AccessToken;
        return h.CreateClient(o => { o.Token = token; configure(o); });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
