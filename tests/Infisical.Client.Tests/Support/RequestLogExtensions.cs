using System.Collections.Generic;

namespace Infisical.Client.Tests.Support;

/// <summary>Questions tests ask of the server's request log.</summary>
public static class RequestLogExtensions
{
    /// <summary>Requests whose path starts with <paramref name="pathPrefix"/> (and method, when given).</summary>
    public static IReadOnlyList<RequestLogEntry> Matching(this TestControls controls, string pathPrefix, string? method = null) =>
        Settled(controls)
            .Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)
                && (method == null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>
    /// The log once it stops growing. The server records a request as its headers go out, so every answer the client
    /// holds is already logged; settling also catches requests still in flight (e.g. a background renewal), which
    /// "nothing else was sent" assertions must see.
    /// </summary>
    public static IReadOnlyList<RequestLogEntry> Settled(this TestControls controls)
    {
        var last = controls.Requests;
        for (var i = 0; i < 20; i++)
        {
            System.Threading.Thread.Sleep(25);
            var now = controls.Requests;
            if (now.Count == last.Count)
            {
                return now;
            }

            last = now;
        }

        return last;
    }

    /// <summary>
    /// The count once it reaches <paramref name="atLeast"/> or after 2 s. The server logs a request when it finishes,
    /// which for a dropped connection can be just after the client already saw the failure.
    /// </summary>
    public static async Task<int> SettledCountAsync(this TestControls controls, string pathPrefix, int atLeast, string? method = null)
    {
        for (var i = 0; i < 40 && controls.Count(pathPrefix, method) < atLeast; i++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(100); // and give an unexpected extra request the chance to show up
        return controls.Count(pathPrefix, method);
    }

    /// <summary>How many requests went to <paramref name="pathPrefix"/>.</summary>
    public static int Count(this TestControls controls, string pathPrefix, string? method = null) =>
        controls.Matching(pathPrefix, method).Count;
}
