using System.Threading;
using System.Threading.Tasks;

namespace Infisical.Client.Auth;

/// <summary>
/// A way to obtain a fresh access token. The <see cref="TokenManager"/> keeps the method that logged in last
/// and calls it again when renewal is impossible or the server rejects the token.
/// Implementations call <see cref="LoginChannel.LoginAsync{TBody}"/> (no auth header; retried only when the server never processed it).
/// </summary>
internal interface ILoginMethod
{
    Task<MachineIdentityCredential> LoginAsync(LoginChannel channel, CancellationToken cancellationToken);
}
