using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Infisical.Client.Kms;

/// <summary>Source-generated JSON for the KMS routes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(KeyEnvelope))]
[JsonSerializable(typeof(ListKmsKeysResponse))]
[JsonSerializable(typeof(CreateKeyBody))]
[JsonSerializable(typeof(UpdateKeyBody))]
[JsonSerializable(typeof(EmptyBody))]
[JsonSerializable(typeof(EncryptBody))]
[JsonSerializable(typeof(CiphertextEnvelope))]
[JsonSerializable(typeof(DecryptBody))]
[JsonSerializable(typeof(PlaintextEnvelope))]
[JsonSerializable(typeof(SignBody))]
[JsonSerializable(typeof(VerifyBody))]
[JsonSerializable(typeof(KmsSignature))]
[JsonSerializable(typeof(KmsSignatureVerification))]
[JsonSerializable(typeof(PublicKeyEnvelope))]
[JsonSerializable(typeof(SigningAlgorithmsEnvelope))]
internal sealed partial class KmsJsonContext : JsonSerializerContext
{
}

internal sealed class KeyEnvelope
{
    [JsonPropertyName("key")]
    public KmsKey? Key { get; set; }
}

internal sealed class CreateKeyBody
{
    [JsonPropertyName("projectId")]
    public string ProjectId { get; set; } = string.Empty;

    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("keyUsage")]
    public string KeyUsage { get; set; } = string.Empty;

    [JsonPropertyName("encryptionAlgorithm")]
    public string EncryptionAlgorithm { get; set; } = string.Empty;
}

internal sealed class UpdateKeyBody
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("isDisabled")]
    public bool? IsDisabled { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

/// <summary>DELETE carries <c>{}</c>, as the Python SDK sends.</summary>
internal sealed class EmptyBody
{
}

internal sealed class EncryptBody
{
    [JsonPropertyName("plaintext")]
    public string Plaintext { get; set; } = string.Empty;
}

internal sealed class CiphertextEnvelope
{
    [JsonPropertyName("ciphertext")]
    public string? Ciphertext { get; set; }
}

internal sealed class DecryptBody
{
    [JsonPropertyName("ciphertext")]
    public string Ciphertext { get; set; } = string.Empty;
}

internal sealed class PlaintextEnvelope
{
    [JsonPropertyName("plaintext")]
    public string? Plaintext { get; set; }
}

internal sealed class SignBody
{
    [JsonPropertyName("signingAlgorithm")]
    public string SigningAlgorithm { get; set; } = string.Empty;

    [JsonPropertyName("data")]
    public string Data { get; set; } = string.Empty;

    [JsonPropertyName("isDigest")]
    public bool IsDigest { get; set; }
}

internal sealed class VerifyBody
{
    [JsonPropertyName("signingAlgorithm")]
    public string SigningAlgorithm { get; set; } = string.Empty;

    [JsonPropertyName("data")]
    public string Data { get; set; } = string.Empty;

    [JsonPropertyName("signature")]
    public string Signature { get; set; } = string.Empty;

    [JsonPropertyName("isDigest")]
    public bool IsDigest { get; set; }
}

internal sealed class PublicKeyEnvelope
{
    [JsonPropertyName("publicKey")]
    public string? PublicKey { get; set; }
}

internal sealed class SigningAlgorithmsEnvelope
{
    [JsonPropertyName("signingAlgorithms")]
    public List<string>? SigningAlgorithms { get; set; }
}
