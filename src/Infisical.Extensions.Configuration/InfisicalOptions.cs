using System;

namespace Infisical.Extensions.Configuration;

/// <summary>Where and how <c>AddInfisical</c> fetches secrets (names as in the Infisical.IConfigurationProvider package).</summary>
public sealed class InfisicalOptions
{
    /// <summary>The Infisical URL; null reads INFISICAL_API_URL, then INFISICAL_DOMAIN, else https://app.infisical.com.</summary>
    public string? Host { get; set; }

    /// <summary>The project id (wins over <see cref="ProjectSlug"/>).</summary>
    public string? ProjectId { get; set; }

    /// <summary>The project slug, when <see cref="ProjectId"/> is not set.</summary>
    public string? ProjectSlug { get; set; }

    /// <summary>The environment slug (dev, staging, prod, …). Required.</summary>
    public string? Environment { get; set; }

    /// <summary>The folder to read; default "/".</summary>
    public string SecretPath { get; set; } = "/";

    /// <summary>Also read sub-folders (a name found in two folders is an error).</summary>
    public bool Recursive { get; set; }

    /// <summary>Include imported secrets (default true, as the official SDKs).</summary>
    public bool IncludeImports { get; set; } = true;

    /// <summary>Resolve <c>${…}</c> references (default true).</summary>
    public bool ExpandSecretReferences { get; set; } = true;

    /// <summary>How to log in; null means <see cref="InfisicalAuth.FromEnvironment()"/> (the build's variables).</summary>
    public InfisicalAuth? Auth { get; set; }

    /// <summary>Fetch again this often and raise the reload token when values changed; null (default) fetches once.</summary>
    public TimeSpan? ReloadInterval { get; set; }

    /// <summary>
    /// False (default): a failed start-up fetch throws <see cref="InfisicalConfigurationException"/>. True: it is
    /// recorded on the provider (<see cref="InfisicalConfigurationProvider.LastError"/>) and the source starts empty.
    /// </summary>
    public bool Optional { get; set; }

    /// <summary>Client settings (timeouts, retries, HttpClient, logger) applied before the host and token are set.</summary>
    public Action<Infisical.Client.InfisicalClientOptions>? ConfigureClient { get; set; }

    /// <summary>Reads environment variables; replaceable for tests.</summary>
    internal Func<string, string?> GetEnvironmentVariable { get; set; } = System.Environment.GetEnvironmentVariable;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ProjectId) && string.IsNullOrWhiteSpace(ProjectSlug))
        {
            throw new ArgumentException("AddInfisical needs ProjectId or ProjectSlug.");
        }

        if (string.IsNullOrWhiteSpace(Environment))
        {
            throw new ArgumentException("AddInfisical needs Environment (the environment slug, e.g. dev or prod).");
        }

        if (ReloadInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentException("ReloadInterval must be positive (or null to fetch once).");
        }
    }

    internal string ResolveHost() => InfisicalVariables.ResolveHost(Host, GetEnvironmentVariable);
}
