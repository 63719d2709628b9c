using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Infisical.Client.Pipeline;

/// <summary>
/// Logs every attempt: method, path, status, time taken and, for an error answer, the server's error code with every
/// known credential removed. Never the query, headers or bodies (they hold tokens and secret values).
/// </summary>
internal sealed class LoggingPolicy : PipelinePolicy
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public LoggingPolicy(ILogger logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
    }

    public override async Task ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            await next.ProcessAsync(message).ConfigureAwait(false);
            return;
        }

        var request = message.Request;
        var started = _time.GetTimestamp();
        try
        {
            await next.ProcessAsync(message).ConfigureAwait(false);
        }
        catch (InfisicalException e)
        {
            _logger.LogDebug(
                "Infisical {Method} {Path} failed with {Failure} after {ElapsedMs} ms (attempt {Attempt}).",
                request.Method, request.Path, e.GetType().Name, Elapsed(started), message.Attempt);
            throw;
        }

        var answer = message.RequireResponse();
        if (answer.IsSuccess || answer.Status == System.Net.HttpStatusCode.NotModified)
        {
            _logger.LogDebug(
                "Infisical {Method} {Path} answered {Status} in {ElapsedMs} ms (attempt {Attempt}).",
                request.Method, request.Path, (int)answer.Status, Elapsed(started), message.Attempt);
            return;
        }

        // ToException scrubs the server's text: a proxy echoing the Authorization header must not reach the log.
        _logger.LogDebug(
            "Infisical {Method} {Path} answered {Status} {Error} in {ElapsedMs} ms (attempt {Attempt}).",
            request.Method, request.Path, (int)answer.Status, answer.ToException(request).Error, Elapsed(started), message.Attempt);
    }

    private long Elapsed(long started) => (long)_time.GetElapsedTime(started).TotalMilliseconds;
}
