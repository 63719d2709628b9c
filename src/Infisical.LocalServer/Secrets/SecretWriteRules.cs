using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infisical.LocalServer;

/// <summary>Validation and normalisation rules of secret writes (docs/infisical-api-notes.md, "Create a secret" and "Update a secret").</summary>
internal static class SecretWriteRules
{
    /// <summary>
    /// The server trims values; when the original ends with "\n", one "\n" is added back after trimming.
    /// </summary>
    public static string TrimValue(string value)
    {
        var trimmed = value.Trim();
        return value.EndsWith('\n') ? trimmed + "\n" : trimmed;
    }

    /// <summary>
    /// SecretNameSchema: trimmed, at least one character, no ':' or '/' (current); the 2024 server forbade spaces and ':'.
    /// Adds issues to <paramref name="input"/> under <paramref name="field"/>.
    /// </summary>
    public static void ValidateName(InputReader input, CompatibilityLevel level, string field, string name)
    {
        if (name.Length == 0)
        {
            input.Add(ZodIssues.TooSmall(level, new[] { field }, 1));
            return;
        }

        if (level == CompatibilityLevel.Legacy2024)
        {
            if (name.Contains(' '))
            {
                input.Add(ZodIssues.Custom(new[] { field }, "Secret name cannot contain spaces."));
            }

            if (name.Contains(':'))
            {
                input.Add(ZodIssues.Custom(new[] { field }, "Secret name cannot contain colon."));
            }

            return;
        }

        if (name.Contains(':') || name.Contains('/'))
        {
            input.Add(ZodIssues.Custom(new[] { field }, "Secret name cannot contain colon or forward slash."));
        }
    }

    /// <summary>Reads <c>secretMetadata: [{key, value, isEncrypted?}]</c>; null when absent.</summary>
    public static List<SecretMetadataEntry>? ReadMetadata(InputReader input, JsonObject body, CompatibilityLevel level)
    {
        var array = input.Array(body, "secretMetadata");
        if (array == null)
        {
            return null;
        }

        var result = new List<SecretMetadataEntry>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item)
            {
                input.Add(ZodIssues.InvalidType(level, new[] { "secretMetadata", i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "object", "unknown"));
                continue;
            }

            var key = item["key"] is JsonValue k && k.GetValueKind() == JsonValueKind.String ? k.GetValue<string>().Trim() : null;
            var value = item["value"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : string.Empty;
            if (string.IsNullOrEmpty(key) || key.Length > 255)
            {
                input.Add(ZodIssues.TooSmall(level, new[] { "secretMetadata", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "key" }, 1));
                continue;
            }

            var encrypted = item["isEncrypted"] is JsonValue e && e.GetValueKind() == JsonValueKind.True;
            result.Add(new SecretMetadataEntry(key, value, encrypted));
        }

        return result;
    }

    /// <summary>Reads <c>tagIds</c> (strings); null when absent.</summary>
    public static List<string>? ReadTagIds(InputReader input, JsonObject body)
    {
        var array = input.Array(body, "tagIds");
        return array?.Select(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : string.Empty).ToList();
    }

    /// <summary>The <c>{approval}</c> body answered instead of applying a change covered by a policy.</summary>
    public static JsonObject ApprovalBody(ServerState state, ApprovalPolicy policy, Folder folder)
    {
        var now = ServerClock.Iso(state.Clock.UtcNow);
        return new JsonObject
        {
            ["approval"] = new JsonObject
            {
                ["id"] = ServerState.NewId(),
                ["policyId"] = policy.Id,
                ["hasMerged"] = false,
                ["status"] = "open",
                ["conflicts"] = new JsonArray(),
                ["slug"] = "req-" + System.Guid.NewGuid().ToString("N")[..8],
                ["folderId"] = folder.Id,
                ["createdAt"] = now,
                ["updatedAt"] = now,
                ["isReplicated"] = false,
                ["committerUserId"] = null,
                ["statusChangedByUserId"] = null,
                ["bypassReason"] = null,
            },
        };
    }
}
