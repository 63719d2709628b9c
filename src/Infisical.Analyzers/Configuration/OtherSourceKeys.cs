using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Infisical.Analyzers.Manifest;

namespace Infisical.Analyzers.Configuration;

/// <summary>
/// Reads the keys (never the values) that other configuration sources passed to the compiler provide:
/// appsettings*.json and Properties/launchSettings.json environment variables. A key found here is not
/// reported even if Infisical lacks it.
/// </summary>
internal static class OtherSourceKeys
{
    /// <summary>True for files whose keys count as another configuration source.</summary>
    public static bool IsOtherSource(string path)
    {
        var file = Path.GetFileName(path);
        if (file.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // The generated appsettings.Infisical.json mirrors the manifest and holds values: never read it.
        return file.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) &&
               file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) &&
               !file.Equals("appsettings.Infisical.json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Flattens the file's keys; a file that is not valid JSON provides none (it is not ours to report).</summary>
    public static ImmutableArray<string> Read(string fileName, string text)
    {
        JsonNode root;
        try
        {
            root = JsonReader.Parse(text);
        }
        catch (JsonSyntaxException)
        {
            return ImmutableArray<string>.Empty;
        }

        var keys = ImmutableArray.CreateBuilder<string>();
        if (fileName.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase))
        {
            ReadLaunchProfiles(root, keys);
        }
        else
        {
            Flatten(root, null, keys);
        }

        return keys.ToImmutable();
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
}
