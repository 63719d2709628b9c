using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Infisical.Client.Kms;

/// <summary>
/// A customer-managed KMS key. String-typed algorithm and usage fields keep working when a newer server reports
/// values this client does not know; compare them with <see cref="KmsWireNames"/>.
/// </summary>
public sealed class KmsKey
{
    /// <summary>Key id (UUID).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Owning organization id.</summary>
    [JsonPropertyName("orgId")]
    public string? OrgId { get; init; }

    /// <summary>Owning project id.</summary>
    [JsonPropertyName("projectId")]
    public string? ProjectId { get; init; }

    /// <summary>Key name: a slug of 1–32 lowercase letters, digits and hyphens.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Free text, or null.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>A disabled key refuses every cryptographic operation.</summary>
    [JsonPropertyName("isDisabled")]
    public bool IsDisabled { get; init; }

    /// <summary><c>encrypt-decrypt</c> or <c>sign-verify</c>; null from servers older than signing keys.</summary>
    [JsonPropertyName("keyUsage")]
    public string? KeyUsage { get; init; }

    /// <summary>e.g. <c>aes-256-gcm</c>, <c>RSA_4096</c>.</summary>
    [JsonPropertyName("encryptionAlgorithm")]
    public string? EncryptionAlgorithm { get; init; }

    /// <summary>Key version.</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; }

    /// <summary>Creation time.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Last change.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>One page of keys and the total number matching the search.</summary>
public sealed class ListKmsKeysResponse
{
    /// <summary>The keys on this page.</summary>
    [JsonPropertyName("keys")]
    public IReadOnlyList<KmsKey> Keys { get; init; } = Array.Empty<KmsKey>();

    /// <summary>How many keys match, over all pages.</summary>
    [JsonPropertyName("totalCount")]
    public int TotalCount { get; init; }
}

/// <summary>Arguments of <see cref="KmsClient.ListKeysAsync"/>.</summary>
public sealed class ListKmsKeysOptions
{
    /// <summary>The project whose keys to list. Required.</summary>
    public string ProjectId { get; set; } = string.Empty;

    /// <summary>Keys to skip (≥ 0). Defaults to 0.</summary>
    public int Offset { get; set; }

    /// <summary>Page size, 1–100. Defaults to 100.</summary>
    public int Limit { get; set; } = 100;

    /// <summary>Defaults to <see cref="KmsKeysOrderBy.Name"/>.</summary>
    public KmsKeysOrderBy OrderBy { get; set; } = KmsKeysOrderBy.Name;

    /// <summary>Defaults to <see cref="OrderDirection.Asc"/>.</summary>
    public OrderDirection OrderDirection { get; set; } = OrderDirection.Asc;

    /// <summary>Only keys whose name contains this text; null for all.</summary>
    public string? Search { get; set; }
}

/// <summary>Arguments of <see cref="KmsClient.CreateKeyAsync"/>.</summary>
public sealed class CreateKmsKeyOptions
{
    /// <summary>The project to create the key in. Required.</summary>
    public string ProjectId { get; set; } = string.Empty;

    /// <summary>Key name: 1–32 lowercase letters, digits and hyphens. Required.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Optional description (≤ 500 characters).</summary>
    public string? Description { get; set; }

    /// <summary>Defaults to <see cref="KmsKeyUsage.EncryptDecrypt"/>.</summary>
    public KmsKeyUsage KeyUsage { get; set; } = KmsKeyUsage.EncryptDecrypt;

    /// <summary>Defaults to <see cref="KmsEncryptionAlgorithm.Aes256Gcm"/>.</summary>
    public KmsEncryptionAlgorithm EncryptionAlgorithm { get; set; } = KmsEncryptionAlgorithm.Aes256Gcm;
}

/// <summary>Arguments of <see cref="KmsClient.UpdateKeyAsync"/>; null fields are left unchanged.</summary>
public sealed class UpdateKmsKeyOptions
{
    /// <summary>New name (slug rules as on create).</summary>
    public string? Name { get; set; }

    /// <summary>Disable or re-enable the key.</summary>
    public bool? IsDisabled { get; set; }

    /// <summary>New description.</summary>
    public string? Description { get; set; }
}

/// <summary>The answer of <see cref="KmsClient.SignAsync"/>.</summary>
public sealed class KmsSignature
{
    /// <summary>The signature, base64.</summary>
    [JsonPropertyName("signature")]
    public string Signature { get; init; } = string.Empty;

    /// <summary>The key that signed.</summary>
    [JsonPropertyName("keyId")]
    public string KeyId { get; init; } = string.Empty;

    /// <summary>The algorithm used, as the API names it.</summary>
    [JsonPropertyName("signingAlgorithm")]
    public string SigningAlgorithm { get; init; } = string.Empty;
}

/// <summary>The answer of <see cref="KmsClient.VerifyAsync"/>.</summary>
public sealed class KmsSignatureVerification
{
    /// <summary>Whether the signature matches the data under this key.</summary>
    [JsonPropertyName("signatureValid")]
    public bool SignatureValid { get; init; }

    /// <summary>The key that verified.</summary>
    [JsonPropertyName("keyId")]
    public string KeyId { get; init; } = string.Empty;

    /// <summary>The algorithm used, as the API names it.</summary>
    [JsonPropertyName("signingAlgorithm")]
    public string SigningAlgorithm { get; init; } = string.Empty;
}
