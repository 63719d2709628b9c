using System;
using System.IO;
using System.Threading.Tasks;
using Infisical.Build.Core.Encryption;
using Infisical.Build.Core.Pipeline;
using Infisical.Build.Core.Snapshots;
using Microsoft.Build.Framework;

namespace Infisical.Build.Tasks;

/// <summary>
/// Gets one source's snapshot into the store: from the store itself within the refresh interval, else from the
/// server (conditionally), else as offline fallback and InfisicalWhenUnavailable allow. The targets run it in a
/// shared project instance per source, so MSBuild itself runs it once per source per build, on whichever node.
/// </summary>
public sealed class GetInfisicalSnapshot : InfisicalServerTask
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
        var (source, settings) = ResolveSource(
            config, Host, ProjectId, ProjectSlug, Environment, SecretPath,
            Recursive, IncludeImports, ExpandSecretReferences, TagSlugs, Path.GetDirectoryName(ProjectFile ?? string.Empty) ?? string.Empty);
        AnnounceHostOrigin(source, settings, config);
        var mode = EncryptMode(formats: null);
        var step = new SnapshotStep(
            new SnapshotStore(StoreDirectory, sealedEntries: mode.Encrypt),
            Refreshing(RefreshInterval, Refresh, ContinuousIntegration),
            AvailabilityPolicy.Parse(WhenUnavailable, OfflineFallback, OfflineMaxAge),
            Credentials().Resolve,
            Tokens(),
            ParseTimeout(),
            Redactor)
        {
            AllowInsecureHttp = InsecureHttpAllowed,
            Sealer = mode.Encrypt ? new KmsSealer(mode) : null,
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
}
