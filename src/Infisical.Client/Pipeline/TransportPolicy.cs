using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Http;

namespace Infisical.Client.Pipeline;

/// <summary>
/// The end of every pipeline: one attempt over HttpClient. Applies the transport rules (credentials only over https
/// or to loopback, same-origin redirects only), the per-attempt timeout (body included), reads the answer once and turns platform
/// failures into <see cref="InfisicalTimeoutException"/> and <see cref="InfisicalNetworkException"/>.
/// </summary>
internal sealed class TransportPolicy : PipelinePolicy, IDisposable
{
    private static readonly string UserAgent = "Infisical.Client/" + typeof(TransportPolicy).Assembly.GetName().Version;

    private readonly string _host;
    private readonly TransportSettings _settings;
    private readonly CredentialScrubber _scrubber;
    private readonly TimeProvider _time;
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>1 once the transport rules have allowed the host; until then every call checks (and may throw).</summary>
    private int _hostAllowed;

    public TransportPolicy(string host, TransportSettings settings, CredentialScrubber scrubber, TimeProvider time)
    {
        _host = host;
        _settings = settings;
        _scrubber = scrubber;
        _time = time;
        if (settings.HttpClientFactory == null && settings.HttpClient == null)
        {
            _ownedHttpClient = CreateDefaultHttpClient();
        }
    }

    public override async Task ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        var request = message.Request;
        var cancellationToken = message.CancellationToken;
        try
        {
            message.Response = await SendOnceAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own per-attempt timeout fired; the server may have received the request.
            throw new InfisicalTimeoutException(
                $"Infisical {request.Method} {request.Path} did not answer within {_settings.Timeout.TotalSeconds:0.###} s.", e);
        }
        catch (HttpRequestException e)
        {
            throw NetworkFailureText.ToException(e, _host, request);
        }
    }

    public void Dispose() => _ownedHttpClient?.Dispose();

    private async Task<RawAnswer> SendOnceAsync(PipelineMessage message, CancellationToken cancellationToken)
    {
        // The timeout runs on the real clock: it bounds a real socket wait, which a test clock cannot speed up.
        using var timeout = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : new CancellationTokenSource();
        timeout.CancelAfter(_settings.Timeout);
        var request = message.Request;
        var target = new Uri(_host + request.BuildRelativeUrl());
        if (Volatile.Read(ref _hostAllowed) == 0)
        {
            // Every first target has the host's origin (paths start with '/'), so one pass decides for all of them.
            TransportGuard.EnsureAllowed(target, _settings.AllowInsecureHttp);
            Volatile.Write(ref _hostAllowed, 1);
        }

        var method = request.Method;
        var withBody = true;
        var http = _settings.HttpClientFactory?.CreateClient(_settings.HttpClientName) ?? _settings.HttpClient ?? _ownedHttpClient!;
        for (var hop = 0; ; hop++)
        {
            using var httpMessage = CreateMessage(method, target, request, message.Headers, withBody);
            using var response = await http.SendAsync(httpMessage, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            RedirectPolicy.EnsureNotMoved(response, target);
            if (RedirectPolicy.IsRedirect(response))
            {
                target = RedirectPolicy.NextTarget(response, target, hop);
                if (!RedirectPolicy.KeepsMethodAndBody(response.StatusCode))
                {
                    method = HttpMethod.Get;
                    withBody = false;
                }

                continue;
            }

            var (body, length) = await ReadBodyAsync(response, http.MaxResponseContentBufferSize, timeout.Token).ConfigureAwait(false);
            return new RawAnswer(
                response.StatusCode,
                response.ReasonPhrase,
                body,
                length,
                pooled: true,
                response.Content?.Headers.ContentType?.MediaType,
                response.Headers.ETag?.ToString(),
                RetryDelays.ServerRequested(response, _time.GetUtcNow()),
                _host,
                _scrubber);
        }
    }

    /// <summary>
    /// The body, within the attempt's timeout on every target: a read's cancellation token may be ignored (older
    /// frameworks, a caller's handler), so the timeout also disposes the response, which ends any read in progress.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpResponseMessage response, long maxSize, CancellationToken timeout)
    {
        using var abort = timeout.Register(static r => ((HttpResponseMessage)r!).Dispose(), response);
        try
        {
            return await ResponseBody.ReadAsync(response.Content, maxSize, timeout).ConfigureAwait(false);
        }
        catch (Exception e) when (timeout.IsCancellationRequested && e is not OperationCanceledException)
        {
            // The disposal above surfaces as ObjectDisposedException or IOException: it is the timeout (or the caller's cancellation).
            throw new OperationCanceledException("The answer's body was not read in time.", e, timeout);
        }
    }

    private static HttpRequestMessage CreateMessage(
        HttpMethod method, Uri target, InfisicalRequest request, IDictionary<string, string> headers, bool withBody)
    {
        var message = new HttpRequestMessage(method, target);
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        foreach (var header in headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (withBody && request.JsonBody is { } body)
        {
            message.Content = MemoryMarshal.TryGetArray(body, out var segment)
                ? new ByteArrayContent(segment.Array!, segment.Offset, segment.Count)
                : new ByteArrayContent(body.ToArray());
            message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        return message;
    }

    private static HttpClient CreateDefaultHttpClient()
    {
        // Redirects are followed by SendOnceAsync (same origin only), never by the handler.
#if NET
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
#endif
        // Timeouts are per attempt and ours (TransportSettings.Timeout); HttpClient's own 100 s default would fight them.
        return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }
}

/// <summary>The options the transport reads, taken from <see cref="InfisicalClientOptions"/> (or set by a test).</summary>
internal sealed record TransportSettings
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool AllowInsecureHttp { get; init; }

    public HttpClient? HttpClient { get; init; }

    public IHttpClientFactory? HttpClientFactory { get; init; }

    public string HttpClientName { get; init; } = "Infisical";

    public static TransportSettings From(InfisicalClientOptions o) => new()
    {
        Timeout = o.Timeout,
        AllowInsecureHttp = o.AllowInsecureHttp,
        HttpClient = o.HttpClient,
        HttpClientFactory = o.HttpClientFactory,
        HttpClientName = o.HttpClientName,
    };
}
