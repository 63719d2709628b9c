using System;
using System.Net;
using System.Net.Http;

namespace Infisical.Client.Http;

/// <summary>
/// Redirects are followed by this client's own code, never by the handler: a redirect to another origin (scheme,
/// host or port) would carry the bearer token or, for 307/308, the login body with its secret to a place the caller
/// never named. Only same-origin redirects are followed, a bounded number of times.
/// </summary>
internal static class RedirectPolicy
{
    /// <summary>More hops than this on one origin is a loop, not a move.</summary>
    public const int MaxHops = 5;

    public static bool IsRedirect(HttpResponseMessage response) =>
        (int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location != null;

    /// <summary>307 and 308 promise the same method and body; 301/302/303 are followed as a GET without body (as browsers do).</summary>
    public static bool KeepsMethodAndBody(HttpStatusCode status) => (int)status is 307 or 308;

    /// <summary>The absolute target of a same-origin redirect; throws for another origin or too many hops.</summary>
    public static Uri NextTarget(HttpResponseMessage response, Uri current, int hop)
    {
        var location = response.Headers.Location!;
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        var from = TransportGuard.Origin(current);
        var to = next.Scheme is "http" or "https" ? TransportGuard.Origin(next) : next.Scheme + ":";
        if (!string.Equals(from, to, StringComparison.OrdinalIgnoreCase))
        {
            throw new InfisicalRedirectException(
                $"Infisical at {from} answered {(int)response.StatusCode} redirecting to another origin, {to}; credentials are "
                + "never sent to another origin. Set the host to the address the server really answers on.",
                response.StatusCode,
                to);
        }

        if (hop + 1 >= MaxHops)
        {
            throw new InfisicalRedirectException(
                $"Infisical at {from} redirected more than {MaxHops} times within the same origin; stopping (a redirect loop?).",
                response.StatusCode,
                to);
        }

        return next;
    }

    /// <summary>
    /// For a caller's HttpClient, whose handler may follow redirects before we see them: fails when the answer came
    /// from another origin than the one we asked. The credentials have already gone there; this only stops the
    /// client from using the answer and tells the caller (see docs/client.md).
    /// </summary>
    public static void EnsureNotMoved(HttpResponseMessage response, Uri sent)
    {
        var answered = response.RequestMessage?.RequestUri;
        if (answered == null || !answered.IsAbsoluteUri)
        {
            return;
        }

        var from = TransportGuard.Origin(sent);
        var to = TransportGuard.Origin(answered);
        if (!string.Equals(from, to, StringComparison.OrdinalIgnoreCase))
        {
            throw new InfisicalRedirectException(
                $"The HttpClient given to the Infisical client followed a redirect from {from} to another origin, {to}. "
                + "Disable automatic redirects on that handler (AllowAutoRedirect = false) and set the host to the address the server really answers on.",
                0,
                to);
        }
    }
}
