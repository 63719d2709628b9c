using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Auth.Methods;
using Infisical.Client.Http;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Auth;

/// <summary>LDAP Auth: a directory user name and password checked by the Infisical server against its LDAP.</summary>
public sealed class LdapAuthClient
{
    private readonly TokenManager _tokens;

    internal LdapAuthClient(TokenManager tokens) => _tokens = tokens;

    /// <summary>Logs in and makes the client use the access token; re-logins reuse the same credentials.</summary>
    /// <param name="identityId">The machine identity id (a UUID).</param>
    /// <param name="username">The LDAP user name.</param>
    /// <param name="password">The LDAP password; it is sent only in the login body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<MachineIdentityCredential> LoginAsync(
        string identityId, string username, string password, CancellationToken cancellationToken = default)
    {
        var id = LoginArguments.Required(identityId, nameof(identityId), "The machine identity id").Trim();
        var user = LoginArguments.Required(username, nameof(username), "The LDAP username");
        var secret = LoginArguments.Required(password, nameof(password), "The LDAP password");
        return _tokens.LoginAsync(new LdapLoginMethod(id, user, secret), cancellationToken);
    }
}

/// <summary>Token Auth: an access token minted elsewhere (e.g. by an administrator) and handed to this process.</summary>
public sealed class TokenAuthClient
{
    private readonly InfisicalConnection _connection;

    internal TokenAuthClient(InfisicalConnection connection) => _connection = connection;

    /// <summary>
    /// Makes the client use <paramref name="accessToken"/>. Nothing is sent: the token is checked when the next
    /// request uses it. The client cannot obtain a replacement, so it neither renews it nor logs in again, and a
    /// rejected token surfaces as an <see cref="InfisicalApiException"/>. The returned credential has no known
    /// lifetime (0).
    /// </summary>
    public Task<MachineIdentityCredential> LoginAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var token = LoginArguments.Required(accessToken, nameof(accessToken), "The access token").Trim();
        cancellationToken.ThrowIfCancellationRequested();
        _connection.Tokens.SetToken(token);
        return Task.FromResult(new MachineIdentityCredential(token, 0, 0, "Bearer"));
    }

    /// <summary>
    /// Mints a new access token for an identity that has Token Auth configured
    /// (<c>POST /api/v1/auth/token-auth/identities/{identityId}/tokens</c>), using this client's own login. The
    /// client's token is unchanged: hand the result to the process that needs it.
    /// </summary>
    /// <param name="identityId">The identity to mint a token for.</param>
    /// <param name="name">An optional label for the token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<MachineIdentityCredential> CreateTokenAsync(string identityId, string? name = null, CancellationToken cancellationToken = default)
    {
        var id = LoginArguments.Required(identityId, nameof(identityId), "The machine identity id").Trim();
        return CreateTokenCoreAsync(id, name, cancellationToken);
    }

    private async Task<MachineIdentityCredential> CreateTokenCoreAsync(string identityId, string? name, CancellationToken cancellationToken)
    {
        var path = "/api/v1/auth/token-auth/identities/" + InfisicalRequest.EscapeSegment(identityId) + "/tokens";
        var request = new InfisicalRequest(System.Net.Http.HttpMethod.Post, path, RequestOptions.Write)
            .WithJsonBody(new TokenAuthCreateRequest { Name = name }, AuthMethodsJsonContext.Default.TokenAuthCreateRequest);
        var answer = await _connection.Requests.SendAsync(request, Json.ClientJsonContext.Default.AccessTokenResponse, cancellationToken)
            .ConfigureAwait(false);
        return answer.ToCredential(path);
    }
}

internal sealed class LdapLoginMethod : ILoginMethod
{
    private readonly string _identityId;
    private readonly string _username;
    private readonly string _password;

    public LdapLoginMethod(string identityId, string username, string password)
    {
        _identityId = identityId;
        _username = username;
        _password = password;
    }

    public Task<MachineIdentityCredential> LoginAsync(LoginChannel channel, CancellationToken cancellationToken) =>
        channel.LoginAsync(
            "/api/v1/auth/ldap-auth/login",
            new LdapLoginRequest { IdentityId = _identityId, Username = _username, Password = _password },
            AuthMethodsJsonContext.Default.LdapLoginRequest,
            cancellationToken);

    public override string ToString() => "LDAP Auth";
}
