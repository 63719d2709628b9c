using System;

namespace Infisical.Client.Kms;

/// <summary>The property a KMS key list is ordered by. The server knows only the name.</summary>
public enum KmsKeysOrderBy
{
    /// <summary>Order by key name (<c>name</c>).</summary>
    Name,
}

/// <summary>Sort direction of a list.</summary>
public enum OrderDirection
{
    /// <summary>Ascending (<c>asc</c>), the server's default.</summary>
    Asc,

    /// <summary>Descending (<c>desc</c>).</summary>
    Desc,
}

/// <summary>What a KMS key is for. Fixed at creation.</summary>
public enum KmsKeyUsage
{
    /// <summary>Symmetric encryption and decryption (<c>encrypt-decrypt</c>), the default.</summary>
    EncryptDecrypt,

    /// <summary>Asymmetric signing and verification (<c>sign-verify</c>).</summary>
    SignVerify,
}

/// <summary>
/// A key's algorithm. AES variants go with <see cref="KmsKeyUsage.EncryptDecrypt"/>, RSA and ECC with
/// <see cref="KmsKeyUsage.SignVerify"/>; the server rejects other pairings.
/// </summary>
public enum KmsEncryptionAlgorithm
{
    /// <summary>AES-256 in GCM mode (<c>aes-256-gcm</c>), the default.</summary>
    Aes256Gcm,

    /// <summary>AES-128 in GCM mode (<c>aes-128-gcm</c>).</summary>
    Aes128Gcm,

    /// <summary>RSA with a 4096-bit modulus (<c>RSA_4096</c>), for signing.</summary>
    Rsa4096,

    /// <summary>ECDSA on NIST P-256 (<c>ECC_NIST_P256</c>), for signing.</summary>
    EccNistP256,

    /// <summary>ECDSA on NIST P-384 (<c>ECC_NIST_P384</c>); newer servers only.</summary>
    EccNistP384,

    /// <summary>ECDSA on NIST P-521 (<c>ECC_NIST_P521</c>); newer servers only.</summary>
    EccNistP521,
}

/// <summary>A signature scheme for <see cref="KmsClient.SignAsync"/> and <see cref="KmsClient.VerifyAsync"/>.</summary>
public enum KmsSigningAlgorithm
{
    /// <summary><c>RSASSA_PSS_SHA_256</c>.</summary>
    RsassaPssSha256,

    /// <summary><c>RSASSA_PSS_SHA_384</c>.</summary>
    RsassaPssSha384,

    /// <summary><c>RSASSA_PSS_SHA_512</c>.</summary>
    RsassaPssSha512,

    /// <summary><c>RSASSA_PKCS1_V1_5_SHA_256</c>.</summary>
    RsassaPkcs1V15Sha256,

    /// <summary><c>RSASSA_PKCS1_V1_5_SHA_384</c>.</summary>
    RsassaPkcs1V15Sha384,

    /// <summary><c>RSASSA_PKCS1_V1_5_SHA_512</c>.</summary>
    RsassaPkcs1V15Sha512,

    /// <summary><c>ECDSA_SHA_256</c>.</summary>
    EcdsaSha256,

    /// <summary><c>ECDSA_SHA_384</c>.</summary>
    EcdsaSha384,

    /// <summary><c>ECDSA_SHA_512</c>.</summary>
    EcdsaSha512,
}

/// <summary>The strings the API uses for the KMS enums.</summary>
public static class KmsWireNames
{
    /// <summary>The API value of an order property.</summary>
    public static string ToWire(this KmsKeysOrderBy value) => value switch
    {
        KmsKeysOrderBy.Name => "name",
        _ => throw Unknown(nameof(KmsKeysOrderBy), value),
    };

    /// <summary>The API value of a direction.</summary>
    public static string ToWire(this OrderDirection value) => value switch
    {
        OrderDirection.Asc => "asc",
        OrderDirection.Desc => "desc",
        _ => throw Unknown(nameof(OrderDirection), value),
    };

    /// <summary>The API value of a key usage.</summary>
    public static string ToWire(this KmsKeyUsage value) => value switch
    {
        KmsKeyUsage.EncryptDecrypt => "encrypt-decrypt",
        KmsKeyUsage.SignVerify => "sign-verify",
        _ => throw Unknown(nameof(KmsKeyUsage), value),
    };

    /// <summary>The API value of an algorithm.</summary>
    public static string ToWire(this KmsEncryptionAlgorithm value) => value switch
    {
        KmsEncryptionAlgorithm.Aes256Gcm => "aes-256-gcm",
        KmsEncryptionAlgorithm.Aes128Gcm => "aes-128-gcm",
        KmsEncryptionAlgorithm.Rsa4096 => "RSA_4096",
        KmsEncryptionAlgorithm.EccNistP256 => "ECC_NIST_P256",
        KmsEncryptionAlgorithm.EccNistP384 => "ECC_NIST_P384",
        KmsEncryptionAlgorithm.EccNistP521 => "ECC_NIST_P521",
        _ => throw Unknown(nameof(KmsEncryptionAlgorithm), value),
    };

    /// <summary>The API value of a signing algorithm.</summary>
    public static string ToWire(this KmsSigningAlgorithm value) => value switch
    {
        KmsSigningAlgorithm.RsassaPssSha256 => "RSASSA_PSS_SHA_256",
        KmsSigningAlgorithm.RsassaPssSha384 => "RSASSA_PSS_SHA_384",
        KmsSigningAlgorithm.RsassaPssSha512 => "RSASSA_PSS_SHA_512",
        KmsSigningAlgorithm.RsassaPkcs1V15Sha256 => "RSASSA_PKCS1_V1_5_SHA_256",
        KmsSigningAlgorithm.RsassaPkcs1V15Sha384 => "RSASSA_PKCS1_V1_5_SHA_384",
        KmsSigningAlgorithm.RsassaPkcs1V15Sha512 => "RSASSA_PKCS1_V1_5_SHA_512",
        KmsSigningAlgorithm.EcdsaSha256 => "ECDSA_SHA_256",
        KmsSigningAlgorithm.EcdsaSha384 => "ECDSA_SHA_384",
        KmsSigningAlgorithm.EcdsaSha512 => "ECDSA_SHA_512",
        _ => throw Unknown(nameof(KmsSigningAlgorithm), value),
    };

    /// <summary>Parses an API signing-algorithm name; false for names this client does not know.</summary>
    public static bool TryParseSigningAlgorithm(string? wire, out KmsSigningAlgorithm value)
    {
        foreach (KmsSigningAlgorithm candidate in Enum.GetValues(typeof(KmsSigningAlgorithm)))
        {
            if (string.Equals(candidate.ToWire(), wire, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static ArgumentOutOfRangeException Unknown(string type, object value) =>
        new("value", value, $"{value} is not a defined {type} value.");
}
