using Microsoft.Build.Framework;

namespace Infisical.Build.Tasks;

/// <summary>
/// The project-level settings, checked before any request: the output format, and InfisicalEnv=auto turned into
/// the environment from .infisical.json's branch mapping (current git branch) or its defaultEnvironment. It runs
/// in each project, before the shared per-source fetch, so that fetch stays keyed by a concrete environment.
/// </summary>
public sealed class ResolveInfisicalSettings : InfisicalTask
{
    [Required]
    public string Environment { get; set; } = string.Empty;

    public string? ProjectConfigFile { get; set; }

    public string? ProjectDirectory { get; set; }

    /// <summary>InfisicalOutputFormat, validated here so a typo fails before anything is fetched.</summary>
    public string? OutputFormat { get; set; }

    [Output]
    public string ResolvedEnvironment { get; private set; } = string.Empty;

    /// <inheritdoc />
    protected override bool Run()
    {
        OutputFormats.Parse(OutputFormat);
        if (!string.Equals(Environment.Trim(), SourceSettings.AutoEnvironment, System.StringComparison.OrdinalIgnoreCase))
        {
            ResolvedEnvironment = Environment;
            return true;
        }

        var config = InfisicalProjectConfig.Load(ProjectConfigFile);
        ResolvedEnvironment = SourceSettings.ResolveAuto(config, ProjectDirectory ?? string.Empty);
        LogLine(MessageImportance.High, $"Infisical: InfisicalEnv=auto chose environment '{ResolvedEnvironment}' from {config.FilePath}.");
        return true;
    }
}
