using System;
using System.Buffers;
using System.Net;
using System.Threading;
using Infisical.Client.Http;

namespace Infisical.Client.Pipeline;

/// <summary>One attempt's answer, fully buffered, detached from the disposed HttpResponseMessage.</summary>
internal sealed class RawAnswer
{
    private InfisicalApiException? _error;
    private byte[]? _pooled;

    private readonly string _host;
    private readonly CredentialScrubber _scrubber;

    public RawAnswer(
        HttpStatusCode status, string? reasonPhrase, byte[] body, string? mediaType, string? etag, TimeSpan? retryAfter,
        string host, CredentialScrubber scrubber)
        : this(status, reasonPhrase, body, body.Length, pooled: false, mediaType, etag, retryAfter, host, scrubber)
    {
    }

    /// <summary>An answer whose body is the first <paramref name="length"/> bytes of <paramref name="buffer"/>.</summary>
    public RawAnswer(
        HttpStatusCode status, string? reasonPhrase, byte[] buffer, int length, bool pooled, string? mediaType, string? etag,
        TimeSpan? retryAfter, string host, CredentialScrubber scrubber)
    {
        // Only a success body goes back to the pool (ReleaseBody): an error body is parsed lazily, possibly more than once.
        _pooled = pooled && (int)status is >= 200 and < 300 && buffer.Length > 0 ? buffer : null;
        Body = new ReadOnlyMemory<byte>(buffer, 0, length);
        _host = host;
        _scrubber = scrubber;
        Status = status;
        ReasonPhrase = reasonPhrase;
        MediaType = mediaType;
        ETag = etag;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode Status { get; }

    /// <summary>2xx.</summary>
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public string? ReasonPhrase { get; }

    /// <summary>The body; empty once <see cref="ReleaseBody"/> has run.</summary>
    public ReadOnlyMemory<byte> Body { get; private set; }

    public string? MediaType { get; }

    public string? ETag { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// Gives a success body's buffer back to the pool; for the one reader of the body (the response parse), after it
    /// is done. Nothing parsed keeps a reference to it (strings are copies, JsonElements own their bytes).
    /// </summary>
    public void ReleaseBody()
    {
        Body = ReadOnlyMemory<byte>.Empty;
        if (Interlocked.Exchange(ref _pooled, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The parsed error (credentials scrubbed), built once: the retry decision and the final throw both read it.</summary>
    public InfisicalApiException ToException(InfisicalRequest request) =>
        _error ??= ApiErrorText.Finish(
            ErrorBodyParser.Parse(Status, ReasonPhrase, Body, MediaType, request.Method.Method, request.Path, RetryAfter),
            _host,
            request,
            _scrubber);
}
