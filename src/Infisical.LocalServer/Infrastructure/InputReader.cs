using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Infisical.LocalServer;

/// <summary>
/// Reads and validates query and body fields the way the routes' zod schemas do, collecting zod-style issues.
/// Call the readers, then check <see cref="HasIssues"/> and answer <see cref="ApiErrors.Validation"/>.
/// </summary>
internal sealed class InputReader
{
    private readonly CompatibilityLevel level;

    /// <summary>Creates a reader for one request.</summary>
    public InputReader(CompatibilityLevel level) => this.level = level;

    /// <summary>Issues found so far.</summary>
    public JsonArray Issues { get; } = new();

    /// <summary>Whether any field failed.</summary>
    public bool HasIssues => Issues.Count > 0;

    /// <summary>Adds an issue found by the caller.</summary>
    public void Add(JsonObject issue) => Issues.Add(issue);

    /// <summary>A string body field; null when absent (an issue is added if required).</summary>
    public string? String(JsonObject body, string name, bool required, bool trim = true)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                Issues.Add(ZodIssues.Required(level, new[] { name }));
            }

            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            return trim ? text.Trim() : text;
        }

        Issues.Add(ZodIssues.InvalidType(level, new[] { name }, "string", Kind(node)));
        return null;
    }

    /// <summary>A boolean body field (JSON boolean, or "true"/"false" from a form body).</summary>
    public bool? Bool(JsonObject body, string name)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.String when value.GetValue<string>() is "true" or "false":
                    return value.GetValue<string>() == "true";
            }
        }

        Issues.Add(ZodIssues.InvalidType(level, new[] { name }, "boolean", Kind(node)));
        return null;
    }

    /// <summary>A number body field (coerced from a numeric string, as forms send).</summary>
    public double? Number(JsonObject body, string name)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number)
            {
                return value.GetValue<double>();
            }

            if (value.GetValueKind() == JsonValueKind.String &&
                double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        Issues.Add(ZodIssues.InvalidType(level, new[] { name }, "number", Kind(node)));
        return null;
    }

    /// <summary>An array body field; null when absent.</summary>
    public JsonArray? Array(JsonObject body, string name)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonArray array)
        {
            return array;
        }

        Issues.Add(ZodIssues.InvalidType(level, new[] { name }, "array", Kind(node)));
        return null;
    }

    /// <summary>A boolean query parameter: only lowercase "true"/"false" pass (<c>z.enum(["true","false"])</c>).</summary>
    public bool QueryBool(IQueryCollection query, string name, bool defaultValue)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return defaultValue;
        }

        var text = values.ToString();
        if (text == "true")
        {
            return true;
        }

        if (text == "false")
        {
            return false;
        }

        Issues.Add(ZodIssues.InvalidEnum(level, new[] { name }, text, "true", "false"));
        return defaultValue;
    }

    /// <summary>A trimmed string query parameter; null when absent.</summary>
    public static string? QueryString(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.ToString().Trim() : null;

    /// <summary>A coerced integer query parameter; null when absent.</summary>
    public int? QueryInt(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (int.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        Issues.Add(ZodIssues.InvalidType(level, new[] { name }, "number", "nan"));
        return null;
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "array",
        JsonObject => "object",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "unknown",
        },
        _ => "unknown",
    };
}
