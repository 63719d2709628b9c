namespace Infisical.Build.Core.Rendering.DotEnv;

/// <summary>
/// npm <c>dotenv</c>'s default parser: one regular expression over the whole file, after every carriage return
/// has been turned into a line feed. A quoted value ends at the first matching quote not preceded by a
/// backslash, so a value whose last character is a backslash would swallow the following lines; such values
/// are written unquoted when they can be. Forms, in order of preference:
/// <list type="bullet">
/// <item><c>'value'</c> and <c>`value`</c> — literal, newlines included; no carriage return, no quote of that
/// kind, no trailing backslash. The backtick form holds values that mix <c>'</c> and <c>"</c>.</item>
/// <item><c>"value"</c> — dotenv decodes only <c>\n</c> and <c>\r</c> there (nothing escapes a backslash), so
/// the value may not hold a backslash followed by <c>n</c> or <c>r</c>, nor <c>"</c>, nor end in a backslash;
/// this is the only form that carries a carriage return.</item>
/// <item><c>value</c> unquoted — one line, no <c>#</c>, not starting with a quote, no whitespace at either end
/// (dotenv trims), and no U+2028/U+2029 (JavaScript line terminators, where its quote-stripping pattern would
/// restart).</item>
/// </list>
/// </summary>
internal sealed class NodeFormat : DotEnvFormat
{
    public static readonly NodeFormat Instance = new();

    public override string? CheckName(string name)
    {
        if (name.Length == 0)
        {
            return "an empty name cannot be read";
        }

        foreach (var c in name)
        {
            if (!(DotEnvText.IsAsciiLetter(c) || DotEnvText.IsAsciiDigit(c) || c == '_' || c == '.' || c == '-'))
            {
                return "npm dotenv reads only names made of ASCII letters, digits, '_', '.' and '-'";
            }
        }

        return null;
    }

    public override string? Encode(string value, out string reason)
    {
        reason = string.Empty;
        var endsWithBackslash = DotEnvText.EndsWith(value, '\\');
        var hasCarriageReturn = value.IndexOf('\r') >= 0;
        if (!endsWithBackslash && !hasCarriageReturn)
        {
            if (value.IndexOf('\'') < 0)
            {
                return "'" + value + "'";
            }

            if (value.IndexOf('`') < 0)
            {
                return "`" + value + "`";
            }
        }

        if (!endsWithBackslash && value.IndexOf('"') < 0 && !HasLiteralEscape(value))
        {
            return "\"" + value.Replace("\r", "\\r").Replace("\n", "\\n") + "\"";
        }

        if (IsUnquotable(value))
        {
            return value;
        }

        reason = "npm dotenv has no quoting for it (a trailing backslash or a carriage return together with quotes, '#', line breaks or edge whitespace, or all three quote kinds). The dotnetenv or shell dialect may hold it";
        return null;
    }

    /// <summary>A backslash followed by n or r, which dotenv would turn into a line break inside double quotes.</summary>
    private static bool HasLiteralEscape(string value)
    {
        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (value[i] == '\\' && (value[i + 1] == 'n' || value[i + 1] == 'r'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnquotable(string value)
    {
        if (value.Length == 0 || DotEnvText.IsAnyWhitespace(value[0]) || DotEnvText.IsAnyWhitespace(value[value.Length - 1]) || "'\"`".IndexOf(value[0]) >= 0)
        {
            return false;
        }

        return value.IndexOfAny(new[] { '#', '\r', '\n', '\u2028', '\u2029' }) < 0;
    }
}
