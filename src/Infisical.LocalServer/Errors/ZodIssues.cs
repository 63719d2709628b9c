using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Infisical.LocalServer;

/// <summary>
/// Zod issue objects as they appear in a 422 (or 2024: 403) <c>message</c> array. Current servers run Zod 4,
/// the 2024 server ran Zod 3; the wording differs, the shape (<c>code</c>, <c>path</c>, <c>message</c>) does not.
/// </summary>
internal static class ZodIssues
{
    /// <summary>A required field that is absent.</summary>
    public static JsonObject Required(CompatibilityLevel level, IEnumerable<string> path, string expected = "string") =>
        InvalidType(level, path, expected, "undefined");

    /// <summary>A field of the wrong JSON type.</summary>
    public static JsonObject InvalidType(CompatibilityLevel level, IEnumerable<string> path, string expected, string received)
    {
        if (level == CompatibilityLevel.Legacy2024)
        {
            return new JsonObject
            {
                ["code"] = "invalid_type",
                ["expected"] = expected,
                ["received"] = received,
                ["path"] = Path(path),
                ["message"] = received == "undefined" ? "Required" : $"Expected {expected}, received {received}",
            };
        }

        return new JsonObject
        {
            ["expected"] = expected,
            ["code"] = "invalid_type",
            ["path"] = Path(path),
            ["message"] = $"Invalid input: expected {expected}, received {received}",
        };
    }

    /// <summary>A value outside an enum such as <c>["true","false"]</c>.</summary>
    public static JsonObject InvalidEnum(CompatibilityLevel level, IEnumerable<string> path, string received, params string[] options)
    {
        if (level == CompatibilityLevel.Legacy2024)
        {
            return new JsonObject
            {
                ["received"] = received,
                ["code"] = "invalid_enum_value",
                ["options"] = new JsonArray(options.Select(o => (JsonNode?)o).ToArray()),
                ["path"] = Path(path),
                ["message"] = $"Invalid enum value. Expected {string.Join(" | ", options.Select(o => $"'{o}'"))}, received '{received}'",
            };
        }

        return new JsonObject
        {
            ["code"] = "invalid_value",
            ["values"] = new JsonArray(options.Select(o => (JsonNode?)o).ToArray()),
            ["path"] = Path(path),
            ["message"] = $"Invalid option: expected one of {string.Join("|", options.Select(o => $"\"{o}\""))}",
        };
    }

    /// <summary>A refinement failure (<c>code: "custom"</c>).</summary>
    public static JsonObject Custom(IEnumerable<string> path, string message) => new()
    {
        ["code"] = "custom",
        ["path"] = Path(path),
        ["message"] = message,
    };

    /// <summary>A string shorter than its minimum.</summary>
    public static JsonObject TooSmall(CompatibilityLevel level, IEnumerable<string> path, int minimum)
    {
        if (level == CompatibilityLevel.Legacy2024)
        {
            return new JsonObject
            {
                ["code"] = "too_small",
                ["minimum"] = minimum,
                ["type"] = "string",
                ["inclusive"] = true,
                ["exact"] = false,
                ["message"] = $"String must contain at least {minimum} character(s)",
                ["path"] = Path(path),
            };
        }

        return new JsonObject
        {
            ["origin"] = "string",
            ["code"] = "too_small",
            ["minimum"] = minimum,
            ["inclusive"] = true,
            ["path"] = Path(path),
            ["message"] = $"Too small: expected string to have >={minimum} characters",
        };
    }

    /// <summary>A string field that is not a UUID (key ids, identity ids).</summary>
    public static JsonObject InvalidUuid(CompatibilityLevel level, string field) => level == CompatibilityLevel.Legacy2024
        ? new JsonObject
        {
            ["validation"] = "uuid",
            ["code"] = "invalid_string",
            ["message"] = "Invalid uuid",
            ["path"] = new JsonArray(field),
        }
        : new JsonObject
        {
            ["origin"] = "string",
            ["code"] = "invalid_format",
            ["format"] = "uuid",
            ["pattern"] = "/^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/",
            ["path"] = new JsonArray(field),
            ["message"] = "Invalid UUID",
        };

    private static JsonArray Path(IEnumerable<string> path) => new(path.Select(p => (JsonNode?)p).ToArray());
}
