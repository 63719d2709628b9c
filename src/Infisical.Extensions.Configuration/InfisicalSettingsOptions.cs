namespace Infisical.Extensions.Configuration;

/// <summary>How <c>AddInfisicalSettings</c> finds and reads the generated settings file.</summary>
public sealed class InfisicalSettingsOptions
{
    /// <summary>The file name Infisical.Build writes by default.</summary>
    public const string DefaultFileName = "appsettings.Infisical.json";

    /// <summary>
    /// The file to read. An absolute path is used as it is; a relative one (the default is
    /// <see cref="DefaultFileName"/>) is looked up next to the app (<c>AppContext.BaseDirectory</c>), then in the
    /// builder's base path (the content root), then in the current directory.
    /// </summary>
    public string Path { get; set; } = DefaultFileName;

    /// <summary>
    /// False (the default): a missing file throws <see cref="InfisicalConfigurationException"/> naming every path
    /// searched. True: a missing file adds no values and is recorded on the source
    /// (<see cref="InfisicalSettingsSource.IsMissing"/>) and traced.
    /// </summary>
    public bool Optional { get; set; }

    /// <summary>Reload when the file changes (as <c>AddJsonFile(..., reloadOnChange: true)</c>).</summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>
    /// Encrypted files only: the Infisical host that opens the file. Null: <c>INFISICAL_API_URL</c>, then
    /// <c>INFISICAL_DOMAIN</c>, else https://app.infisical.com. The file's header must name the same host: a file
    /// never decides where credentials are sent.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>
    /// Encrypted files only: the environment the file must be for (for example "prod"); a file built for another
    /// one is refused with <see cref="Infisical.Client.Envelope.EncryptedSettingsMismatchException"/> before any
    /// request. Null accepts any.
    /// </summary>
    public string? ExpectedEnvironment { get; set; }

    /// <summary>Encrypted files only: how to log in for the KMS decrypt call. Null: from the environment, as the build reads it.</summary>
    public InfisicalAuth? Auth { get; set; }

    /// <summary>Test seam: where environment variables come from.</summary>
    internal System.Func<string, string?> GetEnvironmentVariable { get; set; } = System.Environment.GetEnvironmentVariable;

    internal string ResolveHost() => InfisicalVariables.ResolveHost(Host, GetEnvironmentVariable);
}
