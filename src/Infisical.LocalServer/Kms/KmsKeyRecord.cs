using System;

namespace Infisical.LocalServer;

/// <summary>A customer-managed KMS key with its secret material (never sent over the API).</summary>
internal sealed class KmsKeyRecord
{
    /// <summary>Key id (UUID).</summary>
    public required string Id { get; init; }

    /// <summary>Owning organization (one per local server).</summary>
    public required string OrgId { get; init; }

    /// <summary>Owning project.</summary>
    public required string ProjectId { get; init; }

    /// <summary>Slug name, unique within the project.</summary>
    public required string Name { get; set; }

    /// <summary>Optional description.</summary>
    public string? Description { get; set; }

    /// <summary>Disabled keys refuse every cryptographic operation (400 "Key is disabled").</summary>
    public bool IsDisabled { get; set; }

    /// <summary><c>encrypt-decrypt</c> or <c>sign-verify</c>.</summary>
    public required string KeyUsage { get; init; }

    /// <summary><c>aes-256-gcm</c>, <c>aes-128-gcm</c>, <c>RSA_4096</c> or <c>ECC_NIST_P256</c>.</summary>
    public required string EncryptionAlgorithm { get; init; }

    /// <summary>Always 1 here (no rotation).</summary>
    public int Version { get; init; } = 1;

    /// <summary>Created (server clock).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>AES key bytes, or the PKCS#8 private key of an asymmetric key.</summary>
    public required byte[] Material { get; init; }

    /// <summary>Whether the key is symmetric (AES-GCM).</summary>
    public bool IsSymmetric => KeyUsage == KmsAlgorithms.EncryptDecrypt;
}
