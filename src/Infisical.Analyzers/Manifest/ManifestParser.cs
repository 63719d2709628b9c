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

        CheckSchemaVersion(root, problems);
        var projectSlug = OptionalString(root, "projectSlug", problems);
        var projectId = OptionalString(root, "projectId", problems);
        var environment = OptionalString(root, "environment", problems);
        var secretPath = OptionalString(root, "secretPath", problems) ?? "/";
        var secrets = ReadSecrets(root, secretPath, problems);
        if (problems.Count > 0)
        {
            return ManifestReadResult.Failed(problems);
        }

        var manifest = new SecretManifest(
            projectSlug,
            projectId,
            string.IsNullOrEmpty(environment) ? "(unknown environment)" : environment!,
            secretPath,
            secrets);
        return new ManifestReadResult(manifest, ImmutableArray<ManifestProblem>.Empty);
    }

    private static void CheckSchemaVersion(JsonNode root, List<ManifestProblem> problems)
    {
        var version = root.Get("schemaVersion");
        if (version is null)
        {
            // Tolerated: hand-written manifests (tests, samples) often leave it out.
            return;
        }

        if (version.Kind != JsonKind.Number ||
            !int.TryParse(version.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add(Problem(version, "'schemaVersion' must be a whole number"));
        }
        else if (value != SecretManifest.SupportedSchemaVersion)
        {
            problems.Add(Problem(
                version,
                $"'schemaVersion' {value} is not supported; this analyzer reads version {SecretManifest.SupportedSchemaVersion} (update the Infisical.Build package)"));
        }
    }

    private static ImmutableArray<ManifestSecret> ReadSecrets(JsonNode root, string defaultPath, List<ManifestProblem> problems)
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

            var secret = ReadSecret(item, defaultPath, problems);
            if (secret is { } ok)
            {
                builder.Add(ok);
            }
        }

        return builder.ToImmutable();
    }

    private static ManifestSecret? ReadSecret(JsonNode item, string defaultPath, List<ManifestProblem> problems)
    {
        // A bare string is accepted as a name: tolerant of hand-written manifests.
        if (item.Kind == JsonKind.String)
        {
            return ValidName(item, item.Text!, problems) ? new ManifestSecret(item.Text!, defaultPath) : null;
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

        var path = OptionalString(item, "path", problems) ?? defaultPath;
        return ValidName(nameNode, nameNode.Text!, problems) ? new ManifestSecret(nameNode.Text!, path) : null;
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
