using System.Text.RegularExpressions;

namespace Infisical.Build.Core.Rendering.DotEnv;

/// <summary>
/// The default dialect: only lines that npm dotenv, DotNetEnv (3.x), python-dotenv and docker compose all read
/// back exactly. Each form below is the intersection of what those four parsers do with it:
/// <list type="bullet">
/// <item><c>'value'</c> — taken literally by all four, provided the value has no <c>'</c>; no carriage return
/// (npm dotenv and python turn it into a line feed); no <c>\\</c> (python reads it as one backslash); and no
/// trailing backslash (npm dotenv, python and compose read <c>\'</c> as an escaped quote and run on into the
/// next line — the neighbour defect).</item>
/// <item><c>"value"</c> with only <c>\n</c> and <c>\r</c> escapes — the only escapes all four decode; so the
/// value may hold no <c>"</c>, no backslash and no <c>$</c> (DotNetEnv and compose expand it).</item>
/// <item><c>value</c> unquoted — for values like <c>C:\dir\</c>: only when no character is whitespace, a
/// control, a quote, <c>#</c> or <c>$</c>, which is where the four parsers' unquoted rules agree.</item>
/// </list>
/// Control characters other than tab, line breaks, vertical tab and form feed are refused: DotNetEnv rejects them
/// raw and npm dotenv has no escape for them. <c>${...}</c> is refused in any form because python-dotenv (0.21)
/// expands it even inside single quotes.
/// </summary>
internal sealed class PortableFormat : DotEnvFormat
{
    public static readonly PortableFormat Instance = new();

    // python-dotenv's own interpolation pattern (variables.py): what it matches is replaced whatever the quoting.
    private static readonly Regex PythonInterpolation = new(@"\$\{[^}:]*(?::-[^}]*)?\}", RegexOptions.CultureInvariant);

    public override string? CheckName(string name)
    {
        if (name.Length == 0 || !(DotEnvText.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return "portable names start with an ASCII letter or '_' (DotNetEnv cannot read a name starting with a digit or symbol)";
        }

        foreach (var c in name)
        {
            if (!(DotEnvText.IsAsciiLetter(c) || DotEnvText.IsAsciiDigit(c) || c == '_' || c == '.' || c == '-'))
            {
                return "portable names hold only ASCII letters, digits, '_', '.' and '-' (what every one of the four parsers reads)";
            }
        }

        return null;
    }

    public override string? Encode(string value, out string reason)
    {
        foreach (var c in value)
        {
            if (DotEnvText.IsNonWhitespaceControl(c))
            {
                reason = "it holds a control character other than tab, line feed, carriage return, vertical tab or form feed, which DotNetEnv refuses and npm dotenv cannot read escaped";
                return null;
            }
        }

        if (PythonInterpolation.IsMatch(value))
        {
            reason = "it holds a '${...}' sequence, which python-dotenv replaces with a variable's value in every quoting";
            return null;
        }

        reason = string.Empty;
        if (value.IndexOf('\'') < 0 && value.IndexOf('\r') < 0 && value.IndexOf(@"\\", System.StringComparison.Ordinal) < 0 && !DotEnvText.EndsWith(value, '\\'))
        {
            return "'" + value + "'";
        }

        if (value.IndexOfAny(new[] { '"', '\\', '$' }) < 0)
        {
            return "\"" + value.Replace("\r", "\\r").Replace("\n", "\\n") + "\"";
        }

        if (IsPlain(value))
        {
            return value;
        }

        reason = "no quoting is read the same by all four parsers (single quotes cannot carry a single quote, a carriage return, two backslashes in a row or a trailing backslash; double quotes cannot carry a double quote, a backslash or '$'; unquoted text cannot carry whitespace, quotes, '#' or '$'). The node, dotnetenv or shell dialect may hold it";
        return null;
    }

    private static bool IsPlain(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || DotEnvText.IsAnyWhitespace(c) || "#$\"'`".IndexOf(c) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
