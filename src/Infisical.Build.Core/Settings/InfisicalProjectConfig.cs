using System;
using System.IO;
using System.Text.Json;

namespace Infisical.Build.Core.Settings;

/// <summary>
/// The parts of the Infisical CLI's <c>.infisical.json</c> (committed to git, no secrets) the build honours:
/// <c>workspaceId</c>, <c>defaultSecretPath</c> and <c>domain</c>. Its <c>defaultEnvironment</c> and branch
/// mapping are deliberately ignored: the environment must always be chosen explicitly with InfisicalEnv.
/// </summary>
internal sealed class InfisicalProjectConfig
{
    public string? WorkspaceId { get; private set; }

    public string? DefaultSecretPath { get; private set; }

    public string? Domain { get; private set; }

    /// <summary>True when the file names an environment the build is ignoring (worth a low-importance note).</summary>
    public bool HasIgnoredEnvironment { get; private set; }

    /// <summary>Reads the file, or returns an empty configuration when no file is given.</summary>
    public static InfisicalProjectConfig Load(string? path)
    {
        var config = new InfisicalProjectConfig();
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return config;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("root is not an object");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "workspaceId":
                        config.WorkspaceId = AsString(property.Value);
                        break;
                    case "defaultSecretPath":
                        config.DefaultSecretPath = AsString(property.Value);
                        break;
                    case "domain":
                        config.Domain = AsString(property.Value);
                        break;
                    case "defaultEnvironment":
                    case "gitBranchToEnvironmentMapping":
                        config.HasIgnoredEnvironment |= property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Object;
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.InvalidProjectConfigFile,
                $"Could not read the Infisical CLI project file '{path}' ({ex.GetType().Name}). Fix its JSON, or point InfisicalProjectConfigFile at another file (set it to a missing path to ignore it).");
        }

        return config;
    }

    private static string? AsString(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString()) ? element.GetString() : null;
}
