using System.Collections.Generic;

namespace Infisical.Client.Tests.Support;

/// <summary>Questions tests ask of the server's request log, once the server has finished every request it received.</summary>
public static class RequestLogExtensions
{
    private static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    /// <summary>Requests whose path starts with <paramref name="pathPrefix"/> (and method, when given).</summary>
    public static IReadOnlyList<RequestLogEntry> Matching(this TestControls controls, string pathPrefix, string? method = null) =>
        Settled(controls)
            .Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)
                && (method == null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>
    /// The log once the server has no request in hand. A client call that returned has had all its requests reach
    /// the server, so this holds every one of them, even one logged after the client saw it fail (an aborted
    /// connection is logged when the server's handler ends).
    /// </summary>
    public static IReadOnlyList<RequestLogEntry> Settled(this TestControls controls)
    {
        // Blocking is safe here: completion comes from the server's threads, never from the test's context.
        controls.WhenIdleAsync().WaitAsync(IdleLimit).GetAwaiter().GetResult();
        return controls.Requests;
    }

    /// <summary>How many requests went to <paramref name="pathPrefix"/>.</summary>
    public static int Count(this TestControls controls, string pathPrefix, string? method = null) =>
        controls.Matching(pathPrefix, method).Count;
}
