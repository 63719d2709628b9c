using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Infisical.LocalServer;

/// <summary>Cross-cutting middleware: crash guard, request log, injected faults and ETags.</summary>
internal static class ServerPipeline
{
    /// <summary>Turns unhandled exceptions into the server's 500 body (the exception text is logged, never sent).</summary>
    public static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Infisical.LocalServer")
                .LogError("Unhandled {Type} on {Method} {Path}", ex.GetType().Name, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await ApiErrors.From(context).Internal().ExecuteAsync(context);
        }
    }

    /// <summary>Logs method, path, query and status of every non-control request.</summary>
    public static async Task LogAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (TestControls.IsControlPath(path))
        {
            await next(context);
            return;
        }

        var controls = context.RequestServices.GetRequiredService<TestControls>();
        controls.RequestStarted();
        var started = controls.Clock.UtcNow;
        var recorded = 0;
        void RecordOnce(int status)
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                controls.Record(new RequestLogEntry(started, context.Request.Method, path, context.Request.QueryString.Value ?? string.Empty, status, context.Items.ContainsKey("fault")));
            }
        }

        // Recorded as the headers go out, so a client holding the answer always finds its entry in the log.
        context.Response.OnStarting(() =>
        {
            RecordOnce(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            // A response that never started (an aborted connection) is recorded here, with status 0 for injected aborts.
            RecordOnce(context.RequestAborted.IsCancellationRequested && context.Items.ContainsKey("fault") ? 0 : context.Response.StatusCode);
            controls.RequestFinished();
        }
    }

    /// <summary>Applies an injected fault to a matching request.</summary>
    public static async Task FaultAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        var rule = TestControls.IsControlPath(path)
            ? null
            : context.RequestServices.GetRequiredService<TestControls>().TakeFault(context.Request.Method, path);
        if (rule == null)
        {
            await next(context);
            return;
        }

        context.Items["fault"] = rule;
        if (rule.DelayMilliseconds > 0)
        {
            try
            {
                await Task.Delay(rule.DelayMilliseconds, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (rule.Abort)
        {
            context.Abort();
            return;
        }

        if (rule.StatusCode == 0)
        {
            await next(context);
            return;
        }

        var headers = new System.Collections.Generic.Dictionary<string, string>();
        if (rule.RetryAfter != null)
        {
            headers["retry-after"] = rule.RetryAfter;
        }

        if (rule.RateLimitReset != null)
        {
            headers["x-ratelimit-reset"] = rule.RateLimitReset;
        }

        var label = rule.StatusCode == 429 ? "RateLimitExceeded" : "InjectedFault";
        await ApiErrors.From(context).Error(rule.StatusCode, label, "Injected fault (local server test control)", headers: headers).ExecuteAsync(context);
    }

    private const string HeadKey = "head-as-get";

    /// <summary>
    /// Fastify answers HEAD for every GET route (exposeHeadRoutes): route HEAD as GET; <see cref="ETagAsync"/> turns
    /// the method back into HEAD before the response starts, so Kestrel sends headers only. Must run before routing.
    /// </summary>
    public static Task HeadAsGetAsync(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Items[HeadKey] = true;
            context.Request.Method = HttpMethods.Get;
        }

        return next(context);
    }

    /// <summary>
    /// @fastify/etag behaviour: every response with a body gets a strong ETag (a hash of the body); a matching
    /// <c>If-None-Match</c> turns it into 304 with an empty body. The handler has already run in full.
    /// </summary>
    public static async Task ETagAsync(HttpContext context, RequestDelegate next)
    {
        var isHead = context.Items.ContainsKey(HeadKey);
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            if (isHead)
            {
                context.Request.Method = HttpMethods.Head;
            }
        }

        if (buffer.Length > 0 && !context.Response.Headers.ContainsKey("ETag"))
        {
            var etag = "\"" + Convert.ToBase64String(SHA1.HashData(buffer.ToArray())) + "\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                context.Response.Headers.ContentType = default;
                return;
            }
        }

        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }
}
