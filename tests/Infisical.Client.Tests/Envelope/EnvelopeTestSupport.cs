using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Infisical.Client.Envelope;

namespace Infisical.Client.Tests.Envelope;

/// <summary>Helpers to edit envelope files the way an attacker (or an accident) would.</summary>
internal static class EnvelopeEdit
{
    public static string Text(byte[] file) => Encoding.ASCII.GetString(file);

    /// <summary>The offset of the first character of <paramref name="field"/>'s value.</summary>
    public static int ValueOffset(byte[] file, string field)
    {
        var marker = "\"" + field + "\": ";
        var at = Text(file).IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, field);
        at += marker.Length;
        return Text(file)[at] == '"' ? at + 1 : at;
    }

    public static string Value(byte[] file, string field)
    {
        var start = ValueOffset(file, field);
        var end = Text(file).IndexOf('"', start);
        return Text(file).Substring(start, end - start);
    }

    /// <summary>Replaces a field's value and, when asked, recomputes headerSha256 so only the GCM tag can notice.</summary>
    public static byte[] WithField(byte[] file, string field, string value, bool fixDigest)
    {
        var text = Text(file).Replace("\"" + field + "\": \"" + Value(file, field) + "\"", "\"" + field + "\": \"" + value + "\"");
        if (fixDigest)
        {
            string V(string name) => Value(Encoding.ASCII.GetBytes(text), name);
            var aad = string.Join("", new[] { "infisical-encrypted-settings", "1", "AES-256-GCM", V("kmsKeyId"), V("host"), V("projectId"), V("environment"), V("wrappedKey"), V("nonce") }.Select(x => x + "\n"));
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(aad))).ToLowerInvariant();
            text = text.Replace(V("headerSha256"), digest);
        }

        return Encoding.ASCII.GetBytes(text);
    }

    /// <summary>A different character of the same class (base64, hex or slug), so the layout stays canonical.</summary>
    public static byte[] WithCharChanged(byte[] file, int offset)
    {
        var copy = (byte[])file.Clone();
        var c = (char)copy[offset];
        copy[offset] = (byte)(c == 'a' ? 'b' : c == 'b' ? 'c' : char.IsDigit(c) ? (c == '0' ? '1' : '0') : 'a');
        return copy;
    }
}

/// <summary>
/// A local in-memory stand-in for KMS wrapping (AES-GCM under a process-local key), for tests that make hundreds of
/// reads and for benchmarks that measure local crypto only. Not a substitute for KMS in real use.
/// </summary>
public sealed class LocalStubKeyWrapper : IDataKeyWrapper
{
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public int Wraps { get; private set; }

    public int Unwraps { get; private set; }

    public Task<string> WrapAsync(string keyId, byte[] dataKey, CancellationToken cancellationToken)
    {
        Wraps++;
        var nonce = RandomNumberGenerator.GetBytes(12);
        var sealedKey = new byte[dataKey.Length];
        var tag = new byte[16];
        using var gcm = new AesGcm(Key(keyId), 16);
        gcm.Encrypt(nonce, dataKey, sealedKey, tag);
        return Task.FromResult(Convert.ToBase64String(nonce.Concat(sealedKey).Concat(tag).ToArray()));
    }

    public Task<byte[]> UnwrapAsync(string keyId, string wrappedKey, CancellationToken cancellationToken)
    {
        Unwraps++;
        var blob = Convert.FromBase64String(wrappedKey);
        var dataKey = new byte[blob.Length - 28];
        try
        {
            using var gcm = new AesGcm(Key(keyId), 16);
            gcm.Decrypt(blob.AsSpan(0, 12), blob.AsSpan(12, dataKey.Length), blob.AsSpan(blob.Length - 16), dataKey);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new EncryptedSettingsKeyException(keyId, "The stub key could not unwrap the data key.", e);
        }

        return Task.FromResult(dataKey);
    }

    private byte[] Key(string keyId)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            key = RandomNumberGenerator.GetBytes(32);
            _keys[keyId] = key;
        }

        return key;
    }
}
