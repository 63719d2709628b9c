namespace Infisical.Build.Core.Rendering.DotEnv;

/// <summary>Character tests the dialects share.</summary>
internal static class DotEnvText
{
    public static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    public static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    /// <summary>True when some UTF-16 surrogate has no partner: UTF-8 cannot encode it, so no file can hold it.</summary>
    public static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Control characters DotNetEnv refuses inside quotes and outside them (it accepts only the whitespace ones:
    /// tab, line feed, vertical tab, form feed, carriage return and U+0085).
    /// </summary>
    public static bool IsNonWhitespaceControl(char c) => char.IsControl(c) && !char.IsWhiteSpace(c);

    /// <summary>
    /// Whitespace as JavaScript's <c>String.prototype.trim</c> and <c>\s</c> see it, widened with the
    /// characters some Unicode versions counted as spaces, so a value edge that any engine might trim is caught.
    /// </summary>
    public static bool IsAnyWhitespace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF' || c == '\u180E' || c == '\u200B';

    public static bool EndsWith(string value, char c) => value.Length > 0 && value[value.Length - 1] == c;

    public static bool StartsWith(string value, char c) => value.Length > 0 && value[0] == c;
}
