using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Infisical.Build.Core.Pipeline;
using Infisical.Build.Core.Snapshots;
using Microsoft.Build.Framework;

namespace Infisical.Build.Tasks;

/// <summary>
/// Gets one source's snapshot into the store: from the store itself within the refresh interval, else from the
/// server (conditionally), else as offline fallback and InfisicalWhenUnavailable allow. The targets run it in a
/// shared project instance per source, so MSBuild itself runs it once per source per build, on whichever node.
/// </summary>
public sealed class GetInfisicalSnapshot : InfisicalTask
{
    public string? Host { get; set; }

    public string? ProjectId { get; set; }

    public string? ProjectSlug { get; set; }

    [Required]
    public string Environment { get; set; } = string.Empty;

    public string? SecretPath { get; set; }

    public string? Recursive { get; set; }

    public string? IncludeImports { get; set; }

    public string? ExpandSecretReferences { get; set; }

    public string? TagSlugs { get; set; }

    /// <summary>The Infisical CLI's .infisical.json, if any.</summary>
    public string? ProjectConfigFile { get; set; }

    /// <summary>Where snapshots are kept (0700).</summary>
    [Required]
    public string StoreDirectory { get; set; } = string.Empty;

    public string? RefreshInterval { get; set; }

    public string? Refresh { get; set; }

    /// <summary>ContinuousIntegrationBuild; the CI environment variable counts too.</summary>
    public string? ContinuousIntegration { get; set; }

    public string? WhenUnavailable { get; set; }

    public string? OfflineFallback { get; set; }

    public string? OfflineMaxAge { get; set; }

    /// <summary>Upper bound for the whole fetch, in seconds (a string, so a bad value is a coded error).</summary>
    public string? TimeoutSeconds { get; set; }

    public string? AuthMethod { get; set; }

    public string? IdentityId { get; set; }

    public string? OidcAudience { get; set; }

    public string? AzureResource { get; set; }

    /// <summary>InfisicalTokenCache: false keeps access tokens in memory only (a login per build).</summary>
    public string? TokenCache { get; set; }

    public string? TokenCacheDirectory { get; set; }

    public string? AllowInsecureHttp { get; set; }

    /// <summary>The snapshot file to render from; empty when the source was skipped.</summary>
    [Output]
    public string SnapshotFile { get; private set; } = string.Empty;

    /// <summary>Store, Fetched, Revalidated, Offline or Skipped.</summary>
    [Output]
    public string Status { get; private set; } = string.Empty;

    /// <inheritdoc />
    protected override bool Run()
    {
        var config = InfisicalProjectConfig.Load(ProjectConfigFile);
        var settings = new SourceSettings
        {
            Host = Host, ProjectId = ProjectId, ProjectSlug = ProjectSlug, Environment = Environment, SecretPath = SecretPath, TagSlugs = TagSlugs,
            Recursive = RefreshPolicy.ParseBool(Recursive, "InfisicalRecursive"),
            IncludeImports = Blank(IncludeImports) == null || RefreshPolicy.ParseBool(IncludeImports, "InfisicalIncludeImports"),
            ExpandSecretReferences = Blank(ExpandSecretReferences) == null || RefreshPolicy.ParseBool(ExpandSecretReferences, "InfisicalExpandSecretReferences"),
        };
        var source = settings.Resolve(config, GetEnvironmentVariable, Path.GetDirectoryName(ProjectFile ?? string.Empty) ?? string.Empty);
        var allowInsecureHttp = RefreshPolicy.ParseBool(AllowInsecureHttp, "InfisicalAllowInsecureHttp");
        TransportRule.Check(source.Host, settings.HostOrigin, allowInsecureHttp);
        if (settings.HostOrigin == ".infisical.json")
        {
            // A committed file decides where CI's credentials go: say so every time (docs/security.md).
            LogLine(MessageImportance.High, $"Infisical: the host {source.Host} comes from the committed {config.FilePath}; pin it with InfisicalHost or INFISICAL_API_URL in CI.");
        }

        var ci = RefreshPolicy.ParseBool(ContinuousIntegration, "ContinuousIntegrationBuild")
            || string.Equals(GetEnvironmentVariable("CI")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var credentials = new CredentialResolver(GetEnvironmentVariable) { AuthMethod = AuthMethod, IdentityId = IdentityId, OidcAudience = OidcAudience, AzureResource = AzureResource };
        var tokenCache = new TokenCache(Blank(TokenCache) == null || RefreshPolicy.ParseBool(TokenCache, "InfisicalTokenCache")
            ? Blank(TokenCacheDirectory) ?? Core.Credentials.TokenCache.DefaultDirectory(GetEnvironmentVariable)
            : null);
        var step = new SnapshotStep(
            new SnapshotStore(StoreDirectory),
            RefreshPolicy.Parse(RefreshInterval, Refresh, ci),
            AvailabilityPolicy.Parse(WhenUnavailable, OfflineFallback, OfflineMaxAge),
            credentials.Resolve,
            tokenCache,
            ParseTimeout(),
            Redactor)
        {
            AllowInsecureHttp = allowInsecureHttp,
        };

        var outcome = Task.Run(() => step.RunAsync(source, settings.HostOrigin, Cancellation)).GetAwaiter().GetResult();
        foreach (var warning in outcome.Warnings)
        {
            LogProblem(warning, warning: true);
        }

        LogLine(outcome.Status is SnapshotStatus.Fetched or SnapshotStatus.Skipped ? MessageImportance.High : MessageImportance.Normal, outcome.Message);
        SnapshotFile = outcome.SnapshotPath ?? string.Empty;
        Status = outcome.Status.ToString();
        return true;
    }

    private TimeSpan ParseTimeout()
    {
        var raw = Blank(TimeoutSeconds) ?? "60";
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
        {
            throw new InfisicalBuildException(InfisicalBuildErrors.InvalidSetting, $"InfisicalTimeoutSeconds '{raw}' must be a whole number of seconds, 1 or more.");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
