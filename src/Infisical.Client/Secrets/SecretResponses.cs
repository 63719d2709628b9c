using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infisical.Client;

/// <summary>
/// The answer of a list. <see cref="Secrets"/> holds the folder's own secrets followed by imported ones merged in:
/// a folder's own secret wins over an imported one with the same key, and among imports the <b>last</b> import
/// wins (the order the server's get-by-name uses). <see cref="Imports"/> keeps the raw import blocks.
/// </summary>
public sealed record ListSecretsResponse
{
    /// <summary>Own secrets, then imported secrets whose keys are not already present.</summary>
    public IReadOnlyList<BaseSecret> Secrets { get; init; } = Array.Empty<BaseSecret>();

    /// <summary>The import blocks exactly as the server sent them (empty when imports were not requested).</summary>
    public IReadOnlyList<SecretImport> Imports { get; init; } = Array.Empty<SecretImport>();
}

/// <summary>One import source in a list answer.</summary>
public sealed record SecretImport
{
    /// <summary>The imported folder.</summary>
    [JsonPropertyName("secretPath")]
    public string? SecretPath { get; init; }

    /// <summary>The imported environment slug.</summary>
    [JsonPropertyName("environment")]
    public string? Environment { get; init; }

    /// <summary>The imported folder's id.</summary>
    [JsonPropertyName("folderId")]
    public string? FolderId { get; init; }

    /// <summary>The imported secrets.</summary>
    [JsonPropertyName("secrets")]
    public IReadOnlyList<BaseSecret> Secrets { get; init; } = Array.Empty<BaseSecret>();
}

/// <summary>
/// The answer of create, update and delete. Exactly one of <see cref="Secret"/> and <see cref="Approval"/> is set:
/// when a change-approval policy covers the folder, the server answers 200 with an approval request instead of
/// applying the change.
/// </summary>
public sealed record SecretMutationResult
{
    /// <summary>The created, updated or deleted secret; null when the change awaits approval.</summary>
    public BaseSecret? Secret { get; init; }

    /// <summary>The approval request opened instead of applying the change; null when it was applied.</summary>
    public SecretApprovalRequest? Approval { get; init; }

    /// <summary>True when the change was not applied but sent for approval.</summary>
    public bool RequiresApproval => Secret == null && Approval != null;
}

/// <summary>A secret change waiting for approval. Only common fields are typed; the rest stays in <see cref="AdditionalData"/>.</summary>
public sealed record SecretApprovalRequest
{
    /// <summary>Request id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Request slug.</summary>
    [JsonPropertyName("slug")]
    public string? Slug { get; init; }

    /// <summary>Status, e.g. <c>open</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The approval policy.</summary>
    [JsonPropertyName("policyId")]
    public string? PolicyId { get; init; }

    /// <summary>The folder the change targets.</summary>
    [JsonPropertyName("folderId")]
    public string? FolderId { get; init; }

    /// <summary>Whether it has been merged.</summary>
    [JsonPropertyName("hasMerged")]
    public bool? HasMerged { get; init; }

    /// <summary>Every other field the server sent (may include the proposed values: do not log it).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }

    /// <summary>Describes the request without its payload.</summary>
    public override string ToString() => $"SecretApprovalRequest {{ Id = {Id}, Status = {Status}, PolicyId = {PolicyId} }}";
}
