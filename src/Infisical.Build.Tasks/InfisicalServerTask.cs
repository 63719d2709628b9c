using System;
using System.Globalization;
using Infisical.Build.Core.Encryption;

namespace Infisical.Build.Tasks;

/// <summary>
/// A task that talks to Infisical: the login settings (credentials themselves only ever come from the environment),
/// the token cache, the transport rule, the time limit and encrypt mode's key, read the same way by every task.
/// </summary>
public abstract class InfisicalServerTask : InfisicalTask
{
    /// <summary>Upper bound for the whole step, in seconds (a string, so a bad value is a coded error).</summary>
    public string? TimeoutSeconds { get; set; }

    public string? AuthMethod { get; set; }

    public string? IdentityId { get; set; }

    public string? OidcAudience { get; set; }

    public string? AzureResource { get; set; }

    /// <summary>InfisicalTokenCache: false keeps access tokens in memory only (a login per build).</summary>
    public string? TokenCache { get; set; }

    public string? TokenCacheDirectory { get; set; }

    public string? AllowInsecureHttp { get; set; }

    /// <summary>InfisicalMode: <c>pull</c> (the default) or <c>encrypt</c>.</summary>
    public string? Mode { get; set; }

    public string? KmsKeyId { get; set; }

    public string? KmsKeyName { get; set; }

    internal bool InsecureHttpAllowed => RefreshPolicy.ParseBool(AllowInsecureHttp, "InfisicalAllowInsecureHttp");

    /// <summary>The encrypt-mode settings; <paramref name="formats"/> null skips the output-format check.</summary>
    internal EncryptModeSettings EncryptMode(OutputFormats? formats) => EncryptModeSettings.Parse(Mode, KmsKeyId, KmsKeyName, formats);

    internal CredentialResolver Credentials() =>
        new(GetEnvironmentVariable) { AuthMethod = AuthMethod, IdentityId = IdentityId, OidcAudience = OidcAudience, AzureResource = AzureResource };

    internal TokenCache Tokens() => new(Blank(TokenCache) == null || RefreshPolicy.ParseBool(TokenCache, "InfisicalTokenCache")
        ? Blank(TokenCacheDirectory) ?? Core.Credentials.TokenCache.DefaultDirectory(GetEnvironmentVariable)
        : null);

    internal TimeSpan ParseTimeout()
    {
        var raw = Blank(TimeoutSeconds) ?? "60";
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
        {
            throw new InfisicalBuildException(InfisicalBuildErrors.InvalidSetting, $"InfisicalTimeoutSeconds '{raw}' must be a whole number of seconds, 1 or more.");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
