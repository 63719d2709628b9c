using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Infisical.Build.Tasks.UserSecrets;

/// <summary>
/// Writes the KEYS of the project's user secrets (secrets.json, flattened to configuration keys <c>A:B</c>),
/// one per line, so the analyzer counts them as another configuration source. Values are never read into the
/// output, logged or passed on: the file holds names only. Needs no network and no InfisicalEnv, so it also
/// runs in design-time builds. Anything unreadable yields an empty list rather than a build problem: the file
/// only makes the analyzer quieter.
/// </summary>
public sealed class WriteUserSecretsKeys : MSBuildTask
{
    /// <summary>The project's UserSecretsId.</summary>
    [Required]
    public string UserSecretsId { get; set; } = string.Empty;

    /// <summary>Where to write the key list.</summary>
    [Required]
    public string OutputPath { get; set; } = string.Empty;

    /// <summary>The secrets.json to read; by default the one the user-secrets configuration provider reads.</summary>
    public string? SecretsFile { get; set; }

    /// <summary>The key list, when it could be written.</summary>
    [Output]
    public string? KeysFile { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var secretsFile = string.IsNullOrWhiteSpace(SecretsFile) ? UserSecretsKeys.DefaultSecretsFile(UserSecretsId) : SecretsFile;
        var keys = secretsFile is null ? new List<string>() : UserSecretsKeys.ReadKeys(secretsFile);
        var content = keys.Count == 0 ? string.Empty : string.Join("\n", keys) + "\n";
        try
        {
            var written = AtomicFileWriter.WriteIfChanged(OutputPath, content);
            Log.LogMessage(MessageImportance.Low, $"Infisical: {keys.Count} user-secrets key(s) {(written ? "written to" : "unchanged in")} {OutputPath}.");
            KeysFile = OutputPath;
        }
        catch (InfisicalBuildException ex) when (ex.Code == InfisicalBuildErrors.WriteFailed)
        {
            Log.LogMessage(MessageImportance.Normal, $"Infisical: could not write {OutputPath} ({ex.GetType().Name}); the analyzer will not see the user-secrets keys.");
        }

        return true;
    }
}
