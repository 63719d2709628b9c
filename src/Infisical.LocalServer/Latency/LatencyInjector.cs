using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Infisical.LocalServer;

/// <summary>
/// Holds the current <see cref="LatencyProfile"/> and delays each API request by its route class's figure before
/// the handler runs. Control routes (<c>/__test/…</c>) are never delayed.
/// </summary>
internal sealed class LatencyInjector
{
    private volatile LatencyProfile profile;

    public LatencyInjector(LatencyProfile? initial) => profile = Copy(initial);

    /// <summary>A copy of the profile in force (changing it changes nothing).</summary>
    public LatencyProfile Current => Copy(profile);

    /// <summary>Replaces the profile; null means no added latency.</summary>
    public void Set(LatencyProfile? value) => profile = Copy(value);

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var current = context.RequestServices.GetRequiredService<LatencyInjector>().profile;
        var delay = current.IsZero ? 0 : current.For(RouteClassifier.Classify(context.Request.Method, context.Request.Path.Value ?? "/"));
        if (delay > 0)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await next(context);
    }

    // Copied both ways so a caller mutating its object cannot change delays of requests in flight.
    private static LatencyProfile Copy(LatencyProfile? p) => p == null
        ? new LatencyProfile()
        : new LatencyProfile { LoginMilliseconds = p.LoginMilliseconds, ListMilliseconds = p.ListMilliseconds, GetMilliseconds = p.GetMilliseconds, OtherMilliseconds = p.OtherMilliseconds };
}
