using System;

namespace Infisical.Client;

/// <summary>Rejects impossible option values up front, naming the option to fix.</summary>
internal static class OptionsValidator
{
    public static void Validate(InfisicalClientOptions o)
    {
        if (o.Timeout <= TimeSpan.Zero && o.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("InfisicalClientOptions.Timeout must be positive (or Timeout.InfiniteTimeSpan).", nameof(o));
        }

        if (o.MaxRetries < 0)
        {
            throw new ArgumentException("InfisicalClientOptions.MaxRetries must be 0 or more.", nameof(o));
        }

        if (o.RetryBaseDelay < TimeSpan.Zero || o.MaxRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentException("InfisicalClientOptions.RetryBaseDelay and MaxRetryDelay must not be negative.", nameof(o));
        }

        if (o.CacheTtl < TimeSpan.Zero)
        {
            throw new ArgumentException("InfisicalClientOptions.CacheTtl must not be negative (use null to disable caching).", nameof(o));
        }

        if (o.CacheMaxEntries < 1)
        {
            throw new ArgumentException("InfisicalClientOptions.CacheMaxEntries must be at least 1.", nameof(o));
        }

        if (o.TimeProvider == null)
        {
            throw new ArgumentException("InfisicalClientOptions.TimeProvider must not be null (the default is TimeProvider.System).", nameof(o));
        }

        if (o.CacheStaleRetention < TimeSpan.Zero)
        {
            throw new ArgumentException("InfisicalClientOptions.CacheStaleRetention must not be negative.", nameof(o));
        }
    }
}
