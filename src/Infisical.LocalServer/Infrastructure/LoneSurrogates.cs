using System;
using System.Text.Json;

namespace Infisical.LocalServer;

/// <summary>
/// Finds lone UTF-16 surrogates (JSON <c>"\ud800"</c> without its pair). System.Text.Json parses them but throws
/// InvalidOperationException as soon as the string is read, so every reader of seeds and bodies would have to guard
/// against it; checking once up front turns them into a clear error instead of a crash.
/// </summary>
internal static class LoneSurrogates
{
    /// <summary>The index of the first unpaired surrogate char in <paramref name="text"/>, or -1.</summary>
    public static int IndexIn(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The JSON path (<c>projects[0].secrets[2].value</c>) of the first string or property name in
    /// <paramref name="element"/> that escapes a lone surrogate, or null when there is none.
    /// </summary>
    public static string? PathIn(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(() => element.GetString()) ? null : Display(path);
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (PathIn(item, $"{path}[{i++}]") is { } inItem)
                    {
                        return inItem;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return Display(path) + " (a property name)";
                    }

                    if (PathIn(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } inValue)
                    {
                        return inValue;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Readable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Display(string path) => path.Length == 0 ? "the document" : path;
}
