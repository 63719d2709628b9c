using System;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Http;
using Infisical.Client.Json;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Auth;

/// <summary>
/// What a login method and the token manager send through: the pipeline without the authentication policy (a login
/// must not wait for the token it is obtaining), and the clock for signed login payloads.
/// </summary>
internal sealed class LoginChannel
{
    private readonly CredentialScrubber _scrubber;

    public LoginChannel(RequestSender anonymous, CredentialScrubber scrubber, TimeProvider time)
    {
        Sender = anonymous;
        _scrubber = scrubber;
        Time = time;
    }

    /// <summary>Sends requests that carry no Authorization header (renew and revoke name the token in the body).</summary>
    public RequestSender Sender { get; }

    /// <summary>The client's clock (AWS signs its login with the current time).</summary>
    public TimeProvider Time { get; }

    /// <summary>
    /// Posts a login body and returns the credential. Retried only on answers the server never processed (see
    /// <see cref="RetryPolicy"/>): a refused login repeated would count towards the identity's lockout.
    /// </summary>
    public async Task<MachineIdentityCredential> LoginAsync<TBody>(
        string path, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken)
    {
        var request = new InfisicalRequest(HttpMethod.Post, path, RequestOptions.Login).WithJsonBody(body, bodyType);
        if (request.JsonBody is { } json)
        {
            _scrubber.AddJsonStrings(json);
        }

        var dto = await Sender.SendAsync(request, ClientJsonContext.Default.AccessTokenResponse, cancellationToken).ConfigureAwait(false);
        return dto.ToCredential(request.Path);
    }
}
