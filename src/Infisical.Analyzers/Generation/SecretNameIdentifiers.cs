using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Infisical.Analyzers.Generation;

/// <summary>
/// Turns secret names into C# identifiers for the generated <c>InfisicalSecretNames</c> class. The mapping
/// depends only on the set of names, so the same manifest always yields the same identifiers.
/// </summary>
internal static class SecretNameIdentifiers
{
    /// <summary>
    /// Identifiers (keywords escaped with '@') for <paramref name="sortedNames"/>, in the same order. A name that is
    /// already a valid identifier keeps it; the others take the cleaned-up form, or that form plus "_2", "_3"…
    /// when it is taken. <paramref name="reserved"/> lists identifiers no constant may use (the enclosing class's name).
    /// </summary>
    public static string[] Assign(IReadOnlyList<string> sortedNames, params string[] reserved)
    {
        var result = new string[sortedNames.Count];
        var used = new HashSet<string>(reserved, StringComparer.Ordinal);

        // First pass: verbatim identifiers win, so a new odd name ("DB-PASSWORD") can never take DB_PASSWORD's
        // constant away from it and break code that already uses InfisicalSecretNames.DB_PASSWORD.
        for (var i = 0; i < sortedNames.Count; i++)
        {
            var name = sortedNames[i];
            if (Clean(name) == name && used.Add(name))
            {
                result[i] = name;
            }
        }

        for (var i = 0; i < sortedNames.Count; i++)
        {
            if (result[i] is not null)
            {
                continue;
            }

            var candidate = Clean(sortedNames[i]);
            var unique = candidate;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = candidate + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            result[i] = unique;
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = EscapeKeyword(result[i]);
        }

        return result;
    }

    /// <summary>
    /// A dotted namespace with each part cleaned like a constant name, or null when nothing usable is left
    /// (a project name used as a namespace may hold '-' or start with a digit).
    /// </summary>
    public static string? Namespace(string? rootNamespace)
    {
        if (rootNamespace is null || rootNamespace.Trim().Length == 0)
        {
            return null;
        }

        var parts = rootNamespace.Trim().Split('.');
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Trim().Length == 0)
            {
                // "A..B" or a trailing dot: no sensible reading, so the class goes to the global namespace.
                return null;
            }

            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(EscapeKeyword(Clean(part.Trim())));
        }

        return builder.ToString();
    }

    /// <summary>Invalid characters become '_' (one per code point); a name that cannot start an identifier gets a leading '_'.</summary>
    internal static string Clean(string name)
    {
        var builder = new StringBuilder(name.Length + 1);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                // Identifiers are checked per UTF-16 unit; a surrogate pair is one character to the reader.
                builder.Append('_');
                i++;
            }
            else if (IsPart(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('_');
            }
        }

        if (builder.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    // Formatting characters (Cf) are legal in identifiers but invisible and ignored when comparing names:
    // keeping them would give constants that look identical yet differ, so they are replaced too.
    private static bool IsPart(char c) =>
        SyntaxFacts.IsIdentifierPartCharacter(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format;

    private static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
}
