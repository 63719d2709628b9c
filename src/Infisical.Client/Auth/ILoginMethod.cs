using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Http;

namespace Infisical.Client.Auth;

/// <summary>
/// A way to obtain a fresh access token. The <see cref="TokenManager"/> keeps the method that logged in last
/// and calls it again when renewal is impossible or the server rejects the token.
/// Implementations call <see cref="InfisicalConnection.LoginAsync{TBody}"/> (never retried, no auth header).
/// </summary>
internal interface ILoginMethod
{
    Task<MachineIdentityCredential> LoginAsync(InfisicalConnection connection, CancellationToken cancellationToken);
}
