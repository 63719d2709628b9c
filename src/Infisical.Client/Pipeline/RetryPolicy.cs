using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Http;
using Microsoft.Extensions.Logging;

namespace Infisical.Client.Pipeline;

/// <summary>
/// Repeats an attempt that failed transiently, by <see cref="RequestKind"/>: reads on network failures, timeouts,
/// 408, 429 and 502/503/504 (and a 500 that is not a token error); writes only when they provably never reached the
/// server; logins only on answers the server never processed. Waits what the server asked (<c>Retry-After</c>,
/// <c>x-ratelimit-reset</c>) or an exponential backoff, on the <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RetryPolicy : PipelinePolicy
{
    private readonly RetrySettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RetryPolicy(RetrySettings settings, TimeProvider time, ILogger logger)
    {
        _settings = settings;
        _time = time;
        _logger = logger;
    }

    public override async Task ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        var request = message.Request;
        var maxRetries = Math.Max(0, _settings.MaxRetries);
        for (var attempt = 0; ; attempt++)
        {
            message.Attempt = attempt + 1;
            TimeSpan delay;
            try
            {
                await next.ProcessAsync(message).ConfigureAwait(false);
                var answer = message.RequireResponse();
                if (attempt >= maxRetries || !IsRetryable(answer, request))
                {
                    return;
                }

                var requested = answer.RetryAfter;
                if (requested > _settings.MaxRetryDelay)
                {
                    // Waiting less than asked only earns another 429; let the caller decide.
                    return;
                }

                delay = requested ?? Backoff(attempt);
                _logger.LogWarning(
                    "Infisical {Method} {Path} answered {Status}; retry {Retry} of {MaxRetries} in {DelayMs} ms.",
                    request.Method, request.Path, (int)answer.Status, attempt + 1, maxRetries, (long)delay.TotalMilliseconds);
            }
            catch (InfisicalTimeoutException) when (request.Options.Kind == RequestKind.Read && attempt < maxRetries)
            {
                delay = Backoff(attempt);
                _logger.LogWarning(
                    "Infisical {Method} {Path} timed out; retry {Retry} of {MaxRetries}.", request.Method, request.Path, attempt + 1, maxRetries);
            }
            catch (InfisicalNetworkException e) when (IsRetryable(e, request.Options.Kind) && attempt < maxRetries)
            {
                delay = Backoff(attempt);
                _logger.LogWarning(
                    "Infisical {Method} {Path} failed ({Reason}); retry {Retry} of {MaxRetries}.",
                    request.Method, request.Path, e.Failure, attempt + 1, maxRetries);
            }

            await DelayAsync(delay, message.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether an answer may be asked again for this kind of request.</summary>
    public static bool IsRetryable(RawAnswer answer, InfisicalRequest request)
    {
        var kind = request.Options.Kind;
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

    /// <summary>Whether a failure below HTTP may be repeated for this kind of request.</summary>
    public static bool IsRetryable(InfisicalNetworkException failure, RequestKind kind) =>
        // A login that died on the network did not reach the credential check (or its answer never came back);
        // repeating it cannot count as a second wrong guess the way a 401 would.
        kind is RequestKind.Read or RequestKind.Login
        || (kind == RequestKind.Write && failure.InnerException is HttpRequestException e && NetworkFailures.ProvablyNotSent(e));

    private TimeSpan Backoff(int attempt) => RetryDelays.Backoff(attempt + 1, _settings.RetryBaseDelay, _settings.MaxRetryDelay);

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, _time, cancellationToken);
#else
        _time.Delay(delay, cancellationToken);
#endif
}

/// <summary>The retry options, taken from <see cref="InfisicalClientOptions"/> (or set by a test).</summary>
internal sealed record RetrySettings
{
    public int MaxRetries { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public static RetrySettings From(InfisicalClientOptions o) =>
        new() { MaxRetries = o.MaxRetries, RetryBaseDelay = o.RetryBaseDelay, MaxRetryDelay = o.MaxRetryDelay };
}
