using System;

namespace Infisical.Build.Core.Encryption;

/// <summary>
/// InfisicalMode and its KMS key: <c>pull</c> (the default) writes plaintext settings; <c>encrypt</c> writes only an
/// encrypted envelope (docs/encrypted-settings.md). .env output is refused in encrypt mode: a .env file has no
/// standard reader that could decrypt it, so it could only ever hold plaintext.
/// </summary>
internal sealed class EncryptModeSettings
{
    private EncryptModeSettings(bool encrypt, string? keyId, string? keyName)
    {
        Encrypt = encrypt;
        KeyId = keyId;
        KeyName = keyName;
    }

    public bool Encrypt { get; }

    /// <summary>InfisicalKmsKeyId, when given.</summary>
    public string? KeyId { get; }

    /// <summary>InfisicalKmsKeyName, when given (resolved to an id once per write).</summary>
    public string? KeyName { get; }

    public static EncryptModeSettings Parse(string? mode, string? keyId, string? keyName, OutputFormats? formats)
    {
        var value = string.IsNullOrWhiteSpace(mode) ? "pull" : mode!.Trim().ToLowerInvariant();
        if (value == "pull")
        {
            return new EncryptModeSettings(false, null, null);
        }

        if (value != "encrypt")
        {
            throw new InfisicalBuildException(InfisicalBuildErrors.InvalidMode, $"InfisicalMode '{mode!.Trim()}' is not supported. Use 'pull' (the default) or 'encrypt'.");
        }

        var id = Blank(keyId);
        var name = Blank(keyName);
        if (id == null && name == null)
        {
            throw new InfisicalBuildException(InfisicalBuildErrors.KmsKeyMissing, "InfisicalMode=encrypt needs the KMS key that wraps the settings: set InfisicalKmsKeyId or InfisicalKmsKeyName.");
        }

        if (id != null && name != null)
        {
            throw new InfisicalBuildException(InfisicalBuildErrors.KmsKeyAmbiguous, "Set only one of InfisicalKmsKeyId and InfisicalKmsKeyName.");
        }

        if (formats?.DotEnv == true)
        {
            throw new InfisicalBuildException(InfisicalBuildErrors.DotEnvInEncryptMode, "InfisicalMode=encrypt writes no .env file (it would hold plaintext). Set InfisicalOutputFormat=json.");
        }

        return new EncryptModeSettings(true, id, name);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
