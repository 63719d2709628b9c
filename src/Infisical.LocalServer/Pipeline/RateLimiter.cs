using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Infisical.LocalServer;

/// <summary>
/// Optional fixed-window limits per client IP and route, like @fastify/rate-limit on the real server (docs/infisical-api-notes.md, "Rate limits"; 2024 limits under "Older self-hosted servers (2024-07)").
/// Off unless enabled by options or the seed. Limited responses carry x-ratelimit-* headers; a 429 adds retry-after.
/// </summary>
internal sealed class RateLimiter
{
    private readonly object sync = new();
    private readonly Dictionary<string, (long WindowStart, int Count)> counters = new(StringComparer.Ordinal);
    private readonly RateLimitOptions options;
    private readonly ServerClock clock;

    /// <summary>Creates the limiter.</summary>
    public RateLimiter(RateLimitOptions options, ServerClock clock)
    {
        this.options = options;
        this.clock = clock;
    }

    /// <summary>Middleware entry; must run after routing so the route pattern is known.</summary>
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var limiter = context.RequestServices.GetRequiredService<RateLimiter>();
        return limiter.options.Enabled ? limiter.ApplyAsync(context, next) : next(context);
    }

    private async Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (route == null || TestControls.IsControlPath(path) || path == "/api/status")
        {
            await next(context);
            return;
        }

        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var limit = LimitFor(context.Request.Method, route);
        var now = clock.UtcNow.ToUnixTimeSeconds();
        int count;
        int globalCount;
        long reset;
        lock (sync)
        {
            count = Hit($"{ip} {context.Request.Method} {route}", now, out reset);
            globalCount = Hit($"{ip} *", now, out _);
        }

        var headers = context.Response.Headers;
        headers["x-ratelimit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining"] = Math.Max(0, limit - count).ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = reset.ToString(CultureInfo.InvariantCulture);
        if (count > limit || globalCount > options.GlobalLimit)
        {
            headers["retry-after"] = reset.ToString(CultureInfo.InvariantCulture);
            var errors = ApiErrors.From(context);
            var response = errors.IsLegacy
                ? errors.Error(429, "Too Many Requests", "Rate limit exceeded, retry in 1 minute")
                : errors.Error(429, "RateLimitExceeded", $"Rate limit exceeded. Please try again in {reset} seconds");
            await response.ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private int Hit(string key, long now, out long reset)
    {
        if (!counters.TryGetValue(key, out var entry) || now - entry.WindowStart >= options.WindowSeconds)
        {
            entry = (now, 0);
        }

        entry.Count++;
        counters[key] = entry;
        reset = Math.Max(1, entry.WindowStart + options.WindowSeconds - now);
        return entry.Count;
    }

    private int LimitFor(string method, string route)
    {
        if (route.Contains("/secrets", StringComparison.Ordinal) || route.Contains("/folders", StringComparison.Ordinal) ||
            route.Contains("/secret-imports", StringComparison.Ordinal))
        {
            return options.SecretsLimit;
        }

        return HttpMethods.IsGet(method) ? options.ReadLimit : options.WriteLimit;
    }
}
