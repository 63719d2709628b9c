using System;

namespace Infisical.Extensions.Configuration;

/// <summary>
/// Infisical settings could not be loaded: the settings file is missing or unreadable, or the live source could
/// not log in or fetch. The message names what to fix; it never holds a secret value or a credential.
/// </summary>
public class InfisicalConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InfisicalConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The settings file is encrypted (built with <c>InfisicalMode=encrypt</c>) and this runtime cannot open it.
/// </summary>
public sealed class InfisicalSettingsEncryptedException : InfisicalConfigurationException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public InfisicalSettingsEncryptedException(string path)
        : base($"The settings file '{path}' is encrypted; this version of Infisical.Extensions.Configuration cannot decrypt it. "
               + "Use a version with decryption support, or build in pull mode (InfisicalMode=pull).")
    {
        Path = path;
    }

    /// <summary>The file that was found.</summary>
    public string Path { get; }
}
