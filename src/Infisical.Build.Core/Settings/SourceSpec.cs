using System;
using System.Text;

namespace Infisical.Build.Core.Settings;

/// <summary>
/// One folder of one Infisical project and environment, as the build reads it: the default source (the
/// Infisical* properties) or an <c>InfisicalSource</c> item. Everything that changes the server's answer is
/// here, so <see cref="Key"/> names a snapshot in the store and a shared fetch within a build.
/// </summary>
internal sealed class SourceSpec
{
    public SourceSpec(
        string host, string? projectId, string? projectSlug, string environment, string secretPath,
        bool recursive, bool includeImports, bool expandSecretReferences, string? tagSlugs)
    {
        Host = host;
        ProjectId = projectId;
        ProjectSlug = projectSlug;
        Environment = environment;
        SecretPath = secretPath;
        Recursive = recursive;
        IncludeImports = includeImports;
        ExpandSecretReferences = expandSecretReferences;
        TagSlugs = string.IsNullOrWhiteSpace(tagSlugs) ? null : tagSlugs!.Trim();
    }

    private string? _key;

    public string Host { get; }

    /// <summary>The project id; exactly one of this and <see cref="ProjectSlug"/> is set.</summary>
    public string? ProjectId { get; }

    /// <summary>The project slug, set only when <see cref="ProjectId"/> is not.</summary>
    public string? ProjectSlug { get; }

    public string Environment { get; }

    public string SecretPath { get; }

    public bool Recursive { get; }

    public bool IncludeImports { get; }

    public bool ExpandSecretReferences { get; }

    /// <summary>Comma-separated tag slugs to filter by, or null.</summary>
    public string? TagSlugs { get; }

    /// <summary>"project id 'x'" or "project slug 'y'", for messages.</summary>
    public string ProjectDescription => ProjectId != null ? $"project id '{ProjectId}'" : $"project slug '{ProjectSlug}'";

    /// <summary>Names the source in messages: project, environment and path (never anything secret).</summary>
    public string Describe() => $"{ProjectDescription}, environment '{Environment}', path '{SecretPath}'";

    /// <summary>A short stable name for the snapshot file and the per-build fetch (a hash of every field).</summary>
    /// <remarks>Computed once: every field is read-only, and the store, the merge and encrypt mode's state all ask for it.</remarks>
    public string Key => _key ??= ComputeKey();

    private string ComputeKey()
    {
        var canonical = string.Join("\n", Host, ProjectId, ProjectSlug, Environment, SecretPath, Recursive, IncludeImports, ExpandSecretReferences, TagSlugs);

        // The first 12 bytes of the SHA-256, as lowercase hex.
        return Infisical.Client.Envelope.EncryptedSettingsEnvelope.Digest(Encoding.UTF8.GetBytes(canonical)).Substring(0, 24);
    }

    public bool SameAs(SourceSpec other) => string.Equals(Key, other.Key, StringComparison.Ordinal);
}
