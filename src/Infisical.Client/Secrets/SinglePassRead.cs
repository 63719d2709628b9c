using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using Infisical.Client.Json;

namespace Infisical.Client.Secrets;

/// <summary>
/// One pass over a value for the common case, a well-formed answer: deserialized once with a contract that requires
/// what the checks require (<c>secretValue</c> in every secret, <c>secrets</c> in every import block; a value of
/// another JSON kind fails to convert anyway), and that shares text repeated across secrets. Anything refused, or any null left in the result, reads the value again
/// from where it began, the way it was always read (a document, the checks, then the plain contract), so the same
/// answers give the same messages and the same errors as that read.
/// </summary>
internal static class SinglePassRead
{
    private static readonly JsonSerializerOptions Strict = new(ClientJsonContext.Default.Options)
    {
        TypeInfoResolver = ClientJsonContext.Default.WithAddedModifier(Tighten),
    };

    public static readonly JsonTypeInfo<List<BaseSecret>> Secrets = (JsonTypeInfo<List<BaseSecret>>)Strict.GetTypeInfo(typeof(List<BaseSecret>));

    public static readonly JsonTypeInfo<List<SecretImport>> Imports = (JsonTypeInfo<List<SecretImport>>)Strict.GetTypeInfo(typeof(List<SecretImport>));

    public static readonly JsonTypeInfo<BaseSecret> Secret = (JsonTypeInfo<BaseSecret>)Strict.GetTypeInfo(typeof(BaseSecret));

    public delegate void ShapeCheck(JsonElement value);

    public static T Read<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> strict, Func<T, bool> isWhole, ShapeCheck check, JsonTypeInfo<T> plain)
        where T : class
    {
        var start = reader;
        try
        {
            if (JsonSerializer.Deserialize(ref reader, strict) is { } value && isWhole(value))
            {
                return value;
            }
        }
        catch (JsonException)
        {
            // Not an answer to trust as it stands: the read below says why, exactly as before.
        }

        reader = start;
        return ReadAsBefore(ref reader, check, plain);
    }

    /// <summary>The two-pass read: a document, the checks on it, then the plain contract.</summary>
    public static T ReadAsBefore<T>(ref Utf8JsonReader reader, ShapeCheck check, JsonTypeInfo<T> plain)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        check(doc.RootElement);
        return doc.RootElement.Deserialize(plain)!;
    }

    /// <summary>No secret is null and none has a null value (a JSON null reads as null; only absence is refused by the contract).</summary>
    public static bool AllHaveValues(IReadOnlyList<BaseSecret>? secrets)
    {
        if (secrets == null)
        {
            return false;
        }

        for (var i = 0; i < secrets.Count; i++)
        {
            if (secrets[i]?.SecretValue == null)
            {
                return false;
            }
        }

        return true;
    }

    private static void Tighten(JsonTypeInfo info)
    {
        if (info.Type == typeof(BaseSecret))
        {
            Require(info, "secretValue");
        }
        else if (info.Type == typeof(SecretImport))
        {
            Require(info, "secrets");
        }

        ShareRepeatedStrings(info);
    }

    private static void Require(JsonTypeInfo info, string name)
    {
        foreach (var property in info.Properties)
        {
            if (property.Name == name)
            {
                property.IsRequired = true;
            }
        }
    }

    /// <summary>
    /// Most string fields of a list repeat from one secret to the next (project, environment, folder, type, actor), and
    /// <c>_id</c> repeats <c>id</c>: each such field keeps its last string and hands it out again for the same text,
    /// instead of a new copy per secret. Names and values are read as usual.
    /// </summary>
    private static void ShareRepeatedStrings(JsonTypeInfo info)
    {
        if (info.Type != typeof(BaseSecret) && info.Type != typeof(SecretActor) && info.Type != typeof(SecretImport)
            && info.Type != typeof(SecretTag) && info.Type != typeof(SecretMetadataEntry))
        {
            return;
        }

        RepeatedString? id = null;
        foreach (var property in info.Properties)
        {
            // Never a value: those differ per secret, and a slot would keep the last one alive after its caller let it go.
            if (property.PropertyType != typeof(string)
                || (info.Type == typeof(BaseSecret) && property.Name is "secretKey" or "secretValue")
                || (info.Type == typeof(SecretMetadataEntry) && property.Name == "value"))
            {
                continue;
            }

            property.CustomConverter = property.Name is "id" or "_id" ? id ??= new RepeatedString() : new RepeatedString();
        }
    }

    /// <summary>
    /// Reads a string, returning the previous one this field read on this thread when the text is the same. Per thread:
    /// a read runs on one thread, so concurrent reads neither share a slot nor contend for it.
    /// </summary>
    private sealed class RepeatedString : JsonConverter<string>
    {
        private static int s_slots;

        [ThreadStatic]
        private static string?[]? t_last;

        private readonly int _slot = Interlocked.Increment(ref s_slots) - 1;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var last = t_last;
            if (last == null || last.Length <= _slot)
            {
                Array.Resize(ref last, Volatile.Read(ref s_slots));
                t_last = last;
            }

            var previous = last[_slot];
            if (previous != null && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(previous))
            {
                return previous;
            }

            return last[_slot] = reader.GetString();
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
