using System;
using System.Security.Cryptography;
using System.Text;

namespace Infisical.LocalServer;

/// <summary>
/// Real cryptography for the local KMS. Ciphertexts use the internal KMS layout (docs/infisical-api-notes.md, "Ciphertext format"):
/// <c>IV[12] ‖ AES-GCM ciphertext ‖ tag[16] ‖ "v01"</c>, so their size and shape match the real server's.
/// </summary>
internal static class KmsCrypto
{
    private const int IvLength = 12;
    private const int TagLength = 16;
    private static readonly byte[] VersionSuffix = Encoding.ASCII.GetBytes("v01");

    /// <summary>Encrypts with a fresh random IV.</summary>
    public static byte[] Encrypt(byte[] key, byte[] plaintext)
    {
        var output = new byte[IvLength + plaintext.Length + TagLength + VersionSuffix.Length];
        var iv = output.AsSpan(0, IvLength);
        RandomNumberGenerator.Fill(iv);
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(iv, plaintext, output.AsSpan(IvLength, plaintext.Length), output.AsSpan(IvLength + plaintext.Length, TagLength));
        VersionSuffix.CopyTo(output.AsSpan(output.Length - VersionSuffix.Length));
        return output;
    }

    /// <summary>Decrypts; null when the blob is malformed or fails authentication (tampered, wrong key).</summary>
    public static byte[]? Decrypt(byte[] key, byte[] blob)
    {
        if (blob.Length < IvLength + TagLength + VersionSuffix.Length || !blob.AsSpan(blob.Length - VersionSuffix.Length).SequenceEqual(VersionSuffix))
        {
            return null;
        }

        var body = blob.AsSpan(0, blob.Length - VersionSuffix.Length);
        var cipherLength = body.Length - IvLength - TagLength;
        var plaintext = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(body[..IvLength], body.Slice(IvLength, cipherLength), body[^TagLength..], plaintext);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    /// <summary>Signs a message, or a digest when <paramref name="isDigest"/> is set.</summary>
    public static byte[] Sign(KmsKeyRecord key, string signingAlgorithm, byte[] data, bool isDigest)
    {
        var hash = KmsAlgorithms.HashOf(signingAlgorithm);
        if (key.EncryptionAlgorithm == "RSA_4096")
        {
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(key.Material, out _);
            var padding = Padding(signingAlgorithm);
            return isDigest ? rsa.SignHash(data, hash, padding) : rsa.SignData(data, hash, padding);
        }

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(key.Material, out _);

        // DER, as Node's crypto.sign produces for EC keys by default.
        return isDigest
            ? ecdsa.SignHash(data, DSASignatureFormat.Rfc3279DerSequence)
            : ecdsa.SignData(data, hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>Verifies a signature; false for any mismatch or malformed signature.</summary>
    public static bool Verify(KmsKeyRecord key, string signingAlgorithm, byte[] data, byte[] signature, bool isDigest)
    {
        var hash = KmsAlgorithms.HashOf(signingAlgorithm);
        try
        {
            if (key.EncryptionAlgorithm == "RSA_4096")
            {
                using var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(key.Material, out _);
                var padding = Padding(signingAlgorithm);
                return isDigest ? rsa.VerifyHash(data, signature, hash, padding) : rsa.VerifyData(data, signature, hash, padding);
            }

            using var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(key.Material, out _);
            return isDigest
                ? ecdsa.VerifyHash(data, signature, DSASignatureFormat.Rfc3279DerSequence)
                : ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The public key as base64 DER SubjectPublicKeyInfo.</summary>
    public static string PublicKey(KmsKeyRecord key)
    {
        if (key.EncryptionAlgorithm == "RSA_4096")
        {
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(key.Material, out _);
            return Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        }

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(key.Material, out _);
        return Convert.ToBase64String(ecdsa.ExportSubjectPublicKeyInfo());
    }

    private static RSASignaturePadding Padding(string signingAlgorithm) =>
        signingAlgorithm.StartsWith("RSASSA_PSS", StringComparison.Ordinal) ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
}
