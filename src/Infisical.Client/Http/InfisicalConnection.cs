using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Auth;
using Infisical.Client.Internal;
using Infisical.Client.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Infisical.Client.Http;

/// <summary>
/// The one way every sub-client talks to Infisical: joins host and path, attaches the token, serializes with
/// source-generated JSON, retries by <see cref="RequestKind"/>, applies the per-attempt timeout, turns error
/// answers into <see cref="InfisicalApiException"/>, and re-authenticates once when the token is rejected.
/// </summary>
internal sealed class InfisicalConnection : IDisposable
{
    private static readonly string UserAgent = "Infisical.Client/" + typeof(InfisicalConnection).Assembly.GetName().Version;
    private readonly HttpClient? _ownedHttpClient;

    public InfisicalConnection(InfisicalClientOptions options)
    {
        Options = options;
        Host = HostNormalizer.Normalize(options.Host);
        Logger = options.Logger ?? NullLogger.Instance;
        Scrubber.Add(options.Token?.Trim());
        if (options.HttpClientFactory == null && options.HttpClient == null)
        {
            _ownedHttpClient = CreateDefaultHttpClient();
        }

        Tokens = new TokenManager(this, options.Token);
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

    /// <summary>Percent-encodes one path segment (a secret name, a key id).</summary>
    public static string EscapeSegment(string segment) => Uri.EscapeDataString(segment);

    /// <summary>Sends a request without body and returns the parsed answer.</summary>
    public Task<T> SendAsync<T>(
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>>? query,
        JsonTypeInfo<T> responseType,
        RequestKind kind,
        bool authenticated,
        CancellationToken cancellationToken) =>
        SendAsync(new InfisicalRequest(method, path, kind) { Query = query, Authenticated = authenticated }, responseType, cancellationToken);

    /// <summary>Sends a request with a JSON body and returns the parsed answer.</summary>
    public Task<T> SendAsync<TBody, T>(
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>>? query,
        TBody body,
        JsonTypeInfo<TBody> bodyType,
        JsonTypeInfo<T> responseType,
        RequestKind kind,
        bool authenticated,
        CancellationToken cancellationToken) =>
        SendAsync(
            new InfisicalRequest(method, path, kind) { Query = query, Authenticated = authenticated }.WithJsonBody(body, bodyType),
            responseType,
            cancellationToken);

    /// <summary>Sends a request and returns the parsed answer; a 304 here is an error (use <see cref="SendForResponseAsync{T}"/>).</summary>
    public async Task<T> SendAsync<T>(InfisicalRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var response = await SendForResponseAsync(request, responseType, cancellationToken).ConfigureAwait(false);
        return response.Value ?? throw new InfisicalResponseException(
            $"Infisical returned an empty answer for {request.Method} {request.Path}.");
    }

    /// <summary>Sends a request and returns the answer with its ETag, or a not-modified marker.</summary>
    public async Task<InfisicalResponse<T>> SendForResponseAsync<T>(
        InfisicalRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var replayed = false;
        while (true)
        {
            string? token = null;
            if (request.Authenticated)
            {
                token = await Tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            }

            var answer = await SendWithRetriesAsync(request, token, cancellationToken).ConfigureAwait(false);
            if (answer.Status == HttpStatusCode.NotModified && request.IfNoneMatch != null)
            {
                return new InfisicalResponse<T>(default, answer.ETag ?? request.IfNoneMatch, notModified: true);
            }

            if ((int)answer.Status is >= 200 and < 300)
            {
                var value = Deserialize(answer.Body, responseType, request);
                if (value is AccessTokenResponse obtained)
                {
                    // A token obtained at run time is as secret as the configured one: a later echo must not show it.
                    Scrubber.Add(obtained.AccessToken);
                }

                return new InfisicalResponse<T>(value, answer.ETag, notModified: false);
            }

            var error = answer.ToException(request);
            if (request.Authenticated && !replayed && error.IsTokenError && Tokens.CanReauthenticate)
            {
                // Exactly one fresh login and one replay: a second rejection is a real problem, not an expiry.
                Logger.LogInformation(
                    "Infisical rejected the access token ({Status} {Error}) on {Method} {Path}; logging in again once.",
                    (int)answer.Status, error.Error, request.Method, request.Path);
                await Tokens.ReauthenticateAsync(token, cancellationToken).ConfigureAwait(false);
                replayed = true;
                continue;
            }

            throw error;
        }
    }

    /// <summary>
    /// Posts a login body (no auth header) and returns the credential. Retried only on answers the server never
    /// processed (see <see cref="IsRetryable"/>): a refused login repeated would count towards the identity's lockout.
    /// </summary>
    public async Task<MachineIdentityCredential> LoginAsync<TBody>(
        string path, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken)
    {
        var request = new InfisicalRequest(HttpMethod.Post, path, RequestKind.Login) { Authenticated = false }
            .WithJsonBody(body, bodyType);
        Scrubber.AddJsonStrings(request.JsonBody);
        var dto = await SendAsync(request, ClientJsonContext.Default.AccessTokenResponse, cancellationToken).ConfigureAwait(false);
        return dto.ToCredential(request.Path);
    }

    public void Dispose() => _ownedHttpClient?.Dispose();

    private async Task<RawAnswer> SendWithRetriesAsync(InfisicalRequest request, string? token, CancellationToken cancellationToken)
    {
        var maxRetries = Math.Max(0, Options.MaxRetries);
        for (var attempt = 0; ; attempt++)
        {
            var stopwatch = Stopwatch.StartNew();
            TimeSpan delay;
            try
            {
                var answer = await SendOnceAsync(request, token, cancellationToken).ConfigureAwait(false);
                Logger.LogDebug(
                    "Infisical {Method} {Path} answered {Status} in {ElapsedMs} ms (attempt {Attempt}).",
                    request.Method, request.Path, (int)answer.Status, stopwatch.ElapsedMilliseconds, attempt + 1);
                if (attempt >= maxRetries || !IsRetryable(answer, request))
                {
                    return answer;
                }

                var requested = answer.RetryAfter;
                if (requested > Options.MaxRetryDelay)
                {
                    // Waiting less than asked only earns another 429; let the caller decide.
                    return answer;
                }

                delay = requested ?? RetryDelays.Backoff(attempt + 1, Options.RetryBaseDelay, Options.MaxRetryDelay);
                Logger.LogWarning(
                    "Infisical {Method} {Path} answered {Status}; retry {Retry} of {MaxRetries} in {DelayMs} ms.",
                    request.Method, request.Path, (int)answer.Status, attempt + 1, maxRetries, (long)delay.TotalMilliseconds);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // Our own per-attempt timeout fired; the server may have received the request.
                var timeout = new InfisicalTimeoutException(
                    $"Infisical {request.Method} {request.Path} did not answer within {Options.Timeout.TotalSeconds:0.###} s.", e);
                if (request.Kind != RequestKind.Read || attempt >= maxRetries)
                {
                    throw timeout;
                }

                delay = RetryDelays.Backoff(attempt + 1, Options.RetryBaseDelay, Options.MaxRetryDelay);
                Logger.LogWarning("Infisical {Method} {Path} timed out; retry {Retry} of {MaxRetries}.", request.Method, request.Path, attempt + 1, maxRetries);
            }
            catch (HttpRequestException e)
            {
                var neverSent = NetworkFailures.ProvablyNotSent(e);
                // A login that died on the network did not reach the credential check (or its answer never came
                // back); repeating it cannot count as a second wrong guess the way a 401 would.
                var retryable = request.Kind is RequestKind.Read or RequestKind.Login
                    || (request.Kind == RequestKind.Write && neverSent);
                var failure = NetworkFailureText.ToException(e, Host, request);
                if (!retryable || attempt >= maxRetries)
                {
                    throw failure;
                }

                delay = RetryDelays.Backoff(attempt + 1, Options.RetryBaseDelay, Options.MaxRetryDelay);
                Logger.LogWarning(
                    "Infisical {Method} {Path} failed ({Reason}); retry {Retry} of {MaxRetries}.",
                    request.Method, request.Path, failure.Failure, attempt + 1, maxRetries);
            }

            await Options.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRetryable(RawAnswer answer, InfisicalRequest request)
    {
        var kind = request.Kind;
        var status = (int)answer.Status;
        if (status == 429)
        {
            // The rate limiter answers before any handler runs, so even a write (or a login) was not applied.
            return true;
        }

        if (kind == RequestKind.Login)
        {
            // Gateways answer these when the server was not reached. Never 500 (the login may have been judged)
            // and never another 4xx (a judged login: repeating it feeds the lockout).
            return status is 502 or 503 or 504;
        }

        if (kind != RequestKind.Read)
        {
            return false;
        }

        return status switch
        {
            408 or 502 or 503 or 504 => true,
            // 2024 servers report a malformed token as 500; repeating it cannot help.
            500 => !answer.ToException(request).IsTokenError,
            _ => false,
        };
    }

    private async Task<RawAnswer> SendOnceAsync(InfisicalRequest request, string? token, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        var target = new Uri(Host + request.BuildRelativeUrl());
        TransportGuard.EnsureAllowed(target, Options.AllowInsecureHttp);
        Scrubber.Add(token);
        var method = request.Method;
        var withBody = true;
        var http = Options.HttpClientFactory?.CreateClient(Options.HttpClientName) ?? Options.HttpClient ?? _ownedHttpClient!;
        for (var hop = 0; ; hop++)
        {
            using var message = CreateMessage(method, target, request, token, withBody);
            // ResponseContentRead: the body is buffered inside SendAsync, so the timeout covers it on every target.
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
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

            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return new RawAnswer(
                response.StatusCode,
                response.ReasonPhrase,
                body,
                response.Content.Headers.ContentType?.MediaType,
                response.Headers.ETag?.ToString(),
                RetryDelays.ServerRequested(response, Options.UtcNow()),
                Host,
                Scrubber);
        }
    }

    private static HttpRequestMessage CreateMessage(HttpMethod method, Uri target, InfisicalRequest request, string? token, bool withBody)
    {
        var message = new HttpRequestMessage(method, target);
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (token != null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        if (request.IfNoneMatch != null)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.IfNoneMatch);
        }

        if (withBody && request.JsonBody != null)
        {
            message.Content = new ByteArrayContent(request.JsonBody);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        return message;
    }

    private static T Deserialize<T>(byte[] body, JsonTypeInfo<T> type, InfisicalRequest request)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new InfisicalResponseException($"Infisical returned an empty answer for {request.Method} {request.Path}.");
        }
        catch (JsonException e)
        {
            throw JsonAnswerCheck.Unreadable(body, request, e);
        }
    }

    private static HttpClient CreateDefaultHttpClient()
    {
        // Redirects are followed by SendOnceAsync (same origin only), never by the handler.
#if NET
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
#endif
        // Timeouts are per attempt and ours (Options.Timeout); HttpClient's own 100 s default would fight them.
        return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }
}
