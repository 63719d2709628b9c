using System;
using System.Threading;
using System.Threading.Tasks;

namespace Infisical.Client.Pipeline;

/// <summary>
/// An ordered chain of policies, outermost first, ending in the transport. The client builds two: one for API calls
/// (with the authentication policy) and one for logins, renewals and revocations (without it), which is what lets the
/// token manager send through a pipeline that does not depend on it.
/// </summary>
internal sealed class HttpPipeline
{
    private readonly PipelinePolicy[] _policies;

    public HttpPipeline(params PipelinePolicy[] policies)
    {
        if (policies.Length == 0)
        {
            throw new ArgumentException("A pipeline needs at least a transport.", nameof(policies));
        }

        _policies = policies;
    }

    /// <summary>Runs <paramref name="request"/> through every policy; the returned message holds the final answer.</summary>
    public async Task<PipelineMessage> SendAsync(InfisicalRequest request, CancellationToken cancellationToken)
    {
        var message = new PipelineMessage(request, cancellationToken);
        await new PipelineNext(_policies, 0).ProcessAsync(message).ConfigureAwait(false);
        message.RequireResponse();
        return message;
    }
}
