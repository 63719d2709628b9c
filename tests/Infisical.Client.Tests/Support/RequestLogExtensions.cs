using System;
using System.Collections.Generic;
using System.Linq;
using Infisical.LocalServer;

namespace Infisical.Client.Tests.Support;

/// <summary>Questions tests ask of the server's request log.</summary>
public static class RequestLogExtensions
{
    /// <summary>Requests whose path starts with <paramref name="pathPrefix"/> (and method, when given).</summary>
    public static IReadOnlyList<RequestLogEntry> Matching(this TestControls controls, string pathPrefix, string? method = null) =>
        controls.Requests
            .Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)
                && (method == null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>How many requests went to <paramref name="pathPrefix"/>.</summary>
    public static int Count(this TestControls controls, string pathPrefix, string? method = null) =>
        controls.Matching(pathPrefix, method).Count;
}
