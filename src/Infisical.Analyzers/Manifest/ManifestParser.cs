using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace Infisical.Analyzers.Manifest;

/// <summary>Turns manifest text into a <see cref="SecretManifest"/>, or into located problems.</summary>
internal static class ManifestParser
{
    private const int MaxProblems = 10;

    /// <summary>
    /// Parsed manifests by content, shared by the analyzer and the generator: both read the same
    /// additional file in the same compiler process, so it is parsed once for the two.
    /// </summary>
    public static readonly ParsedFileCache<ManifestReadResult> Cache = new(Parse);

    public static ManifestReadResult Parse(string text)
    {
        var problems = new List<ManifestProblem>();
        JsonNode root;
        try
        {
            root = JsonReader.Parse(text);
        }
        catch (JsonSyntaxException ex)
        {
            var length = ex.Offset < text.Length ? 1 : 0;
            problems.Add(new ManifestProblem(ex.Offset, length, "it is not valid JSON: " + ex.Message));
            return ManifestReadResult.Failed(problems);
        }

        if (root.Kind != JsonKind.Object)
        {
            problems.Add(Problem(root, "the top level must be a JSON object"));
            return ManifestReadResult.Failed(problems);
        }

        var version = SchemaVersion(root, problems);
        var sources = version >= 2 ? ReadSources(root, problems) : ImmutableArray.Create(ReadSource(root, problems));
        var secrets = sources.IsDefaultOrEmpty ? ImmutableArray<ManifestSecret>.Empty : ReadSecrets(root, sources, problems);
        if (problems.Count > 0)
        {
            return ManifestReadResult.Failed(problems);
        }

        return new ManifestReadResult(new SecretManifest(sources, secrets), ImmutableArray<ManifestProblem>.Empty);
    }

    /// <summary>Version 1 describes its one source at the top level; version 2 lists them in 'sources'.</summary>
    private static ManifestSource ReadSource(JsonNode node, List<ManifestProblem> problems) => new(
        OptionalString(node, "host", problems),
        OptionalString(node, "projectSlug", problems),
        OptionalString(node, "projectId", problems),
        OptionalString(node, "environment", problems),
        OptionalString(node, "secretPath", problems) ?? "/");

    private static ImmutableArray<ManifestSource> ReadSources(JsonNode root, List<ManifestProblem> problems)
    {
        var node = root.Get("sources");
        if (node is null || node.Kind != JsonKind.Array || node.Items!.Count == 0)
        {
            problems.Add(node is null
                ? new ManifestProblem(root.Start, 1, "the 'sources' array is missing (schema version 2)")
                : Problem(node, "'sources' must be a non-empty array of { \"projectId\"|\"projectSlug\", \"environment\", \"secretPath\" } objects"));
            return ImmutableArray<ManifestSource>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<ManifestSource>(node.Items.Count);
        foreach (var item in node.Items)
        {
            if (item.Kind != JsonKind.Object)
            {
                problems.Add(Problem(item, "each entry of 'sources' must be an object"));
                return ImmutableArray<ManifestSource>.Empty;
            }

            builder.Add(ReadSource(item, problems));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>The declared schema version (1 when absent), or 0 after reporting an unusable one.</summary>
    private static int SchemaVersion(JsonNode root, List<ManifestProblem> problems)
    {
        var version = root.Get("schemaVersion");
        if (version is null)
        {
            // Tolerated: hand-written manifests (tests, samples) often leave it out.
            return 1;
        }

        if (version.Kind != JsonKind.Number ||
            !int.TryParse(version.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add(Problem(version, "'schemaVersion' must be a whole number"));
            return 0;
        }

        if (value < 1 || value > SecretManifest.SupportedSchemaVersion)
        {
            problems.Add(Problem(
                version,
                $"'schemaVersion' {value} is not supported; this analyzer reads versions 1 to {SecretManifest.SupportedSchemaVersion} (update the Infisical.Build package)"));
            return 0;
        }

        return value;
    }

    private static ImmutableArray<ManifestSecret> ReadSecrets(JsonNode root, ImmutableArray<ManifestSource> sources, List<ManifestProblem> problems)
    {
        var secretsNode = root.Get("secrets");
        if (secretsNode is null)
        {
            problems.Add(new ManifestProblem(root.Start, 1, "the 'secrets' array is missing"));
            return ImmutableArray<ManifestSecret>.Empty;
        }

        if (secretsNode.Kind != JsonKind.Array)
        {
            problems.Add(Problem(secretsNode, "'secrets' must be an array of { \"name\": …, \"path\": … } objects"));
            return ImmutableArray<ManifestSecret>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<ManifestSecret>(secretsNode.Items!.Count);
        foreach (var item in secretsNode.Items)
        {
            if (problems.Count >= MaxProblems)
            {
                break;
            }

            var secret = ReadSecret(item, sources, problems);
            if (secret is { } ok)
            {
                builder.Add(ok);
            }
        }

        return builder.ToImmutable();
    }

    private static ManifestSecret? ReadSecret(JsonNode item, ImmutableArray<ManifestSource> sources, List<ManifestProblem> problems)
    {
        // A bare string is accepted as a name of the first source: tolerant of hand-written manifests.
        if (item.Kind == JsonKind.String)
        {
            return ValidName(item, item.Text!, problems) ? new ManifestSecret(item.Text!, sources[0].SecretPath, sources[0]) : null;
        }

        if (item.Kind != JsonKind.Object)
        {
            problems.Add(Problem(item, "each entry of 'secrets' must be an object with a 'name'"));
            return null;
        }

        var nameNode = item.Get("name");
        if (nameNode is null || nameNode.Kind != JsonKind.String)
        {
            problems.Add(Problem(nameNode ?? item, "each entry of 'secrets' needs a string 'name'"));
            return null;
        }

        if (SourceOf(item, sources, problems) is not { } source)
        {
            return null;
        }

        var path = OptionalString(item, "path", problems) ?? source.SecretPath;
        return ValidName(nameNode, nameNode.Text!, problems) ? new ManifestSecret(nameNode.Text!, path, source) : null;
    }

    /// <summary>The source a secret's 'source' index points at; the first one when it has none (version 1).</summary>
    private static ManifestSource? SourceOf(JsonNode item, ImmutableArray<ManifestSource> sources, List<ManifestProblem> problems)
    {
        var node = item.Get("source");
        if (node is null)
        {
            return sources[0];
        }

        if (node.Kind == JsonKind.Number &&
            int.TryParse(node.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sources.Length)
        {
            return sources[index];
        }

        problems.Add(Problem(node, $"'source' must be the index of an entry of 'sources' (0 to {sources.Length - 1})"));
        return null;
    }

    private static bool ValidName(JsonNode node, string name, List<ManifestProblem> problems)
    {
        if (name.Trim().Length == 0)
        {
            problems.Add(Problem(node, "a secret name is empty"));
            return false;
        }

        if (name.IndexOf(':') >= 0 || name.IndexOf('/') >= 0)
        {
            problems.Add(Problem(node, $"'{name}' is not a valid Infisical secret name (':' and '/' are not allowed)"));
            return false;
        }

        return true;
    }

    private static string? OptionalString(JsonNode obj, string name, List<ManifestProblem> problems)
    {
        var node = obj.Get(name);
        if (node is null || node.Kind == JsonKind.Null)
        {
            return null;
        }

        if (node.Kind != JsonKind.String)
        {
            problems.Add(Problem(node, $"'{name}' must be a string"));
            return null;
        }

        return node.Text;
    }

    private static ManifestProblem Problem(JsonNode node, string message) => new(node.Start, node.Length, message);
}
