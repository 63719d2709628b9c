using System;
using Infisical.Client;

namespace Infisical.Build.Core.Fetching;

/// <summary>
/// Turns the client's exceptions into coded build errors that say what to fix. The server's own words are
/// kept (they name the missing thing); the redactor still scrubs every message before it is logged.
/// </summary>
internal static class ApiFailures
{
    /// <summary>Codes that mean "the server could not be reached or could not answer": offline fallback and InfisicalWhenUnavailable apply.</summary>
    public static bool IsUnavailable(InfisicalBuildException ex) =>
        ex.Code is InfisicalBuildErrors.HostUnreachable or InfisicalBuildErrors.Timeout or InfisicalBuildErrors.ServerError;

    public static InfisicalBuildException FromApiError(InfisicalApiException ex, string stage, SourceSpec source, string credentials)
    {
        var status = (int)ex.StatusCode;
        var serverSays = ex.Messages.Count > 0 ? string.Join("; ", ex.Messages) : ex.Message;
        var detail = $"{source.Host} answered {status} to '{stage}': \"{serverSays}\"" + (ex.ReqId != null ? $" (request {ex.ReqId})" : string.Empty) + ".";

        if (ex.IsUnknownRoute)
        {
            // A wrong base URL answers 404 from no Infisical route: that is the host setting, not the credentials.
            return new InfisicalBuildException(
                InfisicalBuildErrors.InvalidHost,
                $"{source.Host} does not look like an Infisical API: '{stage}' answered 404 from no Infisical route. Set InfisicalHost (or INFISICAL_API_URL) to the server's base URL, such as https://app.infisical.com.");
        }

        if (stage == "log in" && (status is 400 or 401 or 403 or 404 or 422))
        {
            return new InfisicalBuildException(
                InfisicalBuildErrors.AuthenticationFailed,
                $"Infisical rejected the login ({credentials}). {detail} Check the credentials in the environment and the machine identity's auth method settings.");
        }

        if (status == 401 || ex.IsTokenError)
        {
            return new InfisicalBuildException(
                InfisicalBuildErrors.AuthenticationFailed,
                $"Infisical rejected the credentials ({credentials}). {detail} Provide a valid, unexpired token or working login credentials.");
        }

        if (status == 403)
        {
            return new InfisicalBuildException(
                InfisicalBuildErrors.AccessDenied,
                $"The machine identity may not read secrets of {source.Describe()}. {detail} Grant it access in Infisical, or fix the project, environment and path.");
        }

        if (status is 404 or 400)
        {
            return new InfisicalBuildException(
                InfisicalBuildErrors.NotFound,
                $"Infisical could not find {source.Describe()}. {detail} Fix InfisicalProjectId/InfisicalProjectSlug, InfisicalEnv or InfisicalSecretPath (or the InfisicalSource item).");
        }

        if (status is 429 or >= 500)
        {
            return new InfisicalBuildException(
                InfisicalBuildErrors.ServerError,
                $"Infisical could not {stage} for {source.Describe()}. {detail} Try again later; if it persists, check the server.");
        }

        return new InfisicalBuildException(InfisicalBuildErrors.UnexpectedAnswer, $"Infisical gave an unexpected answer to '{stage}'. {detail}");
    }

    public static InfisicalBuildException TimedOut(SourceSpec source, TimeSpan timeout) =>
        new(InfisicalBuildErrors.Timeout,
            $"Infisical at {source.Host} did not answer within {timeout.TotalSeconds:0} s. Check the host and network, or raise InfisicalTimeoutSeconds.");

    public static InfisicalBuildException Unreachable(SourceSpec source, string stage, Exception ex) =>
        new(InfisicalBuildErrors.HostUnreachable,
            $"Could not {stage} at {source.Host}: {ex.Message.TrimEnd('.')}. Check InfisicalHost (or INFISICAL_API_URL / INFISICAL_DOMAIN) and the network, then build again.");
}
