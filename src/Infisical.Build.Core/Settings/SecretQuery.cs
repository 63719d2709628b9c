namespace Infisical.Build.Core.Settings;

/// <summary>What the build asks Infisical for; also the per-build cache key (together with the identity).</summary>
internal sealed class SecretQuery
{
    public SecretQuery(string host, string? projectId, string? projectSlug, string environment, string secretPath, bool recursive, bool includeImports, bool expandSecretReferences)
    {
        Host = host;
        ProjectId = projectId;
        ProjectSlug = projectSlug;
        Environment = environment;
        SecretPath = secretPath;
        Recursive = recursive;
        IncludeImports = includeImports;
        ExpandSecretReferences = expandSecretReferences;
    }

    public string Host { get; }

    /// <summary>The project id; exactly one of this and <see cref="ProjectSlug"/> is set (the task rejects both).</summary>
    public string? ProjectId { get; }

    /// <summary>The project slug, set only when <see cref="ProjectId"/> is not.</summary>
    public string? ProjectSlug { get; }

    public string Environment { get; }

    public string SecretPath { get; }

    public bool Recursive { get; }

    public bool IncludeImports { get; }

    public bool ExpandSecretReferences { get; }

    /// <summary>A key naming everything that changes the answer; the identity part is a one-way fingerprint.</summary>
    public string CacheKey(string identityFingerprint) =>
        string.Join("|", "Infisical.Build.Fetch", Host, ProjectId, ProjectSlug, Environment, SecretPath, Recursive, IncludeImports, ExpandSecretReferences, identityFingerprint);
}
