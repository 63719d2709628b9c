using System;
using System.Collections.Generic;

namespace Infisical.Client.Secrets;

/// <summary>
/// Merges imported secrets into a folder's own: own secrets win; among imports the last one wins, matching the
/// server's get-by-name fallback (it searches imports from last to first), so list and get agree.
/// </summary>
internal static class ImportMerger
{
    public static IReadOnlyList<BaseSecret> Merge(IReadOnlyList<BaseSecret> own, IReadOnlyList<SecretImport> imports)
    {
        if (imports.Count == 0)
        {
            // A copy: the wire list may sit in the cache and must not be reachable by callers.
            return new List<BaseSecret>(own).AsReadOnly();
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in own)
        {
            seen.Add(secret.SecretKey);
        }

        var winnersPerImport = new List<BaseSecret>[imports.Count];
        for (var i = imports.Count - 1; i >= 0; i--)
        {
            var source = imports[i];
            var winners = winnersPerImport[i] = new List<BaseSecret>();
            foreach (var secret in source.Secrets)
            {
                if (seen.Add(secret.SecretKey))
                {
                    // Imported items may lack their folder and environment; the block says where they came from.
                    winners.Add(secret with
                    {
                        SecretPath = secret.SecretPath ?? source.SecretPath,
                        Environment = secret.Environment ?? source.Environment,
                    });
                }
            }
        }

        // Imports were walked last-first to decide precedence; present them in import order for readability.
        var merged = new List<BaseSecret>(own);
        foreach (var winners in winnersPerImport)
        {
            merged.AddRange(winners);
        }

        return merged.AsReadOnly();
    }
}
