using System;
using System.Net;

namespace Infisical.Client.Http;

/// <summary>
/// Decides whether a request may leave with credentials. Every request this client sends carries one (a login body,
/// a bearer token, a token in a renew/revoke body), so the rule applies to all of them: https anywhere, plain http
/// only to this machine, unless the caller explicitly accepted the risk.
/// </summary>
internal static class TransportGuard
{
    /// <summary>Throws <see cref="InfisicalInsecureTransportException"/> for plain http to a non-loopback host.</summary>
    public static void EnsureAllowed(Uri target, bool allowInsecureHttp)
    {
        if (allowInsecureHttp || target.Scheme == Uri.UriSchemeHttps || IsLoopback(target))
        {
            return;
        }

        var origin = Origin(target);
        throw new InfisicalInsecureTransportException(
            $"Refusing to send Infisical credentials over plain http to {origin}: anyone on the network path (or an "
            + "HTTP proxy) could read them. Use https, or set InfisicalClientOptions.AllowInsecureHttp = true to accept the risk.",
            origin);
    }

    /// <summary>127.0.0.0/8, ::1 (also IPv4-mapped), and the name <c>localhost</c>.</summary>
    public static bool IsLoopback(Uri target)
    {
        if (string.Equals(target.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Uri.Host keeps IPv6 brackets; DnsSafeHost drops them (and any scope id).
        if (!IPAddress.TryParse(target.DnsSafeHost, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address);
    }

    /// <summary>scheme://host:port, always with the port, so "same origin" is a plain string comparison.</summary>
    public static string Origin(Uri uri) => uri.Scheme + "://" + uri.Host + ":" + uri.Port;
}
