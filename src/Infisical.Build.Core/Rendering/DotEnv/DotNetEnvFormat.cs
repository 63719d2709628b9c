using System.Globalization;
using System.Text;

namespace Infisical.Build.Core.Rendering.DotEnv;

/// <summary>
/// DotNetEnv 3.x (a Sprache grammar): names start with a letter or <c>_</c> and continue with letters, digits,
/// <c>_</c>, <c>.</c> or <c>-</c>; any other name makes the whole file unparseable, so it is refused.
/// Values go in single quotes (literal) unless they hold a <c>'</c> or a control character that is not
/// whitespace — DotNetEnv fails on those inside single quotes. Then double quotes, where its escapes cover
/// everything: <c>\\</c>, <c>\"</c>, <c>\$</c> (a bare <c>$</c> would interpolate), <c>\n</c>, <c>\r</c>, and
/// <c>\uXXXX</c> for other control characters.
/// </summary>
internal sealed class DotNetEnvFormat : DotEnvFormat
{
    public static readonly DotNetEnvFormat Instance = new();

    public override string? CheckName(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return "DotNetEnv reads only names that start with a letter or '_' (a leading digit or symbol makes the whole file unreadable)";
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))
            {
                return "DotNetEnv reads only names made of letters, digits, '_', '.' and '-'";
            }
        }

        return null;
    }

    public override string? Encode(string value, out string reason)
    {
        reason = string.Empty;
        var needsEscapes = value.IndexOf('\'') >= 0;
        foreach (var c in value)
        {
            needsEscapes |= DotEnvText.IsNonWhitespaceControl(c);
        }

        if (!needsEscapes)
        {
            return "'" + value + "'";
        }

        var builder = new StringBuilder(value.Length + 8).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '"': builder.Append("\\\""); break;
                case '$': builder.Append(@"\$"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                default:
                    if (DotEnvText.IsNonWhitespaceControl(c))
                    {
                        // Always four digits: the parser takes up to four, so a following hex digit stays text.
                        builder.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
