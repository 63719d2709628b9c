using System;
using System.Globalization;
using Infisical.Build.Core.Encryption;
using Microsoft.Build.Framework;

namespace Infisical.Build.Tasks;

/// <summary>
/// A task that talks to Infisical: the login settings (credentials themselves only ever come from the environment),
/// the token cache, the transport rule, the time limit and encrypt mode's key, read the same way by every task.
/// </summary>
public abstract class InfisicalServerTask : InfisicalTask
{
    /// <summary>Upper bound for the whole step, in seconds (a string, so a bad value is a coded error).</summary>
    public string? TimeoutSeconds { get; set; }

    public string? AuthMethod { get; set; }

    public string? IdentityId { get; set; }

    public string? OidcAudience { get; set; }

    public string? AzureResource { get; set; }

    /// <summary>InfisicalTokenCache: false keeps access tokens in memory only (a login per build).</summary>
    public string? TokenCache { get; set; }

    public string? TokenCacheDirectory { get; set; }

    public string? AllowInsecureHttp { get; set; }

    /// <summary>InfisicalMode: <c>pull</c> (the default) or <c>encrypt</c>.</summary>
    public string? Mode { get; set; }

    public string? KmsKeyId { get; set; }

    public string? KmsKeyName { get; set; }

    internal bool InsecureHttpAllowed => RefreshPolicy.ParseBool(AllowInsecureHttp, "InfisicalAllowInsecureHttp");

    /// <summary>The encrypt-mode settings; <paramref name="formats"/> null skips the output-format check.</summary>
    internal EncryptModeSettings EncryptMode(OutputFormats? formats) => EncryptModeSettings.Parse(Mode, KmsKeyId, KmsKeyName, formats);

    /// <summary>
    /// One source as the targets describe it (the shared fetch's properties, or a source item's metadata), resolved
    /// against .infisical.json and the environment, with the transport rule checked: the same in every task.
    /// The caller announces the host's origin (<see cref="AnnounceHostOrigin"/>) once it uses the source.
    /// </summary>
    internal (SourceSpec Source, SourceSettings Settings) ResolveSource(
        InfisicalProjectConfig config, string? host, string? projectId, string? projectSlug, string environment, string? secretPath,
        string? recursive, string? includeImports, string? expandReferences, string? tagSlugs, string directory)
    {
        var settings = new SourceSettings
        {
            Host = host, ProjectId = projectId, ProjectSlug = projectSlug, Environment = environment, SecretPath = secretPath, TagSlugs = tagSlugs,
            Recursive = RefreshPolicy.ParseBool(recursive, "InfisicalRecursive"),
            IncludeImports = Blank(includeImports) == null || RefreshPolicy.ParseBool(includeImports, "InfisicalIncludeImports"),
            ExpandSecretReferences = Blank(expandReferences) == null || RefreshPolicy.ParseBool(expandReferences, "InfisicalExpandSecretReferences"),
        };
        var source = settings.Resolve(config, GetEnvironmentVariable, directory);
        TransportRule.Check(source.Host, settings.HostOrigin, InsecureHttpAllowed);
        return (source, settings);
    }

    /// <summary>A committed file decides where CI's credentials go: say so in every build that uses it (docs/security.md).</summary>
    internal void AnnounceHostOrigin(SourceSpec source, SourceSettings settings, InfisicalProjectConfig config)
    {
        if (settings.HostOrigin == ".infisical.json")
        {
            LogLine(MessageImportance.High, $"Infisical: the host {source.Host} comes from the committed {config.FilePath}; pin it with InfisicalHost or INFISICAL_API_URL in CI.");
        }
    }

    /// <summary>InfisicalRefreshInterval and InfisicalRefresh; a CI build (the property or the CI variable) defaults to always asking.</summary>
    internal RefreshPolicy Refreshing(string? interval, string? refresh, string? continuousIntegration) =>
        RefreshPolicy.Parse(
            interval,
            refresh,
            RefreshPolicy.ParseBool(continuousIntegration, "ContinuousIntegrationBuild")
                || string.Equals(GetEnvironmentVariable("CI")?.Trim(), "true", StringComparison.OrdinalIgnoreCase));

    internal CredentialResolver Credentials() =>
        new(GetEnvironmentVariable) { AuthMethod = AuthMethod, IdentityId = IdentityId, OidcAudience = OidcAudience, AzureResource = AzureResource };

    internal TokenCache Tokens() => new(Blank(TokenCache) == null || RefreshPolicy.ParseBool(TokenCache, "InfisicalTokenCache")
        ? Blank(TokenCacheDirectory) ?? Core.Credentials.TokenCache.DefaultDirectory(GetEnvironmentVariable)
        : null);

    internal TimeSpan ParseTimeout()
    {
        var raw = Blank(TimeoutSeconds) ?? "60";
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
        {
            throw new InfisicalBuildException(InfisicalBuildErrors.InvalidSetting, $"InfisicalTimeoutSeconds '{raw}' must be a whole number of seconds, 1 or more.");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
