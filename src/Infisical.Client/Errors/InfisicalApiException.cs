using System;
using System.Collections.Generic;
using System.Net;

namespace Infisical.Client;

/// <summary>
/// The server answered with an error status. Built from the parsed error body (current
/// <c>{reqId, statusCode, message, error}</c> and the 2024 shape without <c>reqId</c>); the raw body and the
/// request body are never included.
/// </summary>
public sealed class InfisicalApiException : InfisicalException
{
    /// <summary>Creates the exception.</summary>
    public InfisicalApiException(
        string message,
        HttpStatusCode statusCode,
        string? error,
        IReadOnlyList<string> messages,
        string? reqId,
        TimeSpan? retryAfter = null)
        : base(message)
    {
        StatusCode = statusCode;
        Error = error;
        Messages = messages;
        ReqId = reqId;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The body's <c>error</c> label, e.g. <c>NotFound</c>, <c>TokenError</c>, <c>ValidationFailure</c>.</summary>
    public string? Error { get; }

    /// <summary>The body's message(s). A validation failure's zod issues become one entry each, as <c>path: message</c>.</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>The server's request id (<c>req-...</c>), when it sent one; quote it in support requests.</summary>
    public string? ReqId { get; }

    /// <summary>For 429 answers: how long the server asked us to wait.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// True for a 404 that did not come from an Infisical route handler (Fastify's "Route … not found", or a non-JSON
    /// page from whatever answers at that URL): the host setting most likely points at the wrong place.
    /// </summary>
    public bool IsUnknownRoute =>
        StatusCode == HttpStatusCode.NotFound
        // Infisical's own 404s carry "NotFound" (or a custom name); Fastify's route-not-found says "Not Found".
        && (Error == null || string.Equals(Error, "Not Found", StringComparison.Ordinal));

    /// <summary>True when the server rejected the token itself (expired, malformed, revoked, missing).</summary>
    public bool IsTokenError => ErrorClassifier.IsTokenFailure((int)StatusCode, Error, Messages);
}
