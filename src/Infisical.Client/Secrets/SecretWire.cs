using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Infisical.Client.Secrets;

/// <summary>Wire shape of a list answer; the converters refuse secrets without values (see <see cref="SecretShapeChecks"/>).</summary>
internal sealed class ListSecretsWire
{
    [JsonPropertyName("secrets")]
    [JsonConverter(typeof(CheckedSecretListConverter))]
    public List<BaseSecret>? Secrets { get; set; }

    [JsonPropertyName("imports")]
    [JsonConverter(typeof(CheckedImportListConverter))]
    public List<SecretImport>? Imports { get; set; }
}

/// <summary>Wire shape of a get answer: <c>{secret}</c>, whose value must be present.</summary>
internal sealed class SecretReadWire
{
    [JsonPropertyName("secret")]
    [JsonConverter(typeof(CheckedSecretConverter))]
    public BaseSecret? Secret { get; set; }
}

/// <summary>Wire shape of get, create, update and delete answers: <c>{secret}</c> or <c>{approval}</c>.</summary>
internal sealed class SecretEnvelopeWire
{
    [JsonPropertyName("secret")]
    public BaseSecret? Secret { get; set; }

    [JsonPropertyName("approval")]
    public SecretApprovalRequest? Approval { get; set; }
}

/// <summary>Body of create, update and delete on the v3 raw routes. Null members are not sent.</summary>
internal sealed class SecretWriteBody
{
    [JsonPropertyName("workspaceId")]
    public string? WorkspaceId { get; set; }

    [JsonPropertyName("projectSlug")]
    public string? ProjectSlug { get; set; }

    [JsonPropertyName("environment")]
    public string? Environment { get; set; }

    [JsonPropertyName("secretPath")]
    public string? SecretPath { get; set; }

    [JsonPropertyName("secretValue")]
    public string? SecretValue { get; set; }

    [JsonPropertyName("newSecretName")]
    public string? NewSecretName { get; set; }

    [JsonPropertyName("secretComment")]
    public string? SecretComment { get; set; }

    [JsonPropertyName("skipMultilineEncoding")]
    public bool? SkipMultilineEncoding { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("secretReminderRepeatDays")]
    public double? SecretReminderRepeatDays { get; set; }

    [JsonPropertyName("secretReminderNote")]
    public string? SecretReminderNote { get; set; }

    [JsonPropertyName("secretMetadata")]
    public IReadOnlyList<SecretMetadataEntry>? SecretMetadata { get; set; }

    [JsonPropertyName("tagIds")]
    public IReadOnlyList<string>? TagIds { get; set; }
}
