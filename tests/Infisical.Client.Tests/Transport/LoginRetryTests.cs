using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Infisical.Client.Tests.Transport;

/// <summary>
/// A login is retried only when the server never processed it (429, 502/503/504, network failures): a login the
/// server judged must never be repeated, or the identity's lockout counts it.
/// </summary>
public sealed class LoginRetryTests
{
    private const string LoginPath = "/api/v1/auth/universal-auth/login";

    private static Action<InfisicalClientOptions> RecordDelays(ConcurrentQueue<TimeSpan> delays) => o =>
    {
        o.MaxRetries = 3;
        o.TimeProvider = new TestClock(() => DateTimeOffset.UtcNow, delays.Enqueue);
    };

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_login_answered_by_a_gateway_error_is_retried(int status)
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();
        h.Controls.InjectFault(new FaultRule { PathContains = LoginPath, StatusCode = status, Count = 2 });

        using var client = await h.LoginAsync(RecordDelays(delays));

        Assert.NotNull(client.Auth.AccessToken);
        Assert.Equal(new[] { status, status, 200 }, h.Controls.Matching(LoginPath).Select(r => r.Status));
        Assert.Equal(2, delays.Count);
    }

    [Fact]
    public async Task A_rate_limited_login_waits_what_Retry_After_says_and_is_retried()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();
        h.Controls.InjectFault(new FaultRule { PathContains = LoginPath, StatusCode = 429, RetryAfter = "1" });

        using var client = await h.LoginAsync(RecordDelays(delays));

        Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, delays.ToArray());
        Assert.Equal(new[] { 429, 200 }, h.Controls.Matching(LoginPath).Select(r => r.Status));
    }

    [Fact]
    public async Task A_rate_limited_login_without_Retry_After_waits_for_the_rate_limit_reset()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();
        h.Controls.InjectFault(new FaultRule { PathContains = LoginPath, StatusCode = 429, RateLimitReset = "2" });

        using var client = await h.LoginAsync(RecordDelays(delays));

        Assert.Equal(new[] { TimeSpan.FromSeconds(2) }, delays.ToArray());
    }

    [Fact]
    public async Task A_dropped_login_connection_is_retried()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();
        h.Controls.InjectFault(new FaultRule { PathContains = LoginPath, Abort = true });

        using var client = await h.LoginAsync(RecordDelays(delays));

        Assert.NotNull(client.Auth.AccessToken);
        Assert.Equal(2, h.Controls.Count(LoginPath));
        Assert.Single(delays);
    }

    [Fact]
    public async Task A_login_that_cannot_connect_is_retried_up_to_MaxRetries()
    {
        var delays = new ConcurrentQueue<TimeSpan>();
        var options = new InfisicalClientOptions { Host = $"http://127.0.0.1:{FreePort()}", CacheTtl = null };
        RecordDelays(delays)(options);
        using var client = new InfisicalClient(options);

        var error = await Assert.ThrowsAsync<InfisicalNetworkException>(() => client.Auth.UniversalAuth.LoginAsync("id", "secret"));

        Assert.Equal(3, delays.Count);
        Assert.Equal(InfisicalNetworkFailure.ConnectionRefused, error.Failure);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(408)]
    [InlineData(422)]
    public async Task A_login_the_server_answered_is_never_retried(int status)
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();
        h.Controls.InjectFault(new FaultRule { PathContains = LoginPath, StatusCode = status, Count = 5 });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => h.LoginAsync(RecordDelays(delays)));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(1, h.Controls.Count(LoginPath));
        Assert.Empty(delays);
    }

    [Fact]
    public async Task Wrong_credentials_are_tried_once()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();

        await Assert.ThrowsAsync<InfisicalApiException>(() => h.LoginAsync(RecordDelays(delays), clientSecret: "wrong-secret"));

        Assert.Equal(1, h.Controls.Count(LoginPath));
        Assert.Empty(delays);
    }

    [Fact]
    public async Task Gateway_errors_on_every_attempt_end_after_MaxRetries()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();
        h.Controls.InjectFault(new FaultRule { PathContains = LoginPath, StatusCode = 503, Count = 10 });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => h.LoginAsync(RecordDelays(delays)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, h.Controls.Count(LoginPath));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
