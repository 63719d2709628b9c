using System;
using System.Collections.Generic;

namespace Infisical.Analyzers.Configuration;

/// <summary>
/// The mapping between Infisical secret names and .NET configuration keys, the same one the generated
/// appsettings.Infisical.json and the environment-variables provider use: <c>A__B</c> is the key <c>A:B</c>.
/// </summary>
internal static class KeyNames
{
    public const string ConnectionStringsSection = "ConnectionStrings";

    /// <summary>The configuration key a secret name (or environment variable name) is read under.</summary>
    public static string ToConfigurationKey(string name) =>
        name.IndexOf("__", StringComparison.Ordinal) >= 0 ? name.Replace("__", ":") : name;

    /// <summary>Joins a section path and a relative key the way IConfiguration.GetSection does.</summary>
    public static string Combine(string? prefix, string key) =>
        string.IsNullOrEmpty(prefix) ? key : prefix + ":" + key;

    /// <summary>The first section of a key ("ConnectionStrings" for "ConnectionStrings:Db").</summary>
    public static string FirstSegment(string configurationKey)
    {
        var colon = configurationKey.IndexOf(':');
        return colon < 0 ? configurationKey : configurationKey.Substring(0, colon);
    }

    /// <summary>Every proper section prefix of a key: "A:B:C" gives "A" and "A:B".</summary>
    public static IEnumerable<string> SectionPrefixes(string configurationKey)
    {
        var colon = configurationKey.IndexOf(':');
        while (colon > 0)
        {
            yield return configurationKey.Substring(0, colon);
            colon = configurationKey.IndexOf(':', colon + 1);
        }
    }

    /// <summary>Infisical rejects names with ':' or '/', and names are trimmed.</summary>
    public static bool CouldBeSecretName(string name) =>
        name.Length > 0 && name.IndexOf('/') < 0 && name.Trim().Length == name.Length;
}
