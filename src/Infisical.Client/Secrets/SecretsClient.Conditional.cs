using System;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Json;

namespace Infisical.Client.Secrets;

/// <summary>Conditional reads for callers that keep their own copy of a folder between processes (the build).</summary>
public sealed partial class SecretsClient
{
    /// <summary>
    /// Lists a folder like <see cref="ListAsync"/>, but sends <paramref name="etag"/> as <c>If-None-Match</c> and
    /// bypasses this client's in-memory cache: the caller holds the previous answer (for example on disk) and
    /// only needs to know whether it changed. The server still does the full work for a 304; it saves the transfer.
    /// </summary>
    /// <param name="options">The same options as <see cref="ListAsync"/>.</param>
    /// <param name="etag">The ETag of the caller's copy; null sends an unconditional list.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ConditionalListResult> ListIfChangedAsync(ListSecretsOptions options, string? etag, CancellationToken cancellationToken = default)
    {
        if (options == null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var request = SecretRequests.List(options);
        if (!string.IsNullOrEmpty(etag))
        {
            request = request.WithIfNoneMatch(etag!);
        }

        var answer = await _connection.Requests.SendForResponseAsync(request, ClientJsonContext.Default.ListSecretsWire, cancellationToken).ConfigureAwait(false);
        if (answer.NotModified)
        {
            return new ConditionalListResult { NotModified = true, ETag = answer.ETag };
        }

        var wire = answer.Value ?? throw SecretShapeChecks.Refused("it is empty");
        RequireSecretsArray(wire);
        return new ConditionalListResult { ETag = answer.ETag, Response = ToResponse(wire) };
    }
}

/// <summary>The answer of <see cref="SecretsClient.ListIfChangedAsync"/>.</summary>
public sealed record ConditionalListResult
{
    /// <summary>True when the server answered 304: the caller's copy is current and <see cref="Response"/> is null.</summary>
    public bool NotModified { get; init; }

    /// <summary>The ETag of the current answer (the one sent, on a 304), if the server gave one.</summary>
    public string? ETag { get; init; }

    /// <summary>The folder's secrets when they changed (or no ETag was sent).</summary>
    public ListSecretsResponse? Response { get; init; }
}
