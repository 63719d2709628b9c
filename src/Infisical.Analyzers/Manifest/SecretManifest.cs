using System.Collections.Generic;
using System.Collections.Immutable;

namespace Infisical.Analyzers.Manifest;

/// <summary>One secret name listed by the manifest (never a value: the manifest holds none).</summary>
internal readonly struct ManifestSecret
{
    public ManifestSecret(string name, string path)
    {
        Name = name;
        Path = path;
    }

    public string Name { get; }

    public string Path { get; }
}

/// <summary>A problem found in a manifest file, as a character range for INF003.</summary>
internal readonly struct ManifestProblem
{
    public ManifestProblem(int start, int length, string message)
    {
        Start = start;
        Length = length;
        Message = message;
    }

    public int Start { get; }

    public int Length { get; }

    public string Message { get; }
}

/// <summary>The names manifest the build writes to obj/…/infisical/infisical.manifest.json.</summary>
internal sealed class SecretManifest
{
    public const int SupportedSchemaVersion = 1;

    public SecretManifest(
        string? projectSlug, string? projectId, string environment, string secretPath, ImmutableArray<ManifestSecret> secrets)
    {
        ProjectSlug = projectSlug;
        ProjectId = projectId;
        Project = !string.IsNullOrEmpty(projectSlug) ? projectSlug! : !string.IsNullOrEmpty(projectId) ? projectId! : "(unknown project)";
        Environment = environment;
        SecretPath = secretPath;
        Secrets = secrets;
    }

    /// <summary>Project slug, else project id, else "(unknown project)".</summary>
    public string Project { get; }

    public string? ProjectSlug { get; }

    public string? ProjectId { get; }

    public string Environment { get; }

    public string SecretPath { get; }

    public ImmutableArray<ManifestSecret> Secrets { get; }
}

/// <summary>The outcome of reading one manifest: a manifest, or the problems that make it unusable.</summary>
internal sealed class ManifestReadResult
{
    public ManifestReadResult(SecretManifest? manifest, ImmutableArray<ManifestProblem> problems)
    {
        Manifest = manifest;
        Problems = problems;
    }

    public SecretManifest? Manifest { get; }

    public ImmutableArray<ManifestProblem> Problems { get; }

    public static ManifestReadResult Failed(List<ManifestProblem> problems) =>
        new(null, problems.ToImmutableArray());
}
