using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Infisical.LocalServer;

/// <summary>
/// An in-memory Infisical-compatible server on 127.0.0.1, for tests and offline work:
/// <code>await using var s = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(json) });</code>
/// </summary>
public sealed class LocalInfisicalServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LocalInfisicalServer(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Port = new Uri(baseUrl).Port;
    }

    /// <summary>"http://127.0.0.1:&lt;port&gt;" (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>The bound port.</summary>
    public int Port { get; }

    /// <summary>The server's data (lock <see cref="ServerState.SyncRoot"/> to read or change it).</summary>
    internal ServerState State => app.Services.GetRequiredService<ServerState>();

    /// <summary>Fault injection, request log and clock for tests (in-process access; always available).</summary>
    public TestControls Controls => app.Services.GetRequiredService<TestControls>();

    /// <summary>The added latency per route class now in force (a copy); set it to change it, null for none.</summary>
    public LatencyProfile? Latency
    {
        get => app.Services.GetRequiredService<LatencyInjector>().Current;
        set => app.Services.GetRequiredService<LatencyInjector>().Set(value);
    }

    /// <summary>The server clock.</summary>
    public ServerClock Clock => app.Services.GetRequiredService<ServerClock>();

    /// <summary>
    /// Adds the identities and projects of another seed document to the running server (ids must not clash).
    /// Lets many tests share one server, each with its own freshly seeded project.
    /// </summary>
    public void LoadSeed(SeedDocument seed) => SeedLoader.Apply(seed, State);

    /// <summary>Starts a server; <see cref="LocalServerOptions.Port"/> 0 picks a free port.</summary>
    public static async Task<LocalInfisicalServer> StartAsync(LocalServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = ServerHost.Build(options);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalInfisicalServer(app, address.TrimEnd('/').Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
