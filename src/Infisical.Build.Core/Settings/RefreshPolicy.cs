using System;
using System.Globalization;

namespace Infisical.Build.Core.Settings;

/// <summary>
/// When a build may reuse the stored snapshot instead of asking the server: within the refresh interval of the
/// last fetch, unless a refresh is forced. CI builds default to an interval of zero (always fetch), because a
/// CI build is the one that ships; an explicit InfisicalRefreshInterval still wins there.
/// </summary>
internal sealed class RefreshPolicy
{
    /// <summary>The inner-loop default: long enough for edit-build-run cycles, short enough for rotated secrets.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(10);

    public RefreshPolicy(TimeSpan interval, bool force)
    {
        Interval = interval;
        Force = force;
    }

    public TimeSpan Interval { get; }

    public bool Force { get; }

    /// <summary>True when a snapshot fetched at <paramref name="fetchedAt"/> may be used without a request.</summary>
    public bool IsFresh(DateTimeOffset fetchedAt, DateTimeOffset now) =>
        !Force && Interval > TimeSpan.Zero && fetchedAt <= now && now - fetchedAt < Interval;

    /// <param name="interval">InfisicalRefreshInterval: empty, seconds (<c>600</c>), a span (<c>00:10:00</c>) or with a unit (<c>10m</c>, <c>1h</c>, <c>30s</c>).</param>
    /// <param name="force">InfisicalRefresh.</param>
    /// <param name="continuousIntegration">ContinuousIntegrationBuild, or the CI environment variable, is true.</param>
    public static RefreshPolicy Parse(string? interval, string? force, bool continuousIntegration) =>
        new(
            string.IsNullOrWhiteSpace(interval)
                ? (continuousIntegration ? TimeSpan.Zero : DefaultInterval)
                : ParseSpan(interval!, "InfisicalRefreshInterval"),
            ParseBool(force, "InfisicalRefresh"));

    /// <summary>Parses the documented duration forms; a bad value is INFB009 naming the property.</summary>
    public static TimeSpan ParseSpan(string raw, string property)
    {
        var text = raw.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (text.Length > 1 && double.TryParse(text.Substring(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            switch (char.ToLowerInvariant(text[text.Length - 1]))
            {
                case 's': return TimeSpan.FromSeconds(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'd': return TimeSpan.FromDays(amount);
            }
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            return span;
        }

        throw new InfisicalBuildException(
            InfisicalBuildErrors.InvalidSetting,
            $"{property} '{text}' is not a duration. Use seconds ('600'), a unit ('10m', '1h', '30s', '7d') or a time span ('00:10:00').");
    }

    /// <summary>Parses an MSBuild boolean; empty is false, anything but true/false is INFB009 naming the property.</summary>
    public static bool ParseBool(string? raw, string property)
    {
        var text = (raw ?? string.Empty).Trim();
        if (text.Length == 0 || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        throw new InfisicalBuildException(InfisicalBuildErrors.InvalidSetting, $"{property} '{text}' must be 'true' or 'false'.");
    }
}
