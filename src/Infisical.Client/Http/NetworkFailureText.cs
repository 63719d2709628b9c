using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Http;

/// <summary>
/// Turns the platform's HttpRequestException chain into a kind and a sentence naming the cause. The outer messages
/// ("An error occurred while sending the request", "... see inner exception") say nothing a reader can act on; the
/// useful part (reset, certificate reason, cut-off answer) sits further down the chain.
/// </summary>
internal static class NetworkFailureText
{
    public static InfisicalNetworkException ToException(HttpRequestException e, string host, InfisicalRequest request)
    {
        var (failure, cause) = Describe(e);
        return new InfisicalNetworkException(
            $"Could not reach Infisical at {host} for {request.Method} {request.Path}: {cause}.", failure, e);
    }

    public static (InfisicalNetworkFailure Failure, string Cause) Describe(HttpRequestException exception)
    {
        for (Exception? e = exception; e != null; e = e.InnerException)
        {
            if (e is AuthenticationException tls)
            {
                return (InfisicalNetworkFailure.Tls, "the TLS handshake failed: " + Chain(tls));
            }
        }

        for (Exception? e = exception; e != null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                switch (socket.SocketErrorCode)
                {
                    case SocketError.ConnectionReset:
                    case SocketError.ConnectionAborted:
                        return (InfisicalNetworkFailure.ConnectionReset, "the connection was reset by the server or a proxy");
                    case SocketError.HostNotFound:
                    case SocketError.TryAgain:
                    case SocketError.NoData:
                        return (InfisicalNetworkFailure.NameResolution, "the host name could not be resolved (" + socket.Message + ")");
                    case SocketError.ConnectionRefused:
                    case SocketError.HostUnreachable:
                    case SocketError.NetworkUnreachable:
                    case SocketError.AddressNotAvailable:
                        return (InfisicalNetworkFailure.ConnectionRefused, "nothing accepted the connection (" + socket.Message + ")");
                }
            }
        }

#if NET8_0_OR_GREATER
        var error = exception.HttpRequestError;
        for (Exception? e = exception.InnerException; error == HttpRequestError.Unknown && e != null; e = e.InnerException)
        {
            if (e is HttpIOException io)
            {
                error = io.HttpRequestError;
            }
        }

        switch (error)
        {
            case HttpRequestError.NameResolutionError:
                return (InfisicalNetworkFailure.NameResolution, "the host name could not be resolved");
            case HttpRequestError.ConnectionError:
                return (InfisicalNetworkFailure.ConnectionRefused, "nothing accepted the connection: " + Chain(exception));
            case HttpRequestError.SecureConnectionError:
                return (InfisicalNetworkFailure.Tls, "the TLS handshake failed: " + Chain(exception));
            case HttpRequestError.ResponseEnded:
                return (InfisicalNetworkFailure.ResponseCutOff, CutOff);
        }
#endif

        for (Exception? e = exception; e != null; e = e.InnerException)
        {
            // netstandard2.0 has no HttpRequestError; the handler's wording is the only signal there.
            if (e is IOException && e.Message.IndexOf("prematurely", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return (InfisicalNetworkFailure.ResponseCutOff, CutOff);
            }
        }

        return (InfisicalNetworkFailure.Other, Chain(exception));
    }

    private const string CutOff = "the answer was cut off (the connection closed before all of it arrived)";

    /// <summary>The messages along the chain that say something, outermost first, joined.</summary>
    private static string Chain(Exception exception)
    {
        var parts = new List<string>();
        for (Exception? e = exception; e != null; e = e.InnerException)
        {
            var text = e.Message.Trim().TrimEnd('.');
            if (text.Length == 0 || IsFiller(text) || parts.Contains(text))
            {
                continue;
            }

            parts.Add(text);
        }

        return parts.Count == 0 ? exception.GetType().Name : string.Join(": ", parts);
    }

    private static bool IsFiller(string text) =>
        text.IndexOf("see inner exception", StringComparison.OrdinalIgnoreCase) >= 0
        || text.IndexOf("An error occurred while sending the request", StringComparison.OrdinalIgnoreCase) >= 0;
}
