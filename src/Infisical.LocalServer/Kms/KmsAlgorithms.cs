using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace Infisical.LocalServer;

/// <summary>The key usages, algorithms and signing schemes the local KMS implements (docs/infisical-api-notes.md, "KMS keys" and "Sign and verify").</summary>
internal static class KmsAlgorithms
{
    /// <summary>Symmetric usage.</summary>
    public const string EncryptDecrypt = "encrypt-decrypt";

    /// <summary>Asymmetric usage.</summary>
    public const string SignVerify = "sign-verify";

    /// <summary>Symmetric algorithms and their key sizes in bytes.</summary>
    public static readonly IReadOnlyDictionary<string, int> Symmetric = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["aes-256-gcm"] = 32,
        ["aes-128-gcm"] = 16,
    };

    /// <summary>Asymmetric algorithms and the signing schemes each supports.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Asymmetric = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["RSA_4096"] = new[]
        {
            "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
            "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
        },
        ["ECC_NIST_P256"] = new[] { "ECDSA_SHA_256" },
    };

    /// <summary>Every signing scheme name the API knows (the route's enum).</summary>
    public static readonly string[] SigningAlgorithmNames =
    {
        "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
        "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
        "ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512",
    };

    /// <summary>The hash a signing scheme uses.</summary>
    public static HashAlgorithmName HashOf(string signingAlgorithm) => signingAlgorithm[^3..] switch
    {
        "256" => HashAlgorithmName.SHA256,
        "384" => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    /// <summary>Digest length in bytes of <see cref="HashOf"/>.</summary>
    public static int DigestLength(string signingAlgorithm) => signingAlgorithm[^3..] switch
    {
        "256" => 32,
        "384" => 48,
        _ => 64,
    };

    /// <summary>Creates fresh key material for an algorithm.</summary>
    public static byte[] Generate(string algorithm)
    {
        if (Symmetric.TryGetValue(algorithm, out var size))
        {
            return RandomNumberGenerator.GetBytes(size);
        }

        if (algorithm == "RSA_4096")
        {
            using var rsa = RSA.Create(4096);
            return rsa.ExportPkcs8PrivateKey();
        }

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKey();
    }
}
