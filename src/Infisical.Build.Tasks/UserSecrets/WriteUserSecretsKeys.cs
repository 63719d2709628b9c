using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
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
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

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
        var secretsFile = string.IsNullOrWhiteSpace(SecretsFile) ? DefaultSecretsFile(UserSecretsId) : SecretsFile;
        var keys = secretsFile is null ? new List<string>() : ReadKeys(secretsFile);
        var content = keys.Count == 0 ? string.Empty : string.Join("\n", keys) + "\n";
        try
        {
            var written = WriteIfChanged(OutputPath, content);
            Log.LogMessage(MessageImportance.Low, $"Infisical: {keys.Count} user-secrets key(s) {(written ? "written to" : "unchanged in")} {OutputPath}.");
            KeysFile = OutputPath;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Normal, $"Infisical: could not write {OutputPath} ({ex.GetType().Name}); the analyzer will not see the user-secrets keys.");
        }

        return true;
    }

    /// <summary>
    /// The path Microsoft.Extensions.Configuration.UserSecrets reads: %APPDATA%\Microsoft\UserSecrets\id\secrets.json
    /// when APPDATA is set (Windows), else ~/.microsoft/usersecrets/id/secrets.json. Null for an id that is not a
    /// plain folder name (the provider rejects those too).
    /// </summary>
    internal static string? DefaultSecretsFile(string userSecretsId)
    {
        var id = userSecretsId.Trim();
        if (id.Length == 0 || id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.IndexOfAny(new[] { '/', '\\' }) >= 0 || id == "." || id == "..")
        {
            return null;
        }

        var appData = Environment.GetEnvironmentVariable("APPDATA");
        if (!string.IsNullOrEmpty(appData))
        {
            return Path.Combine(appData, "Microsoft", "UserSecrets", id, "secrets.json");
        }

        var root = Environment.GetEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(root))
        {
            root = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        if (string.IsNullOrEmpty(root))
        {
            root = Environment.GetEnvironmentVariable("DOTNET_USER_SECRETS_FALLBACK_DIR");
        }

        return string.IsNullOrEmpty(root) ? null : Path.Combine(root, ".microsoft", "usersecrets", id, "secrets.json");
    }

    /// <summary>The flattened keys, sorted and distinct (case-insensitive, as configuration compares them).</summary>
    internal static List<string> ReadKeys(string secretsFile)
    {
        var keys = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (!File.Exists(secretsFile))
            {
                return new List<string>();
            }

            // The options of the JSON configuration provider, which reads secrets.json at run time.
            using var document = JsonDocument.Parse(
                File.ReadAllBytes(secretsFile),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Flatten(document.RootElement, null, keys);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // Unreadable or invalid: the provider would fail at run time and say why; the analyzer just sees no keys.
            return new List<string>();
        }

        return keys.ToList();
    }

    private static void Flatten(JsonElement element, string? prefix, SortedSet<string> keys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : prefix + ":" + property.Name, keys);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, (prefix is null ? string.Empty : prefix + ":") + index++, keys);
                }

                break;
            default:
                // A key's value is deliberately not looked at; a line break in a key would split the list.
                if (prefix is not null && prefix.IndexOfAny(new[] { '\r', '\n' }) < 0)
                {
                    keys.Add(prefix);
                }

                break;
        }
    }

    /// <summary>Writes through a temporary file in the same folder, and only when the content differs.</summary>
    private static bool WriteIfChanged(string path, string content)
    {
        var bytes = Utf8NoBom.GetBytes(content);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            if (File.Exists(path))
            {
                File.Replace(temp, path, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temp, path);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return true;
    }
}
