using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Infisical.LocalServer;

/// <summary>A project (workspace) with its environments, tags, imports and approval policies.</summary>
internal sealed class Project
{
    /// <summary>Project id (UUID).</summary>
    public required string Id { get; init; }

    /// <summary>Project slug.</summary>
    public required string Slug { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>The seed object as written (other modules read their own sections, e.g. <c>"kmsKeys"</c>).</summary>
    public JsonElement Raw { get; init; }

    /// <summary>Environments in creation order.</summary>
    public List<ProjectEnvironment> Environments { get; } = new();

    /// <summary>Tags.</summary>
    public List<SecretTag> Tags { get; } = new();

    /// <summary>Secret imports in creation order.</summary>
    public List<SecretImport> Imports { get; } = new();

    /// <summary>Change-approval policies: writes under them answer <c>{approval}</c> and are not applied.</summary>
    public List<ApprovalPolicy> ApprovalPolicies { get; } = new();

    /// <summary>Finds an environment by slug.</summary>
    public ProjectEnvironment? FindEnvironment(string? slug) => Environments.FirstOrDefault(e => e.Slug == slug);

    /// <summary>Reads a section of the seed object.</summary>
    public bool TryGetSeedSection(string name, out JsonElement section)
    {
        if (Raw.ValueKind == JsonValueKind.Object && Raw.TryGetProperty(name, out section) && section.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        section = default;
        return false;
    }
}

/// <summary>An environment with its folder tree (keyed by normalised path; "/" always exists).</summary>
internal sealed class ProjectEnvironment
{
    /// <summary>Environment id.</summary>
    public required string Id { get; init; }

    /// <summary>Slug, e.g. <c>dev</c>.</summary>
    public required string Slug { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>Position in the project.</summary>
    public int Position { get; set; }

    /// <summary>Folders by path, e.g. "/", "/app", "/app/db".</summary>
    public Dictionary<string, Folder> Folders { get; } = new(StringComparer.Ordinal);
}

/// <summary>A folder and the secrets directly in it.</summary>
internal sealed class Folder
{
    /// <summary>Folder id.</summary>
    public required string Id { get; init; }

    /// <summary>Name ("root" for "/").</summary>
    public required string Name { get; set; }

    /// <summary>Full path.</summary>
    public required string Path { get; set; }

    /// <summary>Parent folder id; null for the root.</summary>
    public string? ParentId { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Secrets in insertion order.</summary>
    public List<SecretRecord> Secrets { get; } = new();
}

/// <summary>A project tag.</summary>
internal sealed record SecretTag(string Id, string Slug, string Name, string? Color);

/// <summary>Secrets of (FromEnvironment, FromPath) imported into (Environment, Path).</summary>
internal sealed record SecretImport(string Id, string Environment, string Path, string FromEnvironment, string FromPath, DateTimeOffset CreatedAt);

/// <summary>A change-approval policy covering an environment and a path (exact, or a prefix when ending in "/**" or "*").</summary>
internal sealed record ApprovalPolicy(string Id, string Name, string Environment, string SecretPath)
{
    /// <summary>A new policy; a path ending in <c>*</c> is a prefix pattern and is kept as written, others are normalised.</summary>
    public static ApprovalPolicy Create(string name, string environment, string secretPath) =>
        new(ServerState.NewId(), name, environment, secretPath.EndsWith('*') ? secretPath : SecretPaths.Normalize(secretPath));

    /// <summary>Whether the policy covers a folder.</summary>
    public bool Covers(string environment, string path)
    {
        if (environment != Environment)
        {
            return false;
        }

        if (SecretPath.EndsWith('*'))
        {
            return path.StartsWith(SecretPath.TrimEnd('*').TrimEnd('/'), StringComparison.Ordinal);
        }

        return SecretPath == path;
    }
}
