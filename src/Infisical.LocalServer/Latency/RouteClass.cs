using System;

namespace Infisical.LocalServer;

/// <summary>Which latency a request pays (see <see cref="LatencyProfile"/>).</summary>
internal enum RouteClass
{
    None,
    Login,
    List,
    Get,
    Other,
}

/// <summary>Sorts a request into its <see cref="RouteClass"/> by method and path alone (no routing needed).</summary>
internal static class RouteClassifier
{
    public static RouteClass Classify(string method, string path)
    {
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return RouteClass.None;
        }

        var read = method is "GET" or "HEAD";
        if (!read)
        {
            return path.StartsWith("/api/v1/auth/", StringComparison.OrdinalIgnoreCase) ? RouteClass.Login : RouteClass.Other;
        }

        var trimmed = path.TrimEnd('/');
        if (IsOneOf(trimmed, "/api/v3/secrets/raw", "/api/v4/secrets", "/api/v1/folders", "/api/v2/folders", "/api/v1/secret-imports", "/api/v2/secret-imports"))
        {
            return RouteClass.List;
        }

        return trimmed.StartsWith("/api/v3/secrets/raw/", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("/api/v4/secrets/", StringComparison.OrdinalIgnoreCase)
            ? RouteClass.Get
            : RouteClass.Other;
    }

    private static bool IsOneOf(string path, params string[] routes)
    {
        foreach (var route in routes)
        {
            if (path.Equals(route, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
