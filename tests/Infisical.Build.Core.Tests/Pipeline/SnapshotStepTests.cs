using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Build.Core.Pipeline;
using Infisical.Build.Core.Snapshots;
using Infisical.LocalServer;
using Xunit;

namespace Infisical.Build.Core.Tests.Pipeline;

/// <summary>
/// Store, network, offline fallback and InfisicalWhenUnavailable, against the local server over real HTTP. The
/// request log is read after each awaited step has returned, so every request it made is already recorded.
/// </summary>
public sealed class SnapshotStepTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "infisical-step-" + Guid.NewGuid().ToString("N"));
    private LocalInfisicalServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(Seeds.Document(Seeds.AwkwardDev)) });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_fresh_snapshot_costs_nothing_a_forced_one_is_a_304_without_login()
    {
        var first = await Step().RunAsync(Source(), "test", CancellationToken.None);
        Assert.Equal(SnapshotStatus.Fetched, first.Status);
        Assert.Equal(1, Logins());
        Assert.Equal(new[] { 200 }, Lists());

        _server.Controls.ClearRequests();
        var warm = await Step().RunAsync(Source(), "test", CancellationToken.None);
        Assert.Equal(SnapshotStatus.Store, warm.Status);
        Assert.Empty(_server.Controls.Requests);

        var forced = await Step(force: true).RunAsync(Source(), "test", CancellationToken.None);
        Assert.Equal(SnapshotStatus.Revalidated, forced.Status);
        Assert.Equal(0, Logins());
        Assert.Equal(new[] { 304 }, Lists());
        Assert.Equal(Seeds.AwkwardDev.Count, SnapshotStore.TryReadFile(forced.SnapshotPath!)!.Secrets.Count);
    }

    [Fact]
    public async Task Parallel_fetches_of_four_sources_by_one_identity_log_in_once()
    {
        // Four distinct sources of the same folder (the flags change the answer, so each is its own snapshot).
        var sources = new[] { (false, true), (true, true), (false, false), (true, false) }
            .Select(f => new SourceSpec(_server.BaseUrl, Seeds.ProjectId, null, "dev", "/", f.Item1, true, f.Item2, null)).ToList();
        var outcomes = await Task.WhenAll(sources.Select(s => Task.Run(() => Step(force: true).RunAsync(s, "test", CancellationToken.None))));
        Assert.Equal(1, Logins());
        Assert.Equal(4, Lists().Count);
        Assert.All(outcomes, o => Assert.Equal(SnapshotStatus.Fetched, o.Status));
    }

    [Fact]
    public async Task An_unreachable_server_uses_the_stored_snapshot_only_with_offline_fallback_and_says_its_age()
    {
        Assert.Equal(SnapshotStatus.Fetched, (await Step().RunAsync(Source(), "test", CancellationToken.None)).Status);
        var closed = Source(host: ClosedPort());
        var storeCopy = Path.Combine(_dir, "store");

        // Same folder, another host: nothing stored for it, so nothing to fall back on.
        var error = await Assert.ThrowsAsync<InfisicalBuildException>(() => Step(force: true, offline: true).RunAsync(closed, "test", CancellationToken.None));
        Assert.Equal(InfisicalBuildErrors.HostUnreachable, error.Code);

        // A stored snapshot of exactly that source, an hour old: used, with a warning stating its age.
        var stored = new SnapshotStore(storeCopy).TryRead(Source())!;
        new SnapshotStore(storeCopy).Write(new SecretSnapshot(closed, DateTimeOffset.UtcNow.AddHours(-1), null, stored.Secrets));
        var offline = await Step(force: true, offline: true).RunAsync(closed, "test", CancellationToken.None);
        Assert.Equal(SnapshotStatus.Offline, offline.Status);
        Assert.Contains("fetched 60 min ago", Assert.Single(offline.Warnings).Message);
        Assert.Equal(InfisicalBuildErrors.OfflineFallbackUsed, offline.Warnings[0].Code);

        var tooOld = await Assert.ThrowsAsync<InfisicalBuildException>(() => Step(force: true, offline: true, maxAge: "30m").RunAsync(closed, "test", CancellationToken.None));
        Assert.Contains("older than InfisicalOfflineMaxAge", tooOld.Message);

        var warned = await Step(force: true, when: "warn").RunAsync(closed, "test", CancellationToken.None);
        Assert.Equal(SnapshotStatus.Skipped, warned.Status);
        Assert.Null(warned.SnapshotPath);
        Assert.Equal(InfisicalBuildErrors.SourceSkipped, Assert.Single(warned.Warnings).Code);
    }

    [Fact]
    public async Task Missing_credentials_skip_without_a_request_when_asked_and_fail_otherwise()
    {
        var none = new Dictionary<string, string?>();
        var skipped = await Step(when: "skip", environment: none).RunAsync(Source(), "test", CancellationToken.None);
        Assert.Equal(SnapshotStatus.Skipped, skipped.Status);
        Assert.Empty(skipped.Warnings);
        Assert.Contains("INFB002", skipped.Message);
        Assert.Empty(_server.Controls.Requests);

        var error = await Assert.ThrowsAsync<InfisicalBuildException>(() => Step(environment: none).RunAsync(Source(), "test", CancellationToken.None));
        Assert.Equal(InfisicalBuildErrors.MissingCredentials, error.Code);
    }

    private SnapshotStep Step(bool force = false, bool offline = false, string? maxAge = null, string? when = null, Dictionary<string, string?>? environment = null)
    {
        var env = environment ?? Seeds.UniversalAuth();
        return new SnapshotStep(
            new SnapshotStore(Path.Combine(_dir, "store")),
            RefreshPolicy.Parse(null, force ? "true" : null, continuousIntegration: false),
            AvailabilityPolicy.Parse(when, offline ? "true" : null, maxAge),
            new CredentialResolver(n => env.GetValueOrDefault(n)).Resolve,
            new TokenCache(Path.Combine(_dir, "tokens")),
            TimeSpan.FromSeconds(20),
            new Redactor());
    }

    private SourceSpec Source(string path = "/", string? host = null) =>
        new(host ?? _server.BaseUrl, Seeds.ProjectId, null, "dev", path, false, true, true, null);

    private int Logins() => _server.Controls.Requests.Count(r => r.Path.EndsWith("/login", StringComparison.Ordinal));

    private List<int> Lists() => _server.Controls.Requests.Where(r => r.Path == "/api/v3/secrets/raw").Select(r => r.Status).ToList();

    private static string ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
