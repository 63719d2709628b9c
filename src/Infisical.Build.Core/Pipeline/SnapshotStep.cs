using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Build.Core.Credentials;
using Infisical.Build.Core.Encryption;
using Infisical.Build.Core.Snapshots;

namespace Infisical.Build.Core.Pipeline;

/// <summary>Where one source's secrets came from in this build.</summary>
internal enum SnapshotStatus
{
    /// <summary>The stored snapshot was fresh (within the refresh interval): no request at all.</summary>
    Store,

    /// <summary>Fetched from the server.</summary>
    Fetched,

    /// <summary>The server confirmed the stored snapshot with a 304.</summary>
    Revalidated,

    /// <summary>The server could not be reached; the stored snapshot stood in (offline fallback).</summary>
    Offline,

    /// <summary>No credentials or no server, and InfisicalWhenUnavailable said to go on without this source.</summary>
    Skipped,
}

/// <summary>The result of <see cref="SnapshotStep.RunAsync"/>.</summary>
internal sealed class SnapshotOutcome
{
    public SnapshotOutcome(SnapshotStatus status, string? snapshotPath, string message)
    {
        Status = status;
        SnapshotPath = snapshotPath;
        Message = message;
    }

    public SnapshotStatus Status { get; }

    /// <summary>The stored snapshot file the outputs are rendered from; null when skipped.</summary>
    public string? SnapshotPath { get; }

    /// <summary>One line for the build log: what happened, from where, never a value.</summary>
    public string Message { get; }

    /// <summary>Coded warnings (skipped source, offline fallback, empty folder).</summary>
    public List<BuildProblem> Warnings { get; } = new();
}

/// <summary>
/// Gets one source's snapshot: from the store when it is fresh, else from the network (conditionally, with the
/// stored ETag), else — when the server cannot be reached — from the store if offline fallback allows, else as
/// InfisicalWhenUnavailable says. Credentials are read only when a request is actually needed, so a warm build
/// works without them.
/// </summary>
internal sealed class SnapshotStep
{
    private readonly SnapshotStore _store;
    private readonly RefreshPolicy _refresh;
    private readonly AvailabilityPolicy _availability;
    private readonly Func<LoginPlan> _credentials;
    private readonly TokenCache _tokens;
    private readonly TimeSpan _timeout;
    private readonly Redactor _redactor;

    public SnapshotStep(SnapshotStore store, RefreshPolicy refresh, AvailabilityPolicy availability, Func<LoginPlan> credentials, TokenCache tokens, TimeSpan timeout, Redactor redactor)
    {
        _store = store;
        _refresh = refresh;
        _availability = availability;
        _credentials = credentials;
        _tokens = tokens;
        _timeout = timeout;
        _redactor = redactor;
    }

    /// <summary>InfisicalAllowInsecureHttp, already checked by the caller (TransportRule); the client is told too.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Encrypt mode: a fetched snapshot is sealed (one KMS encrypt) before it reaches the store, which must then be
    /// a sealed one. A 304 keeps the stored envelope as it is, so a revalidation seals nothing.
    /// </summary>
    public KmsSealer? Sealer { get; set; }

    /// <summary>Test seam for the clock.</summary>
    internal Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    public async Task<SnapshotOutcome> RunAsync(SourceSpec source, string hostOrigin, CancellationToken cancellationToken)
    {
        var stored = _store.TryRead(source);
        var now = Now();
        if (FreshFromStore(_store, _refresh, source, stored, now) is { } fresh)
        {
            return fresh;
        }

        LoginPlan plan;
        try
        {
            plan = _credentials();
        }
        catch (InfisicalBuildException ex) when (ex.Code == InfisicalBuildErrors.MissingCredentials)
        {
            return Unavailable(ex, source, offlineAllowed: false, stored, now);
        }

        var fetcher = new SnapshotFetcher(plan, _tokens, _timeout, _redactor, AllowInsecureHttp);
        var started = DateTimeOffset.UtcNow;
        try
        {
            var (snapshot, kind) = await fetcher.FetchAsync(source, stored, cancellationToken).ConfigureAwait(false);
            if (Sealer != null && !snapshot.IsSealed)
            {
                var plain = snapshot;
                snapshot = await fetcher.UseClientAsync(source, "seal the snapshot with KMS", (c, ct) => Sealer.SealAsync(plain, c, ct), cancellationToken).ConfigureAwait(false);
            }

            var path = _store.Write(snapshot);
            var elapsed = (long)(DateTimeOffset.UtcNow - started).TotalMilliseconds;
            var login = plan.StaticToken != null ? "a token from the environment" : fetcher.LoggedIn ? "a new login (" + plan.Description + ")" : "a cached access token (" + plan.Description + ")";
            var outcome = kind == FetchKind.Revalidated
                ? new SnapshotOutcome(SnapshotStatus.Revalidated, path, $"Infisical: {source.Host} confirmed the {snapshot.Count} stored secret(s) of {source.Describe()} are current (304) in {elapsed} ms, using {login}.")
                : new SnapshotOutcome(SnapshotStatus.Fetched, path, $"Infisical: fetched {snapshot.Count} secret(s) of {source.Describe()} from {source.Host} ({hostOrigin}) in {elapsed} ms, using {login}.");
            outcome.Warnings.AddRange(fetcher.Warnings);
            return outcome;
        }
        catch (InfisicalBuildException ex) when (Fetching.ApiFailures.IsUnavailable(ex))
        {
            return Unavailable(ex, source, offlineAllowed: true, stored, now);
        }
    }

    /// <summary>
    /// The stored snapshot when it is fresh, else null: the whole of a warm build's work. The targets also ask it
    /// on its own, in each project, so a warm build skips the shared fetch (and its project evaluation) entirely.
    /// </summary>
    public static SnapshotOutcome? FreshFromStore(SnapshotStore store, RefreshPolicy refresh, SourceSpec source, SecretSnapshot? stored, DateTimeOffset now) =>
        stored != null && refresh.IsFresh(stored.FetchedAt, now)
            ? new SnapshotOutcome(
                SnapshotStatus.Store,
                store.PathFor(source),
                $"Infisical: {stored.Count} secret(s) of {source.Describe()} from the snapshot fetched {Age(now - stored.FetchedAt)} ago (refresh interval {Age(refresh.Interval)}); no request sent.")
            : null;

    private SnapshotOutcome Unavailable(InfisicalBuildException ex, SourceSpec source, bool offlineAllowed, SecretSnapshot? stored, DateTimeOffset now)
    {
        if (offlineAllowed && _availability.OfflineFallback && stored != null && now - stored.FetchedAt <= _availability.OfflineMaxAge)
        {
            var offline = new SnapshotOutcome(SnapshotStatus.Offline, _store.PathFor(source), $"Infisical: using the stored snapshot of {source.Describe()} (offline fallback).");
            offline.Warnings.Add(new BuildProblem(
                InfisicalBuildErrors.OfflineFallbackUsed,
                $"Infisical could not be reached ({ex.Code}: {ex.Message}) Using the last-known-good snapshot of {source.Describe()}, fetched {Age(now - stored.FetchedAt)} ago (InfisicalOfflineFallback; at most {Age(_availability.OfflineMaxAge)} old)."));
            return offline;
        }

        switch (_availability.WhenUnavailable)
        {
            case WhenUnavailable.Warn:
                var warned = new SnapshotOutcome(SnapshotStatus.Skipped, null, $"Infisical: skipped {source.Describe()}.");
                warned.Warnings.Add(new BuildProblem(
                    InfisicalBuildErrors.SourceSkipped,
                    $"Skipped Infisical {source.Describe()} (InfisicalWhenUnavailable=warn): {ex.Code}: {ex.Message} The settings files are not updated in this build."));
                return warned;
            case WhenUnavailable.Skip:
                return new SnapshotOutcome(
                    SnapshotStatus.Skipped, null,
                    $"Infisical: skipped {source.Describe()} (InfisicalWhenUnavailable=skip): {ex.Code}: {ex.Message} The settings files are not updated in this build.");
            default:
                if (offlineAllowed && _availability.OfflineFallback && stored != null)
                {
                    throw new InfisicalBuildException(ex.Code, ex.Message + $" The stored snapshot is {Age(now - stored.FetchedAt)} old, older than InfisicalOfflineMaxAge ({Age(_availability.OfflineMaxAge)}), so it was not used.");
                }

                throw ex;
        }
    }

    /// <summary>A duration for people: "42 s", "12 min", "3.5 h", "2.0 d".</summary>
    public static string Age(TimeSpan span) =>
        span.TotalSeconds < 120 ? ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s"
        : span.TotalMinutes < 120 ? ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min"
        : span.TotalHours < 48 ? span.TotalHours.ToString("0.0", CultureInfo.InvariantCulture) + " h"
        : span.TotalDays.ToString("0.0", CultureInfo.InvariantCulture) + " d";
}
