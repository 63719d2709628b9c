using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Http;

namespace Infisical.Client.Auth;

/// <summary>
/// Authentication: one property per login method, plus token operations. Every login sets the token on the
/// owning <see cref="InfisicalClient"/>. Partial: the other methods' properties live in Auth/Methods.
/// </summary>
public sealed partial class AuthClient
{
    internal AuthClient(InfisicalConnection connection)
    {
        Connection = connection;
        UniversalAuth = new UniversalAuthClient(connection.Tokens);
    }

    /// <summary>Universal Auth (client id + client secret).</summary>
    public UniversalAuthClient UniversalAuth { get; }

    /// <summary>The token requests currently carry (null before any login). Treat it as a secret.</summary>
    public string? AccessToken => Connection.Tokens.CurrentToken;

    internal InfisicalConnection Connection { get; }

    internal TokenManager Tokens => Connection.Tokens;

    /// <summary>Renews the current token now via <c>POST /api/v1/auth/token/renew</c> and adopts the returned token.</summary>
    public Task<MachineIdentityCredential> RenewTokenAsync(CancellationToken cancellationToken = default) =>
        Connection.Tokens.RenewNowAsync(cancellationToken);

    /// <summary>Revokes the current token on the server; the client then has no token until the next login.</summary>
    public Task RevokeTokenAsync(CancellationToken cancellationToken = default) =>
        Connection.Tokens.RevokeAsync(cancellationToken);
}
