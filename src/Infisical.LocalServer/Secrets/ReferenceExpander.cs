using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Infisical.LocalServer;

/// <summary>
/// <c>${...}</c> expansion as the real server does it (docs/infisical-api-notes.md, "Reference expansion"): <c>${KEY}</c> = same env and folder,
/// <c>${env.a.b.KEY}</c> = folder /a/b of env. The server keeps one result string and a stack of referenced values
/// to scan (depth ≤ 10); every reference found is replaced everywhere in the result. A reference back to a secret
/// already on the chain is substituted once but not scanned again, which is how cycles stop. Missing references
/// stay literal. Call under the state lock.
/// </summary>
internal sealed class ReferenceExpander
{
    /// <summary>Current servers' reference syntax; renames rewrite references written this way (<see cref="ReferenceRewriter"/>).</summary>
    internal static readonly Regex CurrentPattern = new(@"\$\{([a-zA-Z0-9-_.@]+)\}", RegexOptions.CultureInvariant);
    private const int MaxDepth = 10;
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

    private Regex Pattern => legacy ? LegacyPattern : CurrentPattern;

    /// <summary>Expands the value of a secret living in (<paramref name="environment"/>, <paramref name="path"/>).</summary>
    public string Expand(SecretRecord secret, string value, string environment, string path)
    {
        if (string.IsNullOrEmpty(value) || !Pattern.IsMatch(value))
        {
            return value;
        }

        var result = value;
        var stack = new Stack<Frame>();
        stack.Push(new Frame(value, environment, path, 0, new HashSet<string> { Id(environment, path, secret.Key) }));
        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            if (frame.Depth > MaxDepth)
            {
                continue;
            }

            foreach (Match match in Pattern.Matches(frame.Value))
            {
                if (!TryParse(match.Groups[1].Value, frame, out var env, out var folder, out var key))
                {
                    continue;
                }

                var target = SecretScope.Folder(project, env, folder)?.Secrets.FirstOrDefault(s => s.Key == key);
                var referenced = target?.Value ?? string.Empty;
                var id = Id(env, folder, key);
                if (target != null && Pattern.IsMatch(referenced) && !frame.Visited.Contains(id))
                {
                    stack.Push(new Frame(referenced, env, folder, frame.Depth + 1, new HashSet<string>(frame.Visited) { id }));
                }

                // Missing references stay literal; the 2024 server also left empty values literal.
                if (target != null && (referenced.Length > 0 || !legacy))
                {
                    result = result.Replace(match.Value, referenced, System.StringComparison.Ordinal);
                }
            }
        }

        if (secret.SkipMultilineEncoding == true && result.Contains('\n'))
        {
            // The real server quotes and escapes newlines when the flag is set (the reverse of what the name suggests).
            result = "\"" + result.Replace("\n", "\\n", System.StringComparison.Ordinal) + "\"";
        }

        return result;
    }

    private bool TryParse(string reference, Frame frame, out string env, out string folder, out string key)
    {
        var parts = reference.Trim().Split('.');
        key = parts[^1];
        env = frame.Environment;
        folder = frame.Path;
        if (parts[0].StartsWith('@'))
        {
            // Cross-project references need an org feature and grants; without them the server leaves them literal.
            return false;
        }

        if (parts.Length == 1)
        {
            return !crossPathOnly;
        }

        env = parts[0];
        folder = FolderOf(parts);
        return true;
    }

    /// <summary>The folder a dotted reference <c>env.a.b.KEY</c> (split on '.') names: <c>/a/b</c>.</summary>
    internal static string FolderOf(string[] parts) => "/" + string.Join('/', parts.Skip(1).Take(parts.Length - 2));

    private static string Id(string env, string path, string key) => env + ":" + path + ":" + key;

    private sealed record Frame(string Value, string Environment, string Path, int Depth, HashSet<string> Visited);
}
