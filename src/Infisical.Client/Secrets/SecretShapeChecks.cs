using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Infisical.Client.Json;

namespace Infisical.Client.Secrets;

/// <summary>
/// Checks the parts of a read answer the caller's data depends on: every secret is an
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

/// <summary>The list answer's own <c>secrets</c> array, checked as it is read.</summary>
internal sealed class CheckedSecretListConverter : JsonConverter<List<BaseSecret>>
{
    public override List<BaseSecret> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SinglePassRead.Read(ref reader, SinglePassRead.Secrets, static secrets => SinglePassRead.AllHaveValues(secrets), Check, ClientJsonContext.Default.ListBaseSecret);

    internal static void Check(JsonElement root) => SecretShapeChecks.CheckSecretArray(root, "secrets");

    public override void Write(Utf8JsonWriter writer, List<BaseSecret> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, ClientJsonContext.Default.ListBaseSecret);
}

/// <summary>The list answer's <c>imports</c>: each block needs a <c>secrets</c> array of proper secrets.</summary>
internal sealed class CheckedImportListConverter : JsonConverter<List<SecretImport>>
{
    public override List<SecretImport> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SinglePassRead.Read(ref reader, SinglePassRead.Imports, static imports => IsWhole(imports), Check, ClientJsonContext.Default.ListSecretImport);

    public override void Write(Utf8JsonWriter writer, List<SecretImport> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, ClientJsonContext.Default.ListSecretImport);

    private static bool IsWhole(List<SecretImport> imports)
    {
        foreach (var block in imports)
        {
            if (block == null || !SinglePassRead.AllHaveValues(block.Secrets))
            {
                return false;
            }
        }

        return true;
    }

    internal static void Check(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw SecretShapeChecks.Refused("imports is not an array");
        }

        var i = 0;
        foreach (var block in root.EnumerateArray())
        {
            var where = $"imports[{i++}]";
            if (block.ValueKind != JsonValueKind.Object || !block.TryGetProperty("secrets", out var secrets))
            {
                throw SecretShapeChecks.Refused($"{where}.secrets is missing");
            }

            SecretShapeChecks.CheckSecretArray(secrets, where + ".secrets");
        }
    }
}

/// <summary>A get answer's <c>secret</c>, checked as it is read.</summary>
internal sealed class CheckedSecretConverter : JsonConverter<BaseSecret>
{
    public override BaseSecret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SinglePassRead.Read(ref reader, SinglePassRead.Secret, static secret => secret.SecretValue != null, Check, ClientJsonContext.Default.BaseSecret);

    internal static void Check(JsonElement root) => SecretShapeChecks.CheckSecret(root, "secret");

    public override void Write(Utf8JsonWriter writer, BaseSecret value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, ClientJsonContext.Default.BaseSecret);
}
