using System;

namespace Infisical.Build.Core.Settings;

/// <summary>
/// Picks the Infisical instance: the InfisicalHost property, else the CLI's environment variables, else the
/// .infisical.json <c>domain</c>, else Infisical Cloud. Accepts both the SDK form (<c>https://host</c>) and the
/// CLI form (<c>https://host/api</c>) so a CI set up for the CLI works unchanged.
/// </summary>
internal static class HostResolver
{
    public const string CloudHost = "https://app.infisical.com";

    /// <summary>Returns the normalized host and a short description of where it came from (for logs).</summary>
    public static (string Host, string Source) Resolve(string? property, Func<string, string?> getEnvironmentVariable, string? projectFileDomain)
    {
        if (!string.IsNullOrWhiteSpace(property))
        {
            return (Normalize(property!, "the InfisicalHost property"), "InfisicalHost");
        }

        foreach (var name in new[] { "INFISICAL_API_URL", "INFISICAL_DOMAIN" })
        {
            var value = getEnvironmentVariable(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return (Normalize(value!, "the environment variable " + name), name);
            }
        }

        if (!string.IsNullOrWhiteSpace(projectFileDomain))
        {
            return (Normalize(projectFileDomain!, "the 'domain' of .infisical.json"), ".infisical.json");
        }

        return (CloudHost, "default");
    }

    /// <summary>Trims, strips trailing slashes and one trailing <c>/api</c>, and requires an absolute http(s) URL.</summary>
    public static string Normalize(string raw, string origin)
    {
        var host = raw.Trim().TrimEnd('/');
        if (host.EndsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            host = host.Substring(0, host.Length - 4).TrimEnd('/');
        }

        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.InvalidHost,
                $"The Infisical host from {origin} is not an absolute http(s) URL without query or user info (for example https://app.infisical.com or https://my.instance.example/api). Fix the value or remove it to use Infisical Cloud.");
        }

        return host;
    }
}
