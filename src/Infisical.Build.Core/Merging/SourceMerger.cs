using System;
using System.Collections.Generic;
using Infisical.Build.Core.Snapshots;

namespace Infisical.Build.Core.Merging;

/// <summary>One secret after the merge, with the index of the source it came from (for the manifest).</summary>
internal sealed class MergedSecret
{
    public MergedSecret(FetchedSecret secret, int sourceIndex)
    {
        Secret = secret;
        SourceIndex = sourceIndex;
    }

    public FetchedSecret Secret { get; }

    public int SourceIndex { get; }
}

/// <summary>
/// Combines the sources' snapshots in their declared order (the default source first, then InfisicalSource items
/// as written): like configuration providers, a later source overrides an earlier one for the same name. A name
/// that two sources define is reported naming both, as a warning, or as an error when the user asks.
/// </summary>
internal static class SourceMerger
{
    public static IReadOnlyList<MergedSecret> Merge(IReadOnlyList<SecretSnapshot> snapshots, bool duplicatesAreErrors, List<BuildProblem> problems)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var merged = new List<MergedSecret>();
        for (var index = 0; index < snapshots.Count; index++)
        {
            foreach (var secret in snapshots[index].Secrets)
            {
                if (byName.TryGetValue(secret.Name, out var at) && merged[at].SourceIndex != index)
                {
                    var earlier = snapshots[merged[at].SourceIndex].Source;
                    problems.Add(new BuildProblem(
                        InfisicalBuildErrors.DuplicateAcrossSources,
                        $"Secret '{secret.Name}' is defined by two Infisical sources: {earlier.Describe()} and {snapshots[index].Source.Describe()}. "
                        + (duplicatesAreErrors
                            ? "Remove it from one of them (InfisicalDuplicateSecrets=error)."
                            : "The later source's value is used; remove one, or set InfisicalDuplicateSecrets=error to fail instead."),
                        secret.Name));
                    merged[at] = new MergedSecret(secret, index);
                    continue;
                }

                byName[secret.Name] = merged.Count;
                merged.Add(new MergedSecret(secret, index));
            }
        }

        return merged;
    }
}
