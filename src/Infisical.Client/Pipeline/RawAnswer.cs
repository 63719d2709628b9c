using System;
using System.Net;
using Infisical.Client.Http;

namespace Infisical.Client.Pipeline;

/// <summary>One attempt's answer, fully buffered, detached from the disposed HttpResponseMessage.</summary>
internal sealed class RawAnswer
{
    private InfisicalApiException? _error;

    private readonly string _host;
    private readonly CredentialScrubber _scrubber;

    public RawAnswer(
        HttpStatusCode status, string? reasonPhrase, byte[] body, string? mediaType, string? etag, TimeSpan? retryAfter,
        string host, CredentialScrubber scrubber)
    {
        _host = host;
        _scrubber = scrubber;
        Status = status;
        ReasonPhrase = reasonPhrase;
        Body = body;
        MediaType = mediaType;
        ETag = etag;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode Status { get; }

    /// <summary>2xx.</summary>
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public string? ReasonPhrase { get; }

    public byte[] Body { get; }

    public string? MediaType { get; }

    public string? ETag { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>The parsed error (credentials scrubbed), built once: the retry decision and the final throw both read it.</summary>
    public InfisicalApiException ToException(InfisicalRequest request) =>
        _error ??= ApiErrorText.Finish(
            ErrorBodyParser.Parse(Status, ReasonPhrase, Body, MediaType, request.Method.Method, request.Path, RetryAfter),
            _host,
            request,
            _scrubber);
}
