using System;
using System.Net;

namespace Infisical.Client;

/// <summary>
/// A request would have carried credentials (a login body, a bearer token) over plain http to a host that is not
/// loopback. Raised before any byte is sent. Use https, or set <see cref="InfisicalClientOptions.AllowInsecureHttp"/>.
/// </summary>
public sealed class InfisicalInsecureTransportException : InfisicalException
{
    /// <summary>Creates the exception.</summary>
    public InfisicalInsecureTransportException(string message, string origin)
        : base(message)
    {
        Origin = origin;
    }

    /// <summary>The refused origin, e.g. <c>http://infisical.example.com:80</c>.</summary>
    public string Origin { get; }
}

/// <summary>
/// The server (or a proxy) answered with a redirect to another origin (scheme, host or port). Credentials are never
/// sent there by this client's own redirect handling; see docs/client.md for the limit with an injected HttpClient.
/// </summary>
public sealed class InfisicalRedirectException : InfisicalException
{
    /// <summary>Creates the exception.</summary>
    public InfisicalRedirectException(string message, HttpStatusCode statusCode, string targetOrigin)
        : base(message)
    {
        StatusCode = statusCode;
        TargetOrigin = targetOrigin;
    }

    /// <summary>The redirect status (301, 302, 303, 307, 308).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Where the redirect pointed: scheme, host and port only (never path or query).</summary>
    public string TargetOrigin { get; }
}

/// <summary>What went wrong below HTTP, as far as the platform tells.</summary>
public enum InfisicalNetworkFailure
{
    /// <summary>Anything not listed below.</summary>
    Other,

    /// <summary>The host name did not resolve.</summary>
    NameResolution,

    /// <summary>Nothing accepted the connection (refused, unreachable): the request was never sent.</summary>
    ConnectionRefused,

    /// <summary>The server or a proxy reset the connection.</summary>
    ConnectionReset,

    /// <summary>The connection closed before the whole answer arrived.</summary>
    ResponseCutOff,

    /// <summary>The TLS handshake failed (untrusted certificate, name mismatch, protocol).</summary>
    Tls,
}

/// <summary>The request failed below HTTP (no answer, or no complete answer). The message names the cause.</summary>
public sealed class InfisicalNetworkException : InfisicalException
{
    /// <summary>Creates the exception.</summary>
    public InfisicalNetworkException(string message, InfisicalNetworkFailure failure, Exception? innerException)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>The kind of failure.</summary>
    public InfisicalNetworkFailure Failure { get; }
}

/// <summary>
/// A success answer the client refuses to use: not valid JSON, cut off, or missing what the route must return
/// (a list without a <c>secrets</c> array, a secret without a <c>secretValue</c>, a read without a <c>secret</c>).
/// Refusing it is deliberate: treating a broken answer as "no secrets" would empty the caller's data. The message
/// names what was missing, never a value.
/// </summary>
public sealed class InfisicalResponseException : InfisicalException
{
    /// <summary>Creates the exception.</summary>
    public InfisicalResponseException(string message, bool isTruncated = false, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTruncated = isTruncated;
    }

    /// <summary>True when the body is a valid beginning of JSON that stops early (a cut-off answer).</summary>
    public bool IsTruncated { get; }
}
