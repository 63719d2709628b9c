using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Kms;

namespace Infisical.Client.Envelope;

/// <summary>
/// Encrypted settings files (docs/encrypted-settings.md): a fresh 256-bit data key per write encrypts the payload
/// locally with AES-256-GCM; one KMS encrypt call wraps the data key; the header is the GCM associated data.
/// The file has one canonical byte layout, and the reader refuses any other, so every one-byte change is an error.
/// </summary>
public static class EncryptedSettingsEnvelope
{
    /// <summary>The value of the file's <c>format</c> field.</summary>
    public const string FormatName = "infisical-encrypted-settings";

    /// <summary>The only format version this reader and writer know.</summary>
    public const int Version = 1;

    /// <summary>The value of the file's <c>cipher</c> field.</summary>
    public const string Cipher = "AES-256-GCM";

    /// <summary>Encrypts <paramref name="payload"/> with one KMS encrypt call and returns the file's bytes.</summary>
    public static Task<byte[]> EncryptAsync(byte[] payload, EnvelopeHeader header, KmsClient kms, CancellationToken cancellationToken = default) =>
        EncryptAsync(payload, header, new KmsDataKeyWrapper(kms), cancellationToken);

    /// <summary>Encrypts <paramref name="payload"/>, wrapping the data key with <paramref name="wrapper"/>.</summary>
    public static async Task<byte[]> EncryptAsync(
        byte[] payload, EnvelopeHeader header, IDataKeyWrapper wrapper, CancellationToken cancellationToken = default)
    {
        if (payload == null || header == null || wrapper == null)
        {
            throw new ArgumentNullException(payload == null ? nameof(payload) : header == null ? nameof(header) : nameof(wrapper));
        }

        var dataKey = new byte[GcmCipher.KeySize];
        var nonce = new byte[GcmCipher.NonceSize];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(dataKey);
            random.GetBytes(nonce);
        }

        try
        {
            var wrapped = await wrapper.WrapAsync(header.KmsKeyId, dataKey, cancellationToken).ConfigureAwait(false);
            if (!EnvelopeText.IsField(wrapped))
            {
                throw new EncryptedSettingsException("The key wrapper returned a wrapped key that is not printable ASCII.");
            }

            var fields = new EnvelopeFields(header.KmsKeyId, header.Host, header.ProjectId, header.Environment, wrapped, nonce);
            var aad = fields.AssociatedData();
            var ciphertext = new byte[payload.Length];
            var tag = new byte[GcmCipher.TagSize];
            GcmCipher.Encrypt(dataKey, nonce, payload, ciphertext, tag, aad);
            return EnvelopeLayout.Render(fields, Digest(aad), ciphertext, tag);
        }
        finally
        {
            Array.Clear(dataKey, 0, dataKey.Length);
        }
    }

    /// <summary>Decrypts a file with one KMS decrypt call; see <see cref="DecryptAsync(byte[], IDataKeyWrapper, EnvelopeExpectations?, CancellationToken)"/>.</summary>
    public static Task<byte[]> DecryptAsync(
        byte[] file, KmsClient kms, EnvelopeExpectations? expected = null, CancellationToken cancellationToken = default) =>
        DecryptAsync(file, new KmsDataKeyWrapper(kms), expected, cancellationToken);

    /// <summary>
    /// Checks the layout and header digest, then <paramref name="expected"/> (before any KMS call), unwraps the data
    /// key and decrypts the payload.
    /// </summary>
    /// <exception cref="EncryptedSettingsFormatException">Not an envelope in the canonical layout.</exception>
    /// <exception cref="EncryptedSettingsTamperedException">A header field or the payload was changed.</exception>
    /// <exception cref="EncryptedSettingsMismatchException">Intact, but for another environment/project/host/key.</exception>
    /// <exception cref="EncryptedSettingsKeyException">KMS would not unwrap the data key.</exception>
    public static async Task<byte[]> DecryptAsync(
        byte[] file, IDataKeyWrapper wrapper, EnvelopeExpectations? expected = null, CancellationToken cancellationToken = default)
    {
        if (wrapper == null)
        {
            throw new ArgumentNullException(nameof(wrapper));
        }

        var parsed = Open(file);
        CheckExpectations(parsed.Fields, expected);
        var dataKey = await wrapper.UnwrapAsync(parsed.Fields.KmsKeyId, parsed.Fields.WrappedKey, cancellationToken).ConfigureAwait(false);
        try
        {
            if (dataKey.Length != GcmCipher.KeySize)
            {
                throw new EncryptedSettingsKeyException(
                    parsed.Fields.KmsKeyId, $"The unwrapped data key has the wrong length for {Cipher}: the wrapped key was not made by this format.");
            }

            var payload = new byte[parsed.Ciphertext.Length];
            if (!GcmCipher.TryDecrypt(dataKey, parsed.Fields.Nonce, parsed.Ciphertext, parsed.Tag, payload, parsed.Fields.AssociatedData()))
            {
                throw new EncryptedSettingsTamperedException(
                    EnvelopeRegion.Payload,
                    "The encrypted settings failed AES-GCM authentication: the ciphertext, the tag or a header field (with its digest) was changed.");
            }

            return payload;
        }
        finally
        {
            Array.Clear(dataKey, 0, dataKey.Length);
        }
    }

    /// <summary>Reads and checks the header (layout and digest) without any KMS call, e.g. to find the host and key.</summary>
    public static EnvelopeHeader ReadHeader(byte[] file)
    {
        var f = Open(file).Fields;
        return new EnvelopeHeader(f.KmsKeyId, f.Host, f.ProjectId, f.Environment);
    }

    private static ParsedEnvelope Open(byte[] file)
    {
        if (file == null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        var parsed = EnvelopeLayout.Parse(file);
        if (!FixedTimeEquals(Encoding.ASCII.GetBytes(Digest(parsed.Fields.AssociatedData())), Encoding.ASCII.GetBytes(parsed.HeaderSha256)))
        {
            throw new EncryptedSettingsTamperedException(
                EnvelopeRegion.Header, "The encrypted settings header does not match its headerSha256: a header field was changed.");
        }

        return parsed;
    }

    private static void CheckExpectations(EnvelopeFields f, EnvelopeExpectations? expected)
    {
        if (expected == null)
        {
            return;
        }

        Check("environment", expected.Environment, f.Environment);
        Check("projectId", expected.ProjectId, f.ProjectId);
        Check("host", expected.Host, f.Host);
        Check("kmsKeyId", expected.KmsKeyId, f.KmsKeyId);
    }

    private static void Check(string field, string? expected, string actual)
    {
        if (expected != null && !string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new EncryptedSettingsMismatchException(field, expected, actual);
        }
    }

    internal static string Digest(byte[] associatedData)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(associatedData);
        var hex = new StringBuilder(64);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    private static bool FixedTimeEquals(byte[] a, byte[] b)
    {
        var diff = a.Length ^ b.Length;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            diff |= a[i] ^ b[i];
        }

        return diff == 0;
    }
}
