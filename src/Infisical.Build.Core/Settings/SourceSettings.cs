using System;
using System.IO;
using System.Linq;

namespace Infisical.Build.Core.Settings;

/// <summary>
/// The raw strings of one source as MSBuild hands them over (a property or an <c>InfisicalSource</c> item's
/// metadata, empty when unset), turned into a validated <see cref="SourceSpec"/>. Blank values fall back to
/// .infisical.json, then to the documented defaults.
/// </summary>
internal sealed class SourceSettings
{
    /// <summary>The value of InfisicalEnv that opts in to .infisical.json's environment choice.</summary>
    public const string AutoEnvironment = "auto";

    public string? Host { get; set; }

    public string? ProjectId { get; set; }

    public string? ProjectSlug { get; set; }

    public string Environment { get; set; } = string.Empty;

    public string? SecretPath { get; set; }

    public bool Recursive { get; set; }

    public bool IncludeImports { get; set; } = true;

    public bool ExpandSecretReferences { get; set; } = true;

    public string? TagSlugs { get; set; }

    /// <summary>Where the host came from, for the log line that always names it (set by <see cref="Resolve"/>).</summary>
    public string HostOrigin { get; private set; } = string.Empty;

    /// <summary>Validates and normalises; <paramref name="projectDirectory"/> is where a git branch is looked up for <c>auto</c>.</summary>
    public SourceSpec Resolve(InfisicalProjectConfig config, Func<string, string?> getEnvironmentVariable, string projectDirectory)
    {
        var (host, origin) = HostResolver.Resolve(Host, getEnvironmentVariable, config.Domain);
        HostOrigin = origin;
        var projectId = Blank(ProjectId);
        var projectSlug = Blank(ProjectSlug);
        if (projectId != null && projectSlug != null)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.AmbiguousProject,
                "Both a project id and a project slug are set for one Infisical source (InfisicalProjectId / InfisicalProjectSlug, or the ProjectId / ProjectSlug metadata). Set only one of them.");
        }

        if (projectId == null && projectSlug == null)
        {
            projectId = Blank(config.WorkspaceId);
        }

        var environment = ResolveEnvironment(config, projectDirectory);
        if (projectId == null && projectSlug == null)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.MissingProject,
                $"InfisicalEnv is '{environment}' but no Infisical project is named. Set InfisicalProjectId (the project id from Infisical's project settings) or InfisicalProjectSlug, or run 'infisical init' to create .infisical.json.");
        }

        return new SourceSpec(host, projectId, projectSlug, environment, NormalisePath(Blank(SecretPath) ?? config.DefaultSecretPath ?? "/"), Recursive, IncludeImports, ExpandSecretReferences, TagSlugs);
    }

    /// <summary>Applies Infisical's folder rules: absolute, forward slashes, one trailing slash dropped.</summary>
    public static string NormalisePath(string raw)
    {
        var path = raw.Trim();
        if (!path.StartsWith("/", StringComparison.Ordinal) || path.Contains("//") || path.Contains("\\"))
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.InvalidSecretPath,
                $"The Infisical secret path '{path}' is not a folder path. Use an absolute path with forward slashes, such as '/' or '/app/db'.");
        }

        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private string ResolveEnvironment(InfisicalProjectConfig config, string projectDirectory)
    {
        var environment = Environment.Trim();
        if (string.Equals(environment, AutoEnvironment, StringComparison.OrdinalIgnoreCase))
        {
            environment = ResolveAuto(config, projectDirectory);
        }

        if (environment.Length == 0 || environment.Any(char.IsWhiteSpace))
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.InvalidSetting,
                "InfisicalEnv (or an InfisicalSource's Environment) must be an environment slug such as 'dev', 'staging' or 'prod', without spaces.");
        }

        return environment;
    }

    // The CLI's precedence: the branch mapping wins over defaultEnvironment. Unlike the CLI there is no silent 'dev'.
    public static string ResolveAuto(InfisicalProjectConfig config, string projectDirectory)
    {
        if (config.FilePath == null)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.EnvironmentNotResolved,
                "InfisicalEnv=auto takes the environment from .infisical.json, but none was found above the project. Run 'infisical init', or set InfisicalEnv to an environment slug.");
        }

        var branch = GitBranch.Current(projectDirectory);
        if (branch != null && config.BranchEnvironments.TryGetValue(branch, out var mapped))
        {
            return mapped;
        }

        if (config.DefaultEnvironment != null)
        {
            return config.DefaultEnvironment.Trim();
        }

        var where = branch != null ? $"for the current git branch '{branch}'" : "(no git branch could be read)";
        throw new InfisicalBuildException(
            InfisicalBuildErrors.EnvironmentNotResolved,
            $"InfisicalEnv=auto found no environment {where} in '{Path.GetFileName(config.FilePath)}': it has no matching gitBranchToEnvironmentMapping entry and no defaultEnvironment. Add one, or set InfisicalEnv to an environment slug.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
