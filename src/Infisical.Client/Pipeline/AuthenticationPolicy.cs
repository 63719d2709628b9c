using System.Threading.Tasks;
using Infisical.Client.Http;
using Microsoft.Extensions.Logging;

namespace Infisical.Client.Pipeline;

/// <summary>
/// Attaches the bearer token to authenticated requests and, when the server rejects it as a token (expired, revoked,
/// malformed), logs in again once and resends. A second rejection is a real problem, not an expiry, and is returned.
/// </summary>
internal sealed class AuthenticationPolicy : PipelinePolicy
{
    private readonly IAccessTokenSource _tokens;
    private readonly CredentialScrubber _scrubber;
    private readonly ILogger _logger;

    public AuthenticationPolicy(IAccessTokenSource tokens, CredentialScrubber scrubber, ILogger logger)
    {
        _tokens = tokens;
        _scrubber = scrubber;
        _logger = logger;
    }

    public override async Task ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        var request = message.Request;
        if (!request.Options.Authenticated)
        {
            await next.ProcessAsync(message).ConfigureAwait(false);
            return;
        }

        var token = await AttachTokenAsync(message).ConfigureAwait(false);
        await next.ProcessAsync(message).ConfigureAwait(false);
        var answer = message.RequireResponse();
        if (message.NotModified || answer.IsSuccess || !_tokens.CanReauthenticate || !answer.ToException(request).IsTokenError)
        {
            return;
        }

        _logger.LogInformation(
            "Infisical rejected the access token ({Status} {Error}) on {Method} {Path}; logging in again once.",
            (int)answer.Status, answer.ToException(request).Error, request.Method, request.Path);
        await _tokens.ReauthenticateAsync(token, message.CancellationToken).ConfigureAwait(false);
        await AttachTokenAsync(message).ConfigureAwait(false);
        await next.ProcessAsync(message).ConfigureAwait(false);
    }

    private async Task<string> AttachTokenAsync(PipelineMessage message)
    {
        var token = await _tokens.GetAccessTokenAsync(message.CancellationToken).ConfigureAwait(false);
        // A proxy may echo the header in an error page; the scrubber removes it from whatever the server says back.
        _scrubber.Add(token);
        message.Headers["Authorization"] = "Bearer " + token;
        return token;
    }
}
