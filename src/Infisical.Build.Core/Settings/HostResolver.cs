using System;
using Infisical.Client.Internal;

namespace Infisical.Build.Core.Settings;

/// <summary>
/// Picks the Infisical instance: the InfisicalHost property, else the CLI's environment variables, else the
/// .infisical.json <c>domain</c>, else Infisical Cloud. Accepts both the SDK form (<c>https://host</c>) and the
/// CLI form (<c>https://host/api</c>) so a CI set up for the CLI works unchanged.
/// </summary>
internal static class HostResolver
{
    public const string CloudHost = HostNormalizer.DefaultHost;

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

    /// <summary>
    /// The client's normalisation (trim, trailing slashes, one trailing <c>/api</c>), with the build's stricter rules
    /// on top: the scheme must be written (the client would assume https; a build must not guess where credentials
    /// go) and user info is refused (it would put a credential in a property).
    /// </summary>
    public static string Normalize(string raw, string origin)
    {
        var value = raw.Trim();
        string host;
        try
        {
            host = value.IndexOf("://", StringComparison.Ordinal) < 0 ? throw new ArgumentException("no scheme") : HostNormalizer.Normalize(value);
        }
        catch (ArgumentException)
        {
            throw Invalid(origin);
        }

        return string.IsNullOrEmpty(new Uri(host).UserInfo) ? host : throw Invalid(origin);
    }

    private static InfisicalBuildException Invalid(string origin) =>
        new(InfisicalBuildErrors.InvalidHost,
            $"The Infisical host from {origin} is not an absolute http(s) URL without query or user info (for example https://app.infisical.com or https://my.instance.example/api). Fix the value or remove it to use Infisical Cloud.");
}
