using System;
using System.Collections.Generic;
using System.Threading;

namespace Infisical.Client.Pipeline;

/// <summary>
/// What travels down the pipeline for one call: the (immutable) request, the headers policies add for the transport
/// to send, and, on the way back, the answer of the last attempt.
/// </summary>
internal sealed class PipelineMessage
{
    public PipelineMessage(InfisicalRequest request, CancellationToken cancellationToken)
    {
        Request = request;
        CancellationToken = cancellationToken;
    }

    public InfisicalRequest Request { get; }

    /// <summary>The caller's cancellation; the per-attempt timeout is the transport's own.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Headers the transport adds to every attempt (Authorization, If-None-Match). Later values replace earlier ones.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>1 for the first attempt; the retry policy counts, the logging policy reports it.</summary>
    public int Attempt { get; set; } = 1;

    /// <summary>The last attempt's answer; null until the transport has run.</summary>
    public RawAnswer? Response { get; set; }

    /// <summary>True when the answer is a 304 to the request's <c>If-None-Match</c>: a result, not an error.</summary>
    public bool NotModified { get; set; }

    /// <summary>The answer, for policies that run after the transport (which always sets it or throws).</summary>
    public RawAnswer RequireResponse() =>
        Response ?? throw new InvalidOperationException("The pipeline ended without a transport answer.");
}
