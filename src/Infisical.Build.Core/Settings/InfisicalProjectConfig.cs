using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Infisical.Build.Core.Settings;

/// <summary>
/// The parts of the Infisical CLI's <c>.infisical.json</c> (committed to git, no secrets) the build honours:
/// <c>workspaceId</c>, <c>defaultSecretPath</c> and <c>domain</c>. Its <c>defaultEnvironment</c> and branch
/// mapping are used only when the user opts in with <c>InfisicalEnv=auto</c>: no build picks an environment silently.
/// </summary>
internal sealed class InfisicalProjectConfig
{
    public string? WorkspaceId { get; private set; }

    public string? DefaultSecretPath { get; private set; }

    public string? Domain { get; private set; }

    /// <summary>The path of the file that was read, or null.</summary>
    public string? FilePath { get; private set; }

    public string? DefaultEnvironment { get; private set; }

    /// <summary>Branch name to environment slug (the CLI's <c>gitBranchToEnvironmentMapping</c>).</summary>
    public IReadOnlyDictionary<string, string> BranchEnvironments { get; private set; } = new Dictionary<string, string>();

    /// <summary>Reads the file, or returns an empty configuration when no file is given.</summary>
    public static InfisicalProjectConfig Load(string? path)
    {
        var config = new InfisicalProjectConfig();
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return config;
        }

        config.FilePath = path;

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
                        config.DefaultEnvironment = AsString(property.Value);
                        break;
                    case "gitBranchToEnvironmentMapping":
                        config.BranchEnvironments = AsMapping(property.Value);
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

    private static Dictionary<string, string> AsMapping(JsonElement element)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in element.EnumerateObject())
            {
                if (AsString(entry.Value) is { } environment)
                {
                    mapping[entry.Name] = environment.Trim();
                }
            }
        }

        return mapping;
    }

    private static string? AsString(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString()) ? element.GetString() : null;
}
