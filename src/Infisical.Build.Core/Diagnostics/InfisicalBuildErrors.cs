namespace Infisical.Build.Core.Diagnostics;

/// <summary>
/// The coded errors the MSBuild integration reports. Every code is documented in docs/msbuild.md; the text
/// always says what to fix and never carries a secret value or a credential.
/// </summary>
internal static class InfisicalBuildErrors
{
    public const string MissingProject = "INFB001";
    public const string MissingCredentials = "INFB002";
    public const string CredentialProperty = "INFB003"; // raised by the .targets, listed here for completeness
    public const string InvalidOutputFormat = "INFB004";
    public const string InvalidHost = "INFB005";
    public const string AmbiguousProject = "INFB006";
    public const string InvalidSecretPath = "INFB007";
    public const string InvalidProjectConfigFile = "INFB008";
    public const string InvalidSetting = "INFB009";

    public const string AuthenticationFailed = "INFB010";
    public const string AccessDenied = "INFB011";
    public const string NotFound = "INFB012";
    public const string ServerError = "INFB013";
    public const string HostUnreachable = "INFB014";
    public const string Timeout = "INFB015";
    public const string ValueHidden = "INFB016";
    public const string SourceSkipped = "INFB017"; // warning: InfisicalWhenUnavailable=warn
    public const string OfflineFallbackUsed = "INFB018"; // warning: the stored snapshot was used, with its age
    public const string UnexpectedAnswer = "INFB019";

    public const string KeyConflict = "INFB020";
    public const string KeyCaseConflict = "INFB021";
    public const string InvalidConfigurationKey = "INFB022";
    public const string InvalidDotEnvKey = "INFB023";
    public const string UnrepresentableDotEnvValue = "INFB024";
    public const string DuplicateSecretName = "INFB025";
    public const string UnknownDotEnvDialect = "INFB026";
    public const string DuplicateAcrossSources = "INFB027"; // warning unless InfisicalDuplicateSecrets=error
    public const string SecretSkipped = "INFB028"; // warning: InfisicalUnrepresentableSecrets=skip

    public const string WriteFailed = "INFB030";
    public const string StoreUnreadable = "INFB031";

    public const string UnknownEnvironment = "INFB040";
    public const string MissingFolder = "INFB041";
    public const string EmptyFolder = "INFB042"; // warning
    public const string RequiredSecretMissing = "INFB043";
    public const string EnvironmentNotResolved = "INFB044";
    public const string UnknownAuthMethod = "INFB045";
    public const string CiTokenUnavailable = "INFB046";
    public const string InsecureHost = "INFB047";
    public const string RedirectRefused = "INFB048";

    // Encrypt mode (InfisicalMode=encrypt).
    public const string InvalidMode = "INFB050";
    public const string KmsKeyMissing = "INFB051";
    public const string KmsKeyAmbiguous = "INFB052";
    public const string DotEnvInEncryptMode = "INFB053";
    public const string KmsKeyNotFound = "INFB054";
    public const string KmsEncryptFailed = "INFB055";
    public const string SealedEntryUnusable = "INFB056";
    public const string EncryptSourcesDiffer = "INFB057";
    public const string Unexpected = "INFB099";
}

/// <summary>A failure the task reports as one coded MSBuild error (never with a stack trace).</summary>
internal sealed class InfisicalBuildException : System.Exception
{
    public InfisicalBuildException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>The INFB0xx code.</summary>
    public string Code { get; }
}
