using System.Collections.Generic;

namespace Infisical.Analyzers.Manifest;

/// <summary>The kinds of value the small manifest reader understands.</summary>
internal enum JsonKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// One parsed JSON value with the offset where it starts, so problems can be reported inside the file.
/// </summary>
internal sealed class JsonNode
{
    private JsonNode(JsonKind kind, int start, int length)
    {
        Kind = kind;
        Start = start;
        Length = length;
    }

    public JsonKind Kind { get; }

    /// <summary>Character offset of the first character of the value.</summary>
    public int Start { get; }

    /// <summary>Number of characters the value spans.</summary>
    public int Length { get; internal set; }

    /// <summary>String content, number text, or "true"/"false"; null for containers.</summary>
    public string? Text { get; private set; }

    /// <summary>Array items, or null when not an array.</summary>
    public List<JsonNode>? Items { get; private set; }

    /// <summary>Object members in source order (duplicates kept), or null when not an object.</summary>
    public List<KeyValuePair<string, JsonNode>>? Members { get; private set; }

    public static JsonNode Scalar(JsonKind kind, string? text, int start, int length) =>
        new(kind, start, length) { Text = text };

    public static JsonNode NewArray(int start) => new(JsonKind.Array, start, 1) { Items = new List<JsonNode>() };

    public static JsonNode NewObject(int start) =>
        new(JsonKind.Object, start, 1) { Members = new List<KeyValuePair<string, JsonNode>>() };

    /// <summary>The last member with this exact name, as JSON readers conventionally keep the last duplicate.</summary>
    public JsonNode? Get(string name)
    {
        if (Members is null)
        {
            return null;
        }

        for (var i = Members.Count - 1; i >= 0; i--)
        {
            if (Members[i].Key == name)
            {
                return Members[i].Value;
            }
        }

        return null;
    }
}
