using System;
using System.Threading.Tasks;

namespace Infisical.Client.Pipeline;

/// <summary>
/// One step of the request path. A policy may change the message's headers, call <see cref="PipelineNext"/> any
/// number of times (retry, replay after re-login) or not at all (the transport), and inspect or reject the answer.
/// </summary>
internal abstract class PipelinePolicy
{
    public abstract Task ProcessAsync(PipelineMessage message, PipelineNext next);
}

/// <summary>The policies after the current one. Copyable and reusable, so a policy can run the rest more than once.</summary>
internal readonly struct PipelineNext
{
    private readonly PipelinePolicy[] _policies;
    private readonly int _index;

    public PipelineNext(PipelinePolicy[] policies, int index)
    {
        _policies = policies;
        _index = index;
    }

    public Task ProcessAsync(PipelineMessage message) =>
        _index < _policies.Length
            ? _policies[_index].ProcessAsync(message, new PipelineNext(_policies, _index + 1))
            : throw new InvalidOperationException("The pipeline has no transport: its last policy called the next one.");
}
