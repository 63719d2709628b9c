using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace Infisical.Client.Http;

/// <summary>Computes waits between attempts: exponential backoff with jitter, or what the server asked for.</summary>
internal static class RetryDelays
{
    private static readonly object JitterLock = new();
    private static readonly Random Jitter = new();
    private static readonly TimeSpan MaxServerWait = TimeSpan.FromDays(1);

    /// <summary>base × 2^(retry−1), ±20 % jitter, capped at <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(int retry, TimeSpan baseDelay, TimeSpan max)
    {
        double factor;
        lock (JitterLock)
        {
            factor = 0.8 + (Jitter.NextDouble() * 0.4);
        }

        var ms = baseDelay.TotalMilliseconds * Math.Pow(2, retry - 1) * factor;
        return TimeSpan.FromMilliseconds(Math.Min(ms, max.TotalMilliseconds));
    }

    /// <summary>
    /// The server's requested wait: <c>Retry-After</c> (seconds or an HTTP date) first, then
    /// <c>x-ratelimit-reset</c> (seconds until the window resets).
    /// </summary>
    public static TimeSpan? ServerRequested(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        if (response.Headers.TryGetValues("x-ratelimit-reset", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0)
        {
            // The header is server (or proxy) text: a huge value or "Infinity" would overflow TimeSpan. Anything past
            // a day is as good as "not now" and is surfaced rather than waited out anyway.
            return TimeSpan.FromSeconds(Math.Min(seconds, MaxServerWait.TotalSeconds));
        }

        return null;
    }
}
