using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Infisical.Build.NetFxHost;

/// <summary>Just enough JSON writing for the result document (no JSON library on purpose, see TaskInput).</summary>
internal static class JsonText
{
    public static string String(string? value)
    {
        if (value == null)
        {
            return "null";
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
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

    public static string Array(IEnumerable<string> rawElements) => "[" + string.Join(",", rawElements) + "]";

    public static string Strings(IEnumerable<string?> values) => Array(values.Select(String));

    /// <summary>An object from already-serialised member values, in the given order.</summary>
    public static string Object(IEnumerable<KeyValuePair<string, string>> members) =>
        "{" + string.Join(",", members.Select(m => String(m.Key) + ":" + m.Value)) + "}";
}
