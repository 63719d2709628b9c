using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Infisical.Client;

/// <summary>Settings for an <see cref="InfisicalClient"/>. Every property has a working default.</summary>
public sealed class InfisicalClientOptions
{
    /// <summary>
    /// The Infisical instance. Defaults to <c>https://app.infisical.com</c>. Accepts both the SDK form
    /// (<c>https://host</c>) and the CLI form (<c>https://host/api</c>); a missing scheme means https.
    /// </summary>
    public string Host { get; set; } = "https://app.infisical.com";

    /// <summary>
    /// An existing access token (machine identity or service token). When set, no login call is needed.
    /// The client cannot renew or replace it on its own, because it does not know how it was obtained.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>How long secret reads are served from the in-memory cache. Defaults to 60 s; <c>null</c> or zero disables caching.</summary>
    public TimeSpan? CacheTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long an expired cache entry is kept so that it can be revalidated with <c>If-None-Match</c>
    /// (a 304 answer then refreshes it without a body). Defaults to 10 minutes.
    /// </summary>
    public TimeSpan CacheStaleRetention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound on cached responses (fresh and stale together). Defaults to 1000.</summary>
    public int CacheMaxEntries { get; set; } = 1000;

    /// <summary>Time allowed for one HTTP attempt, including reading the body. Defaults to 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries after the first attempt for transient failures (network errors, 429, 5xx). Reads are retried;
    /// writes only when the request provably never reached the server; logins only on answers the server never
    /// processed (network failures, 429, 502/503/504). Defaults to 3.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Delay before the first retry; doubles with each retry (with ±20 % jitter). Defaults to 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest single wait between attempts. A <c>Retry-After</c> longer than this is not waited out:
    /// the 429 is raised as an <see cref="InfisicalApiException"/> carrying <see cref="InfisicalApiException.RetryAfter"/>. Defaults to 30 s.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Fraction of a token's lifetime (<c>expiresIn</c>) after which it is renewed ahead of expiry. Defaults to 0.8.
    /// </summary>
    public double TokenRenewalFraction { get; set; } = 0.8;

    /// <summary>
    /// Allows credentials (login bodies, bearer tokens) over plain http to hosts other than loopback
    /// (127.0.0.0/8, ::1, localhost). Off by default: anyone on the path could read them. Defaults to false.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>An HttpClient to use. The client does not dispose it. Ignored when <see cref="HttpClientFactory"/> is set.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>An HttpClient factory; a client named <see cref="HttpClientName"/> is created per request.</summary>
    public IHttpClientFactory? HttpClientFactory { get; set; }

    /// <summary>The name passed to <see cref="HttpClientFactory"/>. Defaults to <c>Infisical</c>.</summary>
    public string HttpClientName { get; set; } = "Infisical";

    /// <summary>Optional logger. It receives methods, routes, status codes and timings; never tokens or secret values.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>
    /// The clock for token lifetimes, cache freshness, signed logins and the waits between retries. Defaults to
    /// <see cref="System.TimeProvider.System"/>; a test can pass a fake one to move time without waiting. The per-attempt
    /// <see cref="Timeout"/> always runs on real time, because it bounds a real network wait.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal InfisicalClientOptions Clone() => (InfisicalClientOptions)MemberwiseClone();
}
