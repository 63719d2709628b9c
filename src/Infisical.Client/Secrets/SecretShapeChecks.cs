using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Infisical.Client.Json;

namespace Infisical.Client.Secrets;

/// <summary>
/// Checks the parts of a read answer the caller's data depends on before they are deserialized: every secret is an
/// object with a string <c>secretValue</c>, and every import block has a <c>secrets</c> array. Without these checks a
/// missing value reads as "" (the property's default) and a missing array as "no secrets", which would silently
/// replace good data with nothing. Messages name the place (index, key), never a value.
/// </summary>
internal static class SecretShapeChecks
{
    public static void CheckSecret(JsonElement secret, string where)
    {
        if (secret.ValueKind != JsonValueKind.Object)
        {
            throw Refused($"{where} is {Describe(secret.ValueKind)}, not a secret object");
        }

        var key = secret.TryGetProperty("secretKey", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        var named = key == null ? where : $"{where} ('{key}')";
        if (!secret.TryGetProperty("secretValue", out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw Refused($"{named} has no string secretValue");
        }
    }

    public static void CheckSecretArray(JsonElement array, string where)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Refused($"{where} is {Describe(array.ValueKind)}, not an array of secrets");
        }

        var i = 0;
        foreach (var secret in array.EnumerateArray())
        {
            CheckSecret(secret, $"{where}[{i++}]");
        }
    }

    public static InfisicalResponseException Refused(string what) =>
        new($"Infisical's answer to a secret read is refused: {what}. Reading it would lose or blank secrets.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}

/// <summary>The list answer's own <c>secrets</c> array, checked before it is read.</summary>
internal sealed class CheckedSecretListConverter : JsonConverter<List<BaseSecret>>
{
    public override List<BaseSecret> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        SecretShapeChecks.CheckSecretArray(doc.RootElement, "secrets");
        return doc.RootElement.Deserialize(ClientJsonContext.Default.ListBaseSecret)!;
    }

    public override void Write(Utf8JsonWriter writer, List<BaseSecret> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, ClientJsonContext.Default.ListBaseSecret);
}

/// <summary>The list answer's <c>imports</c>: each block needs a <c>secrets</c> array of proper secrets.</summary>
internal sealed class CheckedImportListConverter : JsonConverter<List<SecretImport>>
{
    public override List<SecretImport> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw SecretShapeChecks.Refused("imports is not an array");
        }

        var i = 0;
        foreach (var block in doc.RootElement.EnumerateArray())
        {
            var where = $"imports[{i++}]";
            if (block.ValueKind != JsonValueKind.Object || !block.TryGetProperty("secrets", out var secrets))
            {
                throw SecretShapeChecks.Refused($"{where}.secrets is missing");
            }

            SecretShapeChecks.CheckSecretArray(secrets, where + ".secrets");
        }

        return doc.RootElement.Deserialize(ClientJsonContext.Default.ListSecretImport)!;
    }

    public override void Write(Utf8JsonWriter writer, List<SecretImport> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, ClientJsonContext.Default.ListSecretImport);
}

/// <summary>A get answer's <c>secret</c>, checked before it is read.</summary>
internal sealed class CheckedSecretConverter : JsonConverter<BaseSecret>
{
    public override BaseSecret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        SecretShapeChecks.CheckSecret(doc.RootElement, "secret");
        return doc.RootElement.Deserialize(ClientJsonContext.Default.BaseSecret)!;
    }

    public override void Write(Utf8JsonWriter writer, BaseSecret value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, ClientJsonContext.Default.BaseSecret);
}
