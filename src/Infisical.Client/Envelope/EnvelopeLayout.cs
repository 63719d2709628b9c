using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Infisical.Client.Envelope;

/// <summary>The authenticated header fields, and their canonical encoding (the AES-GCM associated data).</summary>
internal sealed class EnvelopeFields
{
    public EnvelopeFields(string kmsKeyId, string host, string projectId, string environment, string wrappedKey, byte[] nonce)
    {
        KmsKeyId = kmsKeyId;
        Host = host;
        ProjectId = projectId;
        Environment = environment;
        WrappedKey = wrappedKey;
        Nonce = nonce;
    }

    public string KmsKeyId { get; }

    public string Host { get; }

    public string ProjectId { get; }

    public string Environment { get; }

    public string WrappedKey { get; }

    public byte[] Nonce { get; }

    // One value per line, each ending in LF; fields cannot hold LF, so the encoding is unambiguous.
    public byte[] AssociatedData() => Encoding.ASCII.GetBytes(
        EncryptedSettingsEnvelope.FormatName + "\n" + EncryptedSettingsEnvelope.Version + "\n" + EncryptedSettingsEnvelope.Cipher + "\n"
        + KmsKeyId + "\n" + Host + "\n" + ProjectId + "\n" + Environment + "\n" + WrappedKey + "\n" + Convert.ToBase64String(Nonce) + "\n");
}

internal sealed class ParsedEnvelope
{
    public ParsedEnvelope(EnvelopeFields fields, string headerSha256, byte[] ciphertext, byte[] tag)
    {
        Fields = fields;
        HeaderSha256 = headerSha256;
        Ciphertext = ciphertext;
        Tag = tag;
    }

    public EnvelopeFields Fields { get; }

    public string HeaderSha256 { get; }

    public byte[] Ciphertext { get; }

    public byte[] Tag { get; }
}

/// <summary>The file's one canonical layout: fixed field order, two-space indent, LF line ends, a final LF, no escapes.</summary>
internal static class EnvelopeLayout
{
    private static readonly string[] Names =
    {
        "format", "version", "cipher", "kmsKeyId", "host", "projectId", "environment", "wrappedKey", "nonce", "headerSha256",
        "ciphertext", "tag",
    };

    public static byte[] Render(EnvelopeFields f, string headerSha256, byte[] ciphertext, byte[] tag)
    {
        var values = new[]
        {
            EncryptedSettingsEnvelope.FormatName, null, EncryptedSettingsEnvelope.Cipher, f.KmsKeyId, f.Host, f.ProjectId,
            f.Environment, f.WrappedKey, Convert.ToBase64String(f.Nonce), headerSha256, Convert.ToBase64String(ciphertext),
            Convert.ToBase64String(tag),
        };
        var text = new StringBuilder(ciphertext.Length / 3 * 4 + 1024);
        text.Append("{\n");
        for (var i = 0; i < Names.Length; i++)
        {
            text.Append("  \"").Append(Names[i]).Append("\": ");
            if (values[i] == null)
            {
                text.Append(EncryptedSettingsEnvelope.Version);
            }
            else
            {
                text.Append('"').Append(values[i]).Append('"');
            }

            text.Append(i == Names.Length - 1 ? "\n" : ",\n");
        }

        text.Append("}\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    public static ParsedEnvelope Parse(byte[] file)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file);
        }
        catch (JsonException e)
        {
            throw new EncryptedSettingsFormatException("The encrypted settings file is not valid JSON.", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EncryptedSettingsFormatException("The encrypted settings file is not a JSON object.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }
        }

        if (!values.TryGetValue("format", out var format) || format.ValueKind != JsonValueKind.String
            || format.GetString() != EncryptedSettingsEnvelope.FormatName)
        {
            throw new EncryptedSettingsFormatException($"The file is not an encrypted settings file (its \"format\" is not \"{EncryptedSettingsEnvelope.FormatName}\").");
        }

        if (!values.TryGetValue("version", out var version) || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out var v) || v != EncryptedSettingsEnvelope.Version)
        {
            throw new EncryptedSettingsFormatException(
                $"The encrypted settings file has an unsupported version (this reader knows version {EncryptedSettingsEnvelope.Version}).");
        }

        var fields = new EnvelopeFields(
            Text(values, "kmsKeyId"), Text(values, "host"), Text(values, "projectId"), Text(values, "environment"),
            Text(values, "wrappedKey"), Base64(values, "nonce", GcmCipher.NonceSize));
        if (Text(values, "cipher") != EncryptedSettingsEnvelope.Cipher)
        {
            throw new EncryptedSettingsFormatException($"The encrypted settings file's cipher is not {EncryptedSettingsEnvelope.Cipher}.");
        }

        var digest = Text(values, "headerSha256");
        if (digest.Length != 64 || !IsLowerHex(digest))
        {
            throw new EncryptedSettingsFormatException("The encrypted settings file's headerSha256 is not 64 lowercase hex digits.");
        }

        var ciphertext = Base64(values, "ciphertext", -1);
        var tag = Base64(values, "tag", GcmCipher.TagSize);
        if (values.Count != Names.Length)
        {
            throw new EncryptedSettingsFormatException("The encrypted settings file has fields this format does not define.");
        }

        // Same values, other bytes (spacing, order, escapes) would go unnoticed by the checks above.
        var canonical = Render(fields, digest, ciphertext, tag);
        if (!canonical.AsSpan().SequenceEqual(file))
        {
            throw new EncryptedSettingsFormatException("The encrypted settings file is not byte-for-byte in the canonical layout.");
        }

        return new ParsedEnvelope(fields, digest, ciphertext, tag);
    }

    private static string Text(Dictionary<string, JsonElement> values, string name)
    {
        if (!values.TryGetValue(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            throw new EncryptedSettingsFormatException($"The encrypted settings file has no \"{name}\" string.");
        }

        var text = element.GetString();
        if (!EnvelopeText.IsField(text))
        {
            throw new EncryptedSettingsFormatException($"The encrypted settings file's \"{name}\" is not 1–1024 printable ASCII characters.");
        }

        return text!;
    }

    private static byte[] Base64(Dictionary<string, JsonElement> values, string name, int length)
    {
        if (!values.TryGetValue(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            throw new EncryptedSettingsFormatException($"The encrypted settings file has no \"{name}\" string.");
        }

        var text = element.GetString() ?? string.Empty;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new EncryptedSettingsFormatException($"The encrypted settings file's \"{name}\" is not base64.", e);
        }

        // Unused low bits of the last character are ignored by decoders: demand the canonical spelling.
        if ((length >= 0 && bytes.Length != length) || Convert.ToBase64String(bytes) != text)
        {
            throw new EncryptedSettingsFormatException($"The encrypted settings file's \"{name}\" is not canonical base64 of the right length.");
        }

        return bytes;
    }

    private static bool IsLowerHex(string text)
    {
        foreach (var c in text)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
