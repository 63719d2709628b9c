using System;
using System.Collections.Generic;
using System.IO;
using Infisical.Build.Core.Pipeline;
using Infisical.Build.Core.Snapshots;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Infisical.Build.Tasks;

/// <summary>
/// The warm build's short cut, run in the project itself: when every source's stored snapshot is within the
/// refresh interval, it hands them over (Status=Store) and the shared fetch through Infisical.Snapshot.proj is not
/// built at all, which spares its project evaluation on every edit-build-run cycle (docs/performance.md). Any other
/// case — a stale or missing snapshot, a forced refresh, a CI build, a setting the shared fetch would reject —
/// returns nothing, and the shared fetch decides and reports exactly as it would have.
/// </summary>
public sealed class FindFreshInfisicalSnapshots : InfisicalServerTask
{
    /// <summary>The resolved sources, with the metadata _InfisicalResolveSources gives them (Host, ProjectId, Environment, Path, ...).</summary>
    public ITaskItem[] Sources { get; set; } = Array.Empty<ITaskItem>();

    public string? ProjectConfigFile { get; set; }

    [Required]
    public string StoreDirectory { get; set; } = string.Empty;

    public string? RefreshInterval { get; set; }

    public string? Refresh { get; set; }

    public string? ContinuousIntegration { get; set; }

    /// <summary>One item per source, in the sources' order, when all of them are fresh; otherwise none.</summary>
    [Output]
    public ITaskItem[] Snapshots { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    protected override bool Run()
    {
        if (Sources.Length == 0)
        {
            return true;
        }

        var found = new List<(SnapshotOutcome Outcome, SourceSpec Source, SourceSettings Settings)>(Sources.Length);
        InfisicalProjectConfig config;
        try
        {
            config = InfisicalProjectConfig.Load(ProjectConfigFile);
            var refresh = Refreshing(RefreshInterval, Refresh, ContinuousIntegration);
            var store = new SnapshotStore(StoreDirectory, sealedEntries: EncryptMode(formats: null).Encrypt);
            var now = DateTimeOffset.UtcNow;
            foreach (var item in Sources)
            {
                var (source, settings) = ResolveSource(
                    config, item.GetMetadata("Host"), item.GetMetadata("ProjectId"), item.GetMetadata("ProjectSlug"), item.GetMetadata("Environment"),
                    item.GetMetadata("Path"), item.GetMetadata("Recursive"), item.GetMetadata("IncludeImports"), item.GetMetadata("ExpandReferences"),
                    item.GetMetadata("TagSlugs"), Path.GetDirectoryName(ProjectFile ?? string.Empty) ?? string.Empty);
                if (SnapshotStep.FreshFromStore(store, refresh, source, store.TryRead(source), now) is not { } fresh)
                {
                    return true;
                }

                found.Add((fresh, source, settings));
            }
        }
        catch (InfisicalBuildException)
        {
            // Not this task's to report: the shared fetch meets the same setting and reports it with its location.
            return true;
        }

        var snapshots = new ITaskItem[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            var (outcome, source, settings) = found[i];
            AnnounceHostOrigin(source, settings, config);
            LogLine(MessageImportance.Normal, outcome.Message);
            snapshots[i] = new TaskItem(outcome.SnapshotPath, new Dictionary<string, string> { ["Status"] = outcome.Status.ToString() });
        }

        Snapshots = snapshots;
        return true;
    }
}
