using System;
using System.Security.Cryptography;

namespace Infisical.Client.Envelope;

/// <summary>
/// AES-256-GCM with a 96-bit nonce and a 128-bit tag. On .NET 8+ this is the platform's AesGcm. netstandard2.0 has no
/// AES-GCM, and the build task runs the netstandard2.0 client inside .NET Framework MSBuild (no AesGcm there either),
/// so that target uses <see cref="ManagedAesGcm"/>: GCM built over the platform's AES block cipher, checked against
/// AesGcm and NIST vectors by the tests. This keeps the task package free of a third-party crypto dependency.
/// </summary>
internal static class GcmCipher
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public static void Encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] ciphertext, byte[] tag, byte[] associatedData)
    {
#if NET8_0_OR_GREATER
        using var gcm = new AesGcm(key, TagSize);
        gcm.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
#else
        ManagedAesGcm.Encrypt(key, nonce, plaintext, ciphertext, tag, associatedData);
#endif
    }

    /// <summary>Returns false, with <paramref name="plaintext"/> cleared, when the tag does not verify.</summary>
    public static bool TryDecrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] tag, byte[] plaintext, byte[] associatedData)
    {
#if NET8_0_OR_GREATER
        try
        {
            using var gcm = new AesGcm(key, TagSize);
            gcm.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            Array.Clear(plaintext, 0, plaintext.Length);
            return false;
        }
#else
        return ManagedAesGcm.TryDecrypt(key, nonce, ciphertext, tag, plaintext, associatedData);
#endif
    }
}
