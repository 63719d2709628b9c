using System.Text.Json.Serialization;

namespace Infisical.Client.Auth;

/// <summary>Wire shape of login and renew answers (<c>accessTokenMaxTTL</c> is upper-case on the wire).</summary>
internal sealed class AccessTokenResponse
{
    [JsonPropertyName("accessToken")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expiresIn")]
    public long ExpiresIn { get; set; }

    [JsonPropertyName("accessTokenMaxTTL")]
    public long AccessTokenMaxTtl { get; set; }

    [JsonPropertyName("tokenType")]
    public string? TokenType { get; set; }

    public MachineIdentityCredential ToCredential(string path) =>
        string.IsNullOrEmpty(AccessToken)
            ? throw new InfisicalException($"Infisical answered {path} without an accessToken.")
            : new MachineIdentityCredential(AccessToken!, ExpiresIn, AccessTokenMaxTtl, TokenType ?? "Bearer");
}

/// <summary>Body of <c>POST /api/v1/auth/token/renew</c> and <c>/revoke</c>.</summary>
internal sealed class AccessTokenRequest
{
    [JsonPropertyName("accessToken")]
    public string AccessToken { get; set; } = string.Empty;
}

/// <summary>Answer of <c>POST /api/v1/auth/token/revoke</c>.</summary>
internal sealed class MessageResponse
{
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
