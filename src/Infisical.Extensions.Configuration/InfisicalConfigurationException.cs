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
