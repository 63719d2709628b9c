using System;

namespace Infisical.Build.Core.Credentials;

/// <summary>How the task authenticates, read from environment variables only (never MSBuild properties).</summary>
internal sealed class BuildCredentials
{
    private BuildCredentials(string? accessToken, string? clientId, string? clientSecret, string description)
    {
        AccessToken = accessToken;
        ClientId = clientId;
        ClientSecret = clientSecret;
        Description = description;
    }

    /// <summary>An access token (machine identity or legacy service token), when one was given.</summary>
    public string? AccessToken { get; }

    /// <summary>The Universal Auth client id, when logging in with client id + secret.</summary>
    public string? ClientId { get; }

    /// <summary>The Universal Auth client secret, when logging in with client id + secret.</summary>
    public string? ClientSecret { get; }

    /// <summary>Which variables were used, for logs (names only).</summary>
    public string Description { get; }

    /// <summary>
    /// A value that separates identities in the per-build cache without keeping the credential itself in the key.
    /// </summary>
    public string IdentityFingerprint =>
        AccessToken != null ? "token:" + Fingerprint.Of(AccessToken) : "ua:" + ClientId + ":" + Fingerprint.Of(ClientSecret ?? string.Empty);

    /// <summary>The strings that must never appear in any message.</summary>
    public string?[] SensitiveValues => new[] { AccessToken, ClientSecret };

    /// <summary>
    /// Reads, in the Infisical CLI's order: INFISICAL_UNIVERSAL_AUTH_ACCESS_TOKEN, INFISICAL_TOKEN, then
    /// INFISICAL_UNIVERSAL_AUTH_CLIENT_ID + INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET.
    /// </summary>
    public static BuildCredentials FromEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        foreach (var name in new[] { "INFISICAL_UNIVERSAL_AUTH_ACCESS_TOKEN", "INFISICAL_TOKEN" })
        {
            var token = getEnvironmentVariable(name)?.Trim();
            if (!string.IsNullOrEmpty(token))
            {
                return new BuildCredentials(token, null, null, "access token from " + name);
            }
        }

        var clientId = getEnvironmentVariable("INFISICAL_UNIVERSAL_AUTH_CLIENT_ID")?.Trim();
        var clientSecret = getEnvironmentVariable("INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET")?.Trim();
        if (!string.IsNullOrEmpty(clientId) && !string.IsNullOrEmpty(clientSecret))
        {
            return new BuildCredentials(null, clientId, clientSecret, "Universal Auth (INFISICAL_UNIVERSAL_AUTH_CLIENT_ID)");
        }

        var hint = !string.IsNullOrEmpty(clientId)
            ? " INFISICAL_UNIVERSAL_AUTH_CLIENT_ID is set but INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET is missing."
            : !string.IsNullOrEmpty(clientSecret)
                ? " INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET is set but INFISICAL_UNIVERSAL_AUTH_CLIENT_ID is missing."
                : string.Empty;
        throw new InfisicalBuildException(
            InfisicalBuildErrors.MissingCredentials,
            "No Infisical credentials found. Set the environment variables INFISICAL_UNIVERSAL_AUTH_CLIENT_ID and INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET (Universal Auth), or INFISICAL_TOKEN with an access token." + hint);
    }
}

/// <summary>A short, one-way fingerprint of a credential (used only as part of a cache key).</summary>
internal static class Fingerprint
{
    public static string Of(string value)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(value));
        return Convert.ToBase64String(hash, 0, 12);
    }
}
