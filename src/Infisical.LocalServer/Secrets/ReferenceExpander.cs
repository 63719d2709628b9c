using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Infisical.LocalServer;

/// <summary>
/// <c>${...}</c> expansion (spec §3.10): <c>${KEY}</c> = same env and folder, <c>${env.a.b.KEY}</c> = folder /a/b of env;
/// recursive to depth 10 with cycle detection, up to 10 re-scans, missing references left literal, and the
/// skipMultilineEncoding quoting quirk. Call under the state lock.
/// </summary>
public sealed class ReferenceExpander
{
    private const int MaxDepth = 10;
    private const int MaxPasses = 10;
    private static readonly Regex CurrentPattern = new(@"\$\{([a-zA-Z0-9-_.@]+)\}", RegexOptions.CultureInvariant);
    private static readonly Regex LegacyPattern = new(@"\$\{([^}]+)\}", RegexOptions.CultureInvariant);
    private readonly Project project;
    private readonly bool legacy;
    private readonly bool crossPathOnly;

    /// <summary>
    /// Creates an expander. <paramref name="crossPathOnly"/> imitates the 2024 get-one route, which expanded only
    /// the <c>${env.path.KEY}</c> form and left same-folder references literal.
    /// </summary>
    public ReferenceExpander(Project project, bool legacy, bool crossPathOnly = false)
    {
        this.project = project;
        this.legacy = legacy;
        this.crossPathOnly = crossPathOnly;
    }

    /// <summary>Expands the value of a secret living in (<paramref name="environment"/>, <paramref name="path"/>).</summary>
    public string Expand(SecretRecord secret, string value, string environment, string path)
    {
        var visited = new HashSet<string> { Id(environment, path, secret.Key) };
        var result = ExpandValue(value, environment, path, visited, 0, out var expandedAny);
        if (expandedAny && secret.SkipMultilineEncoding == true && result.Contains('\n'))
        {
            // The real server quotes and escapes newlines when the flag is set (the reverse of what the name suggests).
            result = "\"" + result.Replace("\n", "\\n") + "\"";
        }

        return result;
    }

    private string ExpandValue(string value, string environment, string path, HashSet<string> visited, int depth, out bool expandedAny)
    {
        expandedAny = false;
        if (depth >= MaxDepth)
        {
            return value;
        }

        var pattern = legacy ? LegacyPattern : CurrentPattern;
        var result = value;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changed = false;
            result = pattern.Replace(result, match =>
            {
                var replacement = Resolve(match.Groups[1].Value, environment, path, visited, depth);
                if (replacement == null)
                {
                    return match.Value;
                }

                changed = true;
                return replacement;
            });
            if (!changed)
            {
                break;
            }

            expandedAny = true;
        }

        return result;
    }

    private string? Resolve(string reference, string environment, string path, HashSet<string> visited, int depth)
    {
        if (reference.StartsWith('@'))
        {
            // Cross-project references need an org feature and grants; without them the server leaves them literal.
            return null;
        }

        var parts = reference.Split('.');
        string env;
        string folder;
        var key = parts[^1].Trim();
        if (parts.Length == 1)
        {
            if (crossPathOnly)
            {
                return null;
            }

            env = environment;
            folder = path;
        }
        else
        {
            env = parts[0].Trim();
            folder = parts.Length == 2 ? "/" : "/" + string.Join('/', parts.Skip(1).Take(parts.Length - 2).Select(p => p.Trim()));
        }

        var id = Id(env, folder, key);
        if (visited.Contains(id))
        {
            return null;
        }

        var target = SecretScope.Folder(project, env, folder)?.Secrets.FirstOrDefault(s => s.Key == key);
        if (target == null || (legacy && target.Value.Length == 0))
        {
            return null;
        }

        var nested = new HashSet<string>(visited) { id };
        return ExpandValue(target.Value, env, folder, nested, depth + 1, out _);
    }

    private static string Id(string env, string path, string key) => env + "\u0000" + path + "\u0000" + key;
}
