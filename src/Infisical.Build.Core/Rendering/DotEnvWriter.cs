using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Infisical.Build.Core.Rendering;

/// <summary>
/// Renders secrets as a <c>.env</c> file that standard dotenv parsers (the npm <c>dotenv</c> package and
/// DotNetEnv) read back exactly. Quoting is chosen per value:
/// <list type="bullet">
/// <item>single quotes whenever the value has no <c>'</c> and no carriage return: both parsers take the text
/// literally (no escapes, no <c>$</c> expansion), newlines included;</item>
/// <item>otherwise double quotes with <c>\n</c>/<c>\r</c> escapes, when the value has no <c>"</c>, no <c>$</c>
/// and no backslash (those would be escapes or expansions to some parser);</item>
/// <item>otherwise the value cannot be written faithfully and the key is reported (INFB024).</item>
/// </list>
/// </summary>
internal static class DotEnvWriter
{
    // The key grammar the npm dotenv parser accepts ([\w.-]+), kept ASCII so every parser agrees.
    private static readonly Regex KeyPattern = new("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);

    /// <summary>Builds the file content, or adds problems naming the keys (never the values).</summary>
    public static string Render(IReadOnlyList<FetchedSecret> secrets, List<BuildProblem> problems)
    {
        var builder = new StringBuilder();
        var seen = new Dictionary<string, FetchedSecret>(StringComparer.Ordinal);
        foreach (var secret in secrets.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Path, StringComparer.Ordinal))
        {
            if (!KeyPattern.IsMatch(secret.Name))
            {
                problems.Add(new BuildProblem(
                    InfisicalBuildErrors.InvalidDotEnvKey,
                    $"The secret '{secret.Name}' cannot be a .env variable name: only letters, digits, '_', '.' and '-' are read by dotenv parsers. Rename it in Infisical, or use InfisicalOutputFormat=json.", secret.Name));
                continue;
            }

            if (seen.TryGetValue(secret.Name, out var first))
            {
                problems.Add(new BuildProblem(
                    InfisicalBuildErrors.DuplicateSecretName,
                    $"The secret name '{secret.Name}' exists in more than one folder ({first.Path} and {secret.Path}); a .env file can hold only one. Rename one, or narrow InfisicalSecretPath / turn off InfisicalRecursive.", secret.Name));
                continue;
            }

            seen.Add(secret.Name, secret);
            var quoted = Quote(secret.Value);
            if (quoted == null)
            {
                problems.Add(new BuildProblem(
                    InfisicalBuildErrors.UnrepresentableDotEnvValue,
                    $"The value of secret '{secret.Name}' cannot be written to a .env file so that dotenv parsers read it back exactly (it mixes single quotes or carriage returns with double quotes, '$' or backslashes). Use InfisicalOutputFormat=json, or change the value.", secret.Name));
                continue;
            }

            builder.Append(secret.Name).Append('=').Append(quoted).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Returns the quoted form of the value, or null when no quoting round-trips it.</summary>
    internal static string? Quote(string value)
    {
        if (value.IndexOf('\'') < 0 && value.IndexOf('\r') < 0)
        {
            return "'" + value + "'";
        }

        if (value.IndexOfAny(new[] { '"', '$', '\\' }) >= 0)
        {
            return null;
        }

        return "\"" + value.Replace("\r", "\\r").Replace("\n", "\\n") + "\"";
    }
}
