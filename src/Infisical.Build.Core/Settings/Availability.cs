using System;

namespace Infisical.Build.Core.Settings;

/// <summary>What a build does when it cannot get secrets: no credentials (a fork's CI), or no server.</summary>
internal enum WhenUnavailable
{
    /// <summary>The default: a coded error; the build fails.</summary>
    Error,

    /// <summary>A coded warning saying what was skipped; the build goes on without that source.</summary>
    Warn,

    /// <summary>A message saying what was skipped; the build goes on without that source.</summary>
    Skip,
}

/// <summary>InfisicalWhenUnavailable, InfisicalOfflineFallback and InfisicalOfflineMaxAge together.</summary>
internal sealed class AvailabilityPolicy
{
    /// <summary>How old a stored snapshot may be to stand in for an unreachable server, unless set.</summary>
    public static readonly TimeSpan DefaultOfflineMaxAge = TimeSpan.FromDays(7);

    public AvailabilityPolicy(WhenUnavailable whenUnavailable, bool offlineFallback, TimeSpan offlineMaxAge)
    {
        WhenUnavailable = whenUnavailable;
        OfflineFallback = offlineFallback;
        OfflineMaxAge = offlineMaxAge;
    }

    public WhenUnavailable WhenUnavailable { get; }

    public bool OfflineFallback { get; }

    public TimeSpan OfflineMaxAge { get; }

    public static AvailabilityPolicy Parse(string? whenUnavailable, string? offlineFallback, string? offlineMaxAge) =>
        new(
            ParseWhen(whenUnavailable),
            RefreshPolicy.ParseBool(offlineFallback, "InfisicalOfflineFallback"),
            string.IsNullOrWhiteSpace(offlineMaxAge) ? DefaultOfflineMaxAge : RefreshPolicy.ParseSpan(offlineMaxAge!, "InfisicalOfflineMaxAge"));

    private static WhenUnavailable ParseWhen(string? raw)
    {
        switch ((raw ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "":
            case "error":
                return WhenUnavailable.Error;
            case "warn":
            case "warning":
                return WhenUnavailable.Warn;
            case "skip":
                return WhenUnavailable.Skip;
            default:
                throw new InfisicalBuildException(
                    InfisicalBuildErrors.InvalidSetting,
                    $"InfisicalWhenUnavailable '{raw!.Trim()}' is not supported. Use 'error' (the default), 'warn' or 'skip'.");
        }
    }
}
