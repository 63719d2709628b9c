using System;
using System.Net.Http;
using System.Net.Sockets;

namespace Infisical.Client.Http;

/// <summary>Tells failures that happened before a request left the machine from those that may have reached the server.</summary>
internal static class NetworkFailures
{
    /// <summary>True when the connection could not be established, so the server cannot have seen the request.</summary>
    public static bool ProvablyNotSent(HttpRequestException exception)
    {
#if NET8_0_OR_GREATER
        if (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return true;
        }
#endif
        for (Exception? e = exception; e != null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain
                    or SocketError.NoData or SocketError.AddressNotAvailable;
            }
        }

        return false;
    }
}
