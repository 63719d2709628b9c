using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Auth.Methods;
using Infisical.Client.Json;

namespace Infisical.Client.Auth;

/// <summary>Universal Auth: a machine identity's client id and client secret.</summary>
public sealed class UniversalAuthClient
{
    private readonly TokenManager _tokens;

    internal UniversalAuthClient(TokenManager tokens) => _tokens = tokens;

    /// <summary>
    /// Logs in and makes the client use the token; the client renews it and logs in again with the same
    /// credentials when needed. A login the server answered is never retried (servers lock identities out after
    /// repeated failures); only network failures, 429 and 502/503/504 are.
    /// </summary>
    /// <exception cref="InfisicalApiException">Wrong credentials: 401 (current servers), 403 (2024 servers) or 404 for an unknown client id.</exception>
    public Task<MachineIdentityCredential> LoginAsync(string clientId, string clientSecret, CancellationToken cancellationToken = default)
    {
        var id = LoginArguments.Required(clientId, nameof(clientId), "The Universal Auth client id").Trim();
        var secret = LoginArguments.Required(clientSecret, nameof(clientSecret), "The Universal Auth client secret").Trim();
        return _tokens.LoginAsync(new UniversalAuthLoginMethod(id, secret), cancellationToken);
    }
}

/// <summary>Logs in with a client id and secret; kept by the token manager for re-logins.</summary>
internal sealed class UniversalAuthLoginMethod : ILoginMethod
{
    private readonly string _clientId;
    private readonly string _clientSecret;

    public UniversalAuthLoginMethod(string clientId, string clientSecret)
    {
        _clientId = clientId;
        _clientSecret = clientSecret;
    }

    public Task<MachineIdentityCredential> LoginAsync(LoginChannel channel, CancellationToken cancellationToken) =>
        channel.LoginAsync(
            "/api/v1/auth/universal-auth/login",
            new UniversalAuthLoginRequest { ClientId = _clientId, ClientSecret = _clientSecret },
            ClientJsonContext.Default.UniversalAuthLoginRequest,
            cancellationToken);

    public override string ToString() => "UniversalAuth";
}

/// <summary>Body of the Universal Auth login.</summary>
internal sealed class UniversalAuthLoginRequest
{
    [JsonPropertyName("clientId")]
    public string ClientId { get; set; } = string.Empty;

    [JsonPropertyName("clientSecret")]
    public string ClientSecret { get; set; } = string.Empty;
}
