using System;
using Infisical.Client.Auth;
using Infisical.Client.Internal;
using Infisical.Client.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Infisical.Client.Http;

/// <summary>
/// Wires one client's request path from its options: two pipelines over one transport, and the token manager between
/// them. API calls go through <see cref="Requests"/> (error mapping → authentication → ETag → retry → logging →
/// transport); logins, renewals and revocations through the same chain without authentication, so the token manager
/// depends on a pipeline and the authentication policy on the token manager, never the other way round.
/// </summary>
internal sealed class InfisicalConnection : IDisposable
{
    private readonly TransportPolicy _transport;

    public InfisicalConnection(InfisicalClientOptions options)
    {
        Options = options;
        Host = HostNormalizer.Normalize(options.Host);
        Logger = options.Logger ?? NullLogger.Instance;
        var time = options.TimeProvider;
        Scrubber.Add(options.Token?.Trim());

        _transport = new TransportPolicy(Host, TransportSettings.From(options), Scrubber, time);
        var mapErrors = new ErrorMappingPolicy();
        var conditional = new ConditionalRequestPolicy();
        var retry = new RetryPolicy(RetrySettings.From(options), time, Logger);
        var logging = new LoggingPolicy(Logger, time);

        var anonymous = new RequestSender(new HttpPipeline(mapErrors, conditional, retry, logging, _transport), Scrubber);
        Tokens = new TokenManager(new LoginChannel(anonymous, Scrubber, time), options.Token, options.TokenRenewalFraction, Logger);
        var authentication = new AuthenticationPolicy(Tokens, Scrubber, Logger);
        Requests = new RequestSender(new HttpPipeline(mapErrors, authentication, conditional, retry, logging, _transport), Scrubber);
    }

    /// <summary>The normalized base URL, without a trailing slash or <c>/api</c>.</summary>
    public string Host { get; }

    /// <summary>The options this connection was built from (a private copy).</summary>
    public InfisicalClientOptions Options { get; }

    /// <summary>Never null; receives no tokens or secret values.</summary>
    public ILogger Logger { get; }

    /// <summary>Every credential this connection has held, to be removed from server text in exception messages.</summary>
    public CredentialScrubber Scrubber { get; } = new();

    /// <summary>The access token, its renewal and re-login.</summary>
    public TokenManager Tokens { get; }

    /// <summary>The authenticated request path every sub-client sends through.</summary>
    public RequestSender Requests { get; }

    public void Dispose() => _transport.Dispose();
}
