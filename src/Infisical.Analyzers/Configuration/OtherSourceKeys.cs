using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Infisical.Analyzers.Manifest;
using Microsoft.CodeAnalysis.Text;

namespace Infisical.Analyzers.Configuration;

/// <summary>
/// Reads the keys (never the values) that other configuration sources passed to the compiler provide:
/// appsettings*.json, Properties/launchSettings.json environment variables, and the names-only list of the
/// user's secrets.json keys that the build writes (one key per line). A key found here is not reported even
/// if Infisical lacks it, and a close one is offered as "did you mean".
/// </summary>
internal static class OtherSourceKeys
{
    /// <summary>The file the build writes with the keys of the project's user secrets (build/Infisical.Build.UserSecrets.targets).</summary>
    public const string UserSecretsKeysFileName = "infisical.usersecrets.keys";

    // The kinds of file yield different keys from the same text, so each has its own cache.
    private static readonly ParsedFileCache<KeyList> LaunchSettings = new(text => Read(text, ReadLaunchProfiles));
    private static readonly ParsedFileCache<KeyList> AppSettings = new(text => Read(text, (root, keys) => Flatten(root, null, keys)));
    private static readonly ParsedFileCache<KeyList> UserSecrets = new(ReadLines);

    /// <summary>True for files whose keys count as another configuration source.</summary>
    public static bool IsOtherSource(string path)
    {
        var file = Path.GetFileName(path);
        if (IsLaunchSettings(file) || IsUserSecretsKeys(file))
        {
            return true;
        }

        // The generated appsettings.Infisical.json mirrors the manifest and holds values: never read it.
        return file.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) &&
               file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) &&
               !file.Equals("appsettings.Infisical.json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The file's keys, parsed once per content; a file that is not valid JSON provides none (it is not ours to report).</summary>
    public static ImmutableArray<string> Get(string path, SourceText text)
    {
        var file = Path.GetFileName(path);
        var cache = IsLaunchSettings(file) ? LaunchSettings : IsUserSecretsKeys(file) ? UserSecrets : AppSettings;
        return cache.Get(text).Keys;
    }

    /// <summary>How a message names the source of a key ("appsettings.json", "user secrets").</summary>
    public static string Describe(string path)
    {
        var file = Path.GetFileName(path);
        return IsUserSecretsKeys(file) ? "user secrets" : file;
    }

    private static bool IsLaunchSettings(string fileName) =>
        fileName.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase);

    private static bool IsUserSecretsKeys(string fileName) =>
        fileName.Equals(UserSecretsKeysFileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>One configuration key per line (already flattened to A:B by the build); blank lines are skipped.</summary>
    private static KeyList ReadLines(string text)
    {
        var keys = ImmutableArray.CreateBuilder<string>();
        foreach (var line in text.Split('\n'))
        {
            var key = line.Trim();
            if (key.Length > 0)
            {
                keys.Add(key);
            }
        }

        return new KeyList(keys.ToImmutable());
    }

    private static KeyList Read(string text, Action<JsonNode, ImmutableArray<string>.Builder> collect)
    {
        JsonNode root;
        try
        {
            root = JsonReader.Parse(text);
        }
        catch (JsonSyntaxException)
        {
            return new KeyList(ImmutableArray<string>.Empty);
        }

        var keys = ImmutableArray.CreateBuilder<string>();
        collect(root, keys);
        return new KeyList(keys.ToImmutable());
    }

    private static void ReadLaunchProfiles(JsonNode root, ImmutableArray<string>.Builder keys)
    {
        var profiles = root.Get("profiles");
        if (profiles?.Members is null)
        {
            return;
        }

        foreach (var profile in profiles.Members)
        {
            var variables = profile.Value.Get("environmentVariables");
            if (variables?.Members is null)
            {
                continue;
            }

            foreach (var variable in variables.Members)
            {
                keys.Add(variable.Key);
            }
        }
    }

    private static void Flatten(JsonNode node, string? prefix, ImmutableArray<string>.Builder keys)
    {
        if (node.Members is { } members)
        {
            foreach (var member in members)
            {
                Flatten(member.Value, KeyNames.Combine(prefix, member.Key), keys);
            }
        }
        else if (node.Items is { } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                Flatten(items[i], KeyNames.Combine(prefix, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), keys);
            }
        }
        else if (prefix is not null)
        {
            keys.Add(prefix);
        }
    }

    /// <summary>A reference-type holder, as <see cref="ParsedFileCache{T}"/> caches classes.</summary>
    private sealed class KeyList
    {
        public KeyList(ImmutableArray<string> keys)
        {
            Keys = keys;
        }

        public ImmutableArray<string> Keys { get; }
    }
}
