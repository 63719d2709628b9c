namespace Infisical.Client.Tests.Support;

/// <summary>
/// One local server plus helpers to build clients against it. Create one per test (a server starts in a few
/// milliseconds), so request logs, clocks and data never leak between tests.
/// <code>await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
/// using var client = await h.LoginAsync();</code>
/// </summary>
public sealed class LocalServerHarness : IAsyncDisposable
{
    private LocalServerHarness(LocalInfisicalServer server) => Server = server;

    public LocalInfisicalServer Server { get; }

    public string BaseUrl => Server.BaseUrl;

    public TestControls Controls => Server.Controls;

    /// <summary>Starts a server with <paramref name="seedJson"/> (default <see cref="TestSeed.Json"/>).</summary>
    public static async Task<LocalServerHarness> StartAsync(
        CompatibilityLevel compatibility, string? seedJson = null, Action<LocalServerOptions>? configure = null)
    {
        var options = new LocalServerOptions
        {
            Seed = SeedDocument.Parse(seedJson ?? TestSeed.Json),
            Compatibility = compatibility,
            EnableTestControls = true,
        };
        configure?.Invoke(options);
        return new LocalServerHarness(await LocalInfisicalServer.StartAsync(options));
    }

    /// <summary>
    /// Options pointing at this server with the product's defaults (the 60 s cache included: a test that must see
    /// every read reach the server turns it off itself), except millisecond retry delays, a 10 s attempt timeout and
    /// the client's clock tied to the server's fake clock (so advancing it expires tokens on both sides).
    /// </summary>
    public InfisicalClientOptions Options(Action<InfisicalClientOptions>? configure = null)
    {
        var options = new InfisicalClientOptions
        {
            Host = BaseUrl,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            Timeout = TimeSpan.FromSeconds(10),
            TimeProvider = Clock(),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>
    /// The server's fake clock as a client clock; with <paramref name="onDelay"/>, the client's waits are reported there
    /// and end at once instead of taking real time.
    /// </summary>
    public TestClock Clock(Action<TimeSpan>? onDelay = null) => new(() => Server.Clock.UtcNow, onDelay);

    /// <summary>A client that has not logged in.</summary>
    public InfisicalClient CreateClient(Action<InfisicalClientOptions>? configure = null) => new(Options(configure));

    /// <summary>A client logged in with Universal Auth (the default seed's identity unless told otherwise).</summary>
    public async Task<InfisicalClient> LoginAsync(
        Action<InfisicalClientOptions>? configure = null, string clientId = TestSeed.ClientId, string clientSecret = TestSeed.ClientSecret)
    {
        var client = CreateClient(configure);
        await client.Auth.UniversalAuth.LoginAsync(clientId, clientSecret);
        return client;
    }

    /// <summary>Advances the server's fake clock (the harness's clients share it).</summary>
    public void AdvanceClock(TimeSpan by) => Controls.AdvanceClock(by);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
