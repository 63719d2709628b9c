using System;

namespace Infisical.LocalServer;

/// <summary>
/// The server's notion of "now". Tests advance it to expire tokens without waiting; every TTL check and every
/// timestamp the server writes goes through it.
/// </summary>
public sealed class ServerClock
{
    private long offsetTicks;

    /// <summary>A clock at real time; the server makes its own.</summary>
    internal ServerClock()
    {
    }

    /// <summary>Current time: the real UTC time plus the accumulated offset.</summary>
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow.AddTicks(System.Threading.Interlocked.Read(ref offsetTicks));

    /// <summary>Moves the clock forward (or back, with a negative value).</summary>
    public void Advance(TimeSpan by) => System.Threading.Interlocked.Add(ref offsetTicks, by.Ticks);

    /// <summary>Total offset from real time.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(System.Threading.Interlocked.Read(ref offsetTicks));

    /// <summary>Formats a time the way JavaScript's <c>Date.toISOString()</c> does.</summary>
    internal static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
