using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Infisical.Build.Core.Settings;

/// <summary>
/// The keys (never the values) of a project's user-secrets file, for the analyzer: found where
/// Microsoft.Extensions.Configuration.UserSecrets looks, read with the JSON configuration provider's options.
/// In the core library so the task assembly itself needs no JSON or span APIs (their .NET Framework versions
/// would not bind inside Visual Studio's MSBuild).
/// </summary>
internal static class UserSecretsKeys
{
    /// <summary>
    /// The path Microsoft.Extensions.Configuration.UserSecrets reads: %APPDATA%\Microsoft\UserSecrets\id\secrets.json
    /// when APPDATA is set (Windows), else ~/.microsoft/usersecrets/id/secrets.json. Null for an id that is not a
    /// plain folder name (the provider rejects those too).
    /// </summary>
    public static string? DefaultSecretsFile(string userSecretsId)
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
    public static List<string> ReadKeys(string secretsFile)
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
}
