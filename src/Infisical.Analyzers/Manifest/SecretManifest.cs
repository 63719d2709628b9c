using System.Collections.Generic;
using System.Collections.Immutable;

namespace Infisical.Analyzers.Manifest;

/// <summary>
/// One place names were read from: a project, an environment and a folder of one Infisical host
/// (schema version 2 lists several; version 1 describes one at the top level).
/// </summary>
internal sealed class ManifestSource
{
    public ManifestSource(string? host, string? projectSlug, string? projectId, string? environment, string secretPath)
    {
        Host = host;
        ProjectSlug = projectSlug;
        ProjectId = projectId;
        Project = !string.IsNullOrEmpty(projectSlug) ? projectSlug! : !string.IsNullOrEmpty(projectId) ? projectId! : "(unknown project)";
        Environment = string.IsNullOrEmpty(environment) ? "(unknown environment)" : environment!;
        SecretPath = secretPath;
    }

    public string? Host { get; }

    /// <summary>Project slug, else project id, else "(unknown project)": what messages show.</summary>
    public string Project { get; }

    public string? ProjectSlug { get; }

    public string? ProjectId { get; }

    public string Environment { get; }

    public string SecretPath { get; }
}

/// <summary>One secret name listed by the manifest (never a value: the manifest holds none).</summary>
internal readonly struct ManifestSecret
{
    public ManifestSecret(string name, string path, ManifestSource source)
    {
        Name = name;
        Path = path;
        Source = source;
    }

    public string Name { get; }

    public string Path { get; }

    /// <summary>The source the build read this name from.</summary>
    public ManifestSource Source { get; }
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

/// <summary>The names manifest the build writes to obj/…/infisical/infisical.manifest.json (docs/diagnostics/manifest.md).</summary>
internal sealed class SecretManifest
{
    /// <summary>The newest schema this analyzer reads; every older one is read too.</summary>
    public const int SupportedSchemaVersion = 2;

    public SecretManifest(ImmutableArray<ManifestSource> sources, ImmutableArray<ManifestSecret> secrets)
    {
        Sources = sources;
        Secrets = secrets;
    }

    /// <summary>At least one source; secrets point into this list.</summary>
    public ImmutableArray<ManifestSource> Sources { get; }

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
