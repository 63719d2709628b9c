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

    /// <summary>InfisicalDotEnvDialect, validated here for the same reason.</summary>
    public string? DotEnvDialect { get; set; }

    /// <summary>InfisicalMode and its key, checked here so a wrong mode fails before anything is fetched.</summary>
    public string? Mode { get; set; }

    public string? KmsKeyId { get; set; }

    public string? KmsKeyName { get; set; }

    [Output]
    public string ResolvedEnvironment { get; private set; } = string.Empty;

    /// <inheritdoc />
    protected override bool Run()
    {
        RejectCredentialGlobalProperties();
        var formats = OutputFormats.Parse(OutputFormat);
        DotEnvDialects.Parse(DotEnvDialect);
        Core.Encryption.EncryptModeSettings.Parse(Mode, KmsKeyId, KmsKeyName, formats);
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

    // Read from the engine, never from $(...): MSBuild logs every environment-derived property a project reads.
    private void RejectCredentialGlobalProperties()
    {
        if (BuildEngine is not IBuildEngine6 engine)
        {
            return;
        }

        foreach (var name in engine.GetGlobalProperties().Keys)
        {
            if (System.Array.Exists(CredentialVariables, v => string.Equals(v, name, System.StringComparison.OrdinalIgnoreCase)))
            {
                throw new InfisicalBuildException(
                    InfisicalBuildErrors.CredentialProperty,
                    $"Infisical credentials must not be passed as MSBuild properties ({name}): properties land in logs, binlogs and project files. Remove -p:{name} and set the environment variable {name.ToUpperInvariant()} instead.");
            }
        }
    }

    private static readonly string[] CredentialVariables =
    {
        "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET", "INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", "INFISICAL_TOKEN", "INFISICAL_UNIVERSAL_AUTH_ACCESS_TOKEN",
        "INFISICAL_JWT", "INFISICAL_LDAP_PASSWORD", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    };
}
