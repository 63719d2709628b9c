using System;

namespace Infisical.Client;

/// <summary>Base type of every error the client raises: network failures, timeouts, unreadable answers, API errors.</summary>
public class InfisicalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InfisicalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public InfisicalException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An attempt did not finish within <see cref="InfisicalClientOptions.Timeout"/>.</summary>
public sealed class InfisicalTimeoutException : InfisicalException
{
    /// <summary>Creates the exception.</summary>
    public InfisicalTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
