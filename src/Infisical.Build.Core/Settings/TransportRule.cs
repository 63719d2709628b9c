using System;
using System.Net;

namespace Infisical.Build.Core.Settings;

/// <summary>
/// Credentials go only over https, or over plain http to this machine (the local server, a port-forward):
/// anything else is refused before a byte is sent, unless InfisicalAllowInsecureHttp=true says the user means it.
/// </summary>
internal static class TransportRule
{
    public static void Check(string host, string origin, bool allowInsecureHttp)
    {
        var uri = new Uri(host);
        if (uri.Scheme == Uri.UriSchemeHttps || allowInsecureHttp || IsLoopback(uri))
        {
            return;
        }

        throw new InfisicalBuildException(
            InfisicalBuildErrors.InsecureHost,
            $"The Infisical host {host} (from {origin}) uses plain http to another machine, which would send the credentials and secrets in clear. Use https, or set InfisicalAllowInsecureHttp=true if the network path is trusted.");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
