using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Infisical.Client;

/// <summary>
/// A secret as the server returns it (docs/infisical-api-notes.md, "Secrets"). Every field is optional because server generations and routes
/// send different subsets (imported secrets lack timestamps; 2024 servers send no timestamps at all).
/// <see cref="ToString"/> never includes the value.
/// </summary>
public sealed record BaseSecret
{
    /// <summary>The secret's id (same as <see cref="LegacyId"/>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The legacy <c>_id</c> field.</summary>
    [JsonPropertyName("_id")]
    public string? LegacyId { get; init; }

    /// <summary>The project id (the API calls it <c>workspace</c>).</summary>
    [JsonPropertyName("workspace")]
    public string? Workspace { get; init; }

    /// <summary>The environment slug; for an imported secret, the environment it was imported from.</summary>
    [JsonPropertyName("environment")]
    public string? Environment { get; init; }

    /// <summary>Version number, starting at 1.</summary>
    [JsonPropertyName("version")]
    public int? Version { get; init; }

    /// <summary><c>shared</c> or <c>personal</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The secret's name.</summary>
    [JsonPropertyName("secretKey")]
    public string SecretKey { get; init; } = string.Empty;

    /// <summary>The value; <c>&lt;hidden-by-infisical&gt;</c> when <see cref="SecretValueHidden"/> is true.</summary>
    [JsonPropertyName("secretValue")]
    public string SecretValue { get; init; } = string.Empty;

    /// <summary>The comment.</summary>
    [JsonPropertyName("secretComment")]
    public string? SecretComment { get; init; }

    /// <summary>Reminder note.</summary>
    [JsonPropertyName("secretReminderNote")]
    public string? SecretReminderNote { get; init; }

    /// <summary>Reminder interval in days.</summary>
    [JsonPropertyName("secretReminderRepeatDays")]
    public double? SecretReminderRepeatDays { get; init; }

    /// <summary>Whether multiline encoding is skipped.</summary>
    [JsonPropertyName("skipMultilineEncoding")]
    public bool? SkipMultilineEncoding { get; init; }

    /// <summary>Creation time (absent on imported secrets and on 2024 servers).</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Last update time (absent on imported secrets and on 2024 servers).</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Who last changed the secret.</summary>
    [JsonPropertyName("actor")]
    public SecretActor? Actor { get; init; }

    /// <summary>Whether the secret is managed by a rotation.</summary>
    [JsonPropertyName("isRotatedSecret")]
    public bool? IsRotatedSecret { get; init; }

    /// <summary>The rotation managing the secret.</summary>
    [JsonPropertyName("rotationId")]
    public string? RotationId { get; init; }

    /// <summary>The folder the secret lives in (list and get answers; for imports, the source folder).</summary>
    [JsonPropertyName("secretPath")]
    public string? SecretPath { get; init; }

    /// <summary>True when the server masked the value.</summary>
    [JsonPropertyName("secretValueHidden")]
    public bool? SecretValueHidden { get; init; }

    /// <summary>Key/value metadata.</summary>
    [JsonPropertyName("secretMetadata")]
    public IReadOnlyList<SecretMetadataEntry>? SecretMetadata { get; init; }

    /// <summary>Tags.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<SecretTag>? Tags { get; init; }

    /// <summary>Names the secret without its value, so records can be logged safely.</summary>
    public override string ToString() =>
        $"BaseSecret {{ SecretKey = {SecretKey}, Environment = {Environment}, SecretPath = {SecretPath}, Version = {Version}, SecretValue = *** }}";
}

/// <summary>Who changed a secret.</summary>
public sealed record SecretActor
{
    /// <summary>Actor id.</summary>
    [JsonPropertyName("actorId")]
    public string? ActorId { get; init; }

    /// <summary><c>user</c>, <c>identity</c>, ...</summary>
    [JsonPropertyName("actorType")]
    public string? ActorType { get; init; }

    /// <summary>Display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Membership id.</summary>
    [JsonPropertyName("membershipId")]
    public string? MembershipId { get; init; }

    /// <summary>Group id.</summary>
    [JsonPropertyName("groupId")]
    public string? GroupId { get; init; }
}

/// <summary>One metadata entry of a secret.</summary>
public sealed record SecretMetadataEntry
{
    /// <summary>Key (1–255 characters).</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = string.Empty;

    /// <summary>Value.</summary>
    [JsonPropertyName("value")]
    public string Value { get; init; } = string.Empty;

    /// <summary>Whether the server stores the value encrypted.</summary>
    [JsonPropertyName("isEncrypted")]
    public bool? IsEncrypted { get; init; }
}

/// <summary>A tag attached to a secret.</summary>
public sealed record SecretTag
{
    /// <summary>Tag id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Tag slug.</summary>
    [JsonPropertyName("slug")]
    public string? Slug { get; init; }

    /// <summary>Tag name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Colour, e.g. <c>#ff0000</c>.</summary>
    [JsonPropertyName("color")]
    public string? Color { get; init; }
}
