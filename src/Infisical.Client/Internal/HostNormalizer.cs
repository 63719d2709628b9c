using System;

namespace Infisical.Client.Internal;

/// <summary>
/// Turns the host forms users bring (SDK style without <c>/api</c>, CLI style with it, bare domains) into one base URL.
/// </summary>
internal static class HostNormalizer
{
    public const string DefaultHost = "https://app.infisical.com";

    public static string Normalize(string? host)
    {
        var value = (host ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            return DefaultHost;
        }

        if (value.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            value = "https://" + value;
        }

        value = value.TrimEnd('/');
        // The CLI's INFISICAL_API_URL conventionally ends in /api; every route we build starts with /api already.
        if (value.EndsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            value = value.Substring(0, value.Length - 4).TrimEnd('/');
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new ArgumentException(
                $"InfisicalClientOptions.Host '{host}' is not a valid http(s) URL such as https://app.infisical.com.",
                nameof(host));
        }

        return value;
    }
}
