using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Infisical.Build.Core.Rendering;

/// <summary>
/// Renders secrets as an appsettings-style JSON file. A name is split on <c>__</c> into nested objects, the
/// way Microsoft.Extensions.Configuration maps environment variables (<c>ConnectionStrings__Db</c> becomes
/// <c>{"ConnectionStrings":{"Db":…}}</c>). Configuration keys are case-insensitive, so names that would
/// collide there (<c>A</c> and <c>A__B</c>, or <c>Db</c> and <c>DB</c>) are reported instead of silently
/// losing one value.
/// </summary>
internal static class ConfigurationJsonWriter
{
    private const string Separator = "__";

    /// <summary>Builds the file content, or returns the problems (naming keys, never values).</summary>
    public static string Render(IReadOnlyList<FetchedSecret> secrets, List<BuildProblem> problems)
    {
        var root = new Node(string.Empty, null);
        foreach (var secret in secrets.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Path, StringComparer.Ordinal))
        {
            Add(root, secret, problems);
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, root);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Add(Node root, FetchedSecret secret, List<BuildProblem> problems)
    {
        var segments = secret.Name.Split(new[] { Separator }, StringSplitOptions.None);
        if (segments.Any(s => s.Length == 0))
        {
            problems.Add(new BuildProblem(
                InfisicalBuildErrors.InvalidConfigurationKey,
                $"The secret {Describe(secret)} has an empty part between '__' separators, so it has no configuration key. Rename it in Infisical (for example 'Section__Key'), or use InfisicalOutputFormat=dotenv.", secret.Name));
            return;
        }

        var node = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var isLeaf = i == segments.Length - 1;
            if (!node.Children.TryGetValue(segment, out var child))
            {
                child = new Node(segment, secret);
                node.Children.Add(segment, child);
                if (isLeaf)
                {
                    child.Value = secret;
                }

                node = child;
                continue;
            }

            if (!string.Equals(child.Segment, segment, StringComparison.Ordinal))
            {
                problems.Add(new BuildProblem(
                    InfisicalBuildErrors.KeyCaseConflict,
                    $"The secrets {Describe(secret)} and {Describe(child.Owner!)} differ only in letter case ('{segment}' vs '{child.Segment}'), but configuration keys are case-insensitive, so one would hide the other. Rename one of them in Infisical.", secret.Name));
                return;
            }

            if (child.Value != null || isLeaf)
            {
                var other = child.Value ?? child.Owner!;
                var code = string.Equals(other.Name, secret.Name, StringComparison.Ordinal)
                    ? InfisicalBuildErrors.DuplicateSecretName
                    : InfisicalBuildErrors.KeyConflict;
                var text = code == InfisicalBuildErrors.DuplicateSecretName
                    ? $"The secret name '{secret.Name}' exists in more than one folder ({other.Path} and {secret.Path}); in one settings file only one can win. Rename one, or narrow InfisicalSecretPath / turn off InfisicalRecursive."
                    : $"The secrets {Describe(other)} and {Describe(secret)} conflict: one is a value and the other needs a section with the same key '{string.Join(":", segments.Take(i + 1))}'. Rename one of them in Infisical.";
                problems.Add(new BuildProblem(code, text, secret.Name));
                return;
            }

            node = child;
        }
    }

    private static string Describe(FetchedSecret secret) =>
        secret.Path == "/" ? $"'{secret.Name}'" : $"'{secret.Name}' (in {secret.Path})";

    private static void Write(Utf8JsonWriter writer, Node node)
    {
        if (node.Value != null)
        {
            writer.WriteStringValue(node.Value.Value);
            return;
        }

        writer.WriteStartObject();
        foreach (var child in node.Children.Values.OrderBy(c => c.Segment, StringComparer.Ordinal))
        {
            writer.WritePropertyName(child.Segment);
            Write(writer, child);
        }

        writer.WriteEndObject();
    }

    private sealed class Node
    {
        public Node(string segment, FetchedSecret? owner)
        {
            Segment = segment;
            Owner = owner;
        }

        public string Segment { get; }

        /// <summary>The first secret that created this node (named in conflict messages).</summary>
        public FetchedSecret? Owner { get; }

        public FetchedSecret? Value { get; set; }

        public Dictionary<string, Node> Children { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
