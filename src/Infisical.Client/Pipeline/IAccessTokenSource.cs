using System.Threading;
using System.Threading.Tasks;

namespace Infisical.Client.Pipeline;

/// <summary>
/// Where the authentication policy gets the token to attach and a replacement for one the server rejected.
/// Implemented by the token manager, which sends its own logins through a pipeline without the authentication policy.
/// </summary>
internal interface IAccessTokenSource
{
    /// <summary>True when a rejected token can be replaced (a login method is known).</summary>
    bool CanReauthenticate { get; }

    /// <summary>The token to send now, renewing or logging in first when due.</summary>
    Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="rejectedToken"/>, unless another caller already did.</summary>
    Task ReauthenticateAsync(string? rejectedToken, CancellationToken cancellationToken);
}
