namespace Infisical.LocalServer;

/// <summary>Options for an embedded <see cref="LocalInfisicalServer"/>.</summary>
public sealed class LocalServerOptions
{
    /// <summary>The seed document (identities, projects, secrets). Wins over <see cref="SeedFile"/>.</summary>
    public SeedDocument? Seed { get; set; }

    /// <summary>Path of a seed JSON file, used when <see cref="Seed"/> is null.</summary>
    public string? SeedFile { get; set; }

    /// <summary>Which server generation to imitate.</summary>
    public CompatibilityLevel Compatibility { get; set; } = CompatibilityLevel.Current;

    /// <summary>Port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Enables the <c>/__test/…</c> control routes (fault injection, request log, fake clock). Off by default.</summary>
    public bool EnableTestControls { get; set; }

    /// <summary>Rate limiting; overrides the seed's <c>rateLimit</c> section when set. Off by default.</summary>
    public RateLimitOptions? RateLimit { get; set; }

    /// <summary>Added latency per route class (login, list, get, other); null = loopback speed. See <see cref="LatencyProfile.RealServer"/>.</summary>
    public LatencyProfile? Latency { get; set; }

    /// <summary>Minimum log level of the host; Warning by default so tests are not flooded.</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; set; } = Microsoft.Extensions.Logging.LogLevel.Warning;
}

/// <summary>Per-client-IP, per-route fixed-window rate limits (the real server's defaults are shown).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Whether limits are enforced at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>Length of the window in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Secret, folder and import routes.</summary>
    public int SecretsLimit { get; set; } = 60;

    /// <summary>Other GET routes.</summary>
    public int ReadLimit { get; set; } = 60;

    /// <summary>Other writes, login and renew included.</summary>
    public int WriteLimit { get; set; } = 200;

    /// <summary>All routes of one client IP together.</summary>
    public int GlobalLimit { get; set; } = 600;
}
