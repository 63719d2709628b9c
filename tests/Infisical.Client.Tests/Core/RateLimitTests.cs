using System.Collections.Concurrent;

namespace Infisical.Client.Tests.Core;

/// <summary>Against the local server's real rate limiter (not an injected fault).</summary>
public sealed class RateLimitTests
{
    private static readonly ListSecretsOptions Dev = new() { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev" };

    private static Task<LocalServerHarness> StartLimitedAsync(CompatibilityLevel mode) =>
        LocalServerHarness.StartAsync(mode, configure: o => o.RateLimit = new RateLimitOptions { Enabled = true, SecretsLimit = 2, WindowSeconds = 60 });

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task The_client_waits_out_the_window_the_server_names_and_succeeds(CompatibilityLevel mode)
    {
        await using var h = await StartLimitedAsync(mode);
        var waits = new ConcurrentQueue<TimeSpan>();
        using var client = await h.LoginAsync(o =>
        {
            o.MaxRetryDelay = TimeSpan.FromMinutes(2);
            o.CacheTtl = null; // every list must reach the rate limiter
            // Instead of sleeping, move the server's clock forward by the requested wait.
            o.TimeProvider = h.Clock(d => { waits.Enqueue(d); h.AdvanceClock(d); });
        });

        for (var i = 0; i < 3; i++)
        {
            await client.Secrets.ListAsync(Dev);
        }

        var statuses = h.Controls.Settled().Where(r => r.Path == "/api/v3/secrets/raw").Select(r => r.Status).ToArray();
        Assert.Equal(new[] { 200, 200, 429, 200 }, statuses);
        var wait = Assert.Single(waits);
        Assert.InRange(wait.TotalSeconds, 1, 60);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_wait_longer_than_allowed_surfaces_the_429_with_its_retry_after(CompatibilityLevel mode)
    {
        await using var h = await StartLimitedAsync(mode);
        // Cache off: every list must reach the rate limiter.
        using var client = await h.LoginAsync(o => { o.MaxRetryDelay = TimeSpan.FromSeconds(1); o.CacheTtl = null; });
        await client.Secrets.ListAsync(Dev);
        await client.Secrets.ListAsync(Dev);

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(Dev));

        Assert.Equal((HttpStatusCode)429, error.StatusCode);
        Assert.NotNull(error.RetryAfter);
        Assert.True(error.RetryAfter > TimeSpan.FromSeconds(1));
    }
}
