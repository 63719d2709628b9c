using System;
using System.Linq;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Infisical.LocalServer;

/// <summary>Builds the web application shared by the command-line program and the embedded server.</summary>
internal static class ServerHost
{
    /// <summary>Builds (does not start) the application. <paramref name="url"/> null = 127.0.0.1 on <see cref="LocalServerOptions.Port"/>.</summary>
    public static WebApplication Build(LocalServerOptions options, string? url = null)
    {
        var seed = options.Seed ?? (options.SeedFile != null ? SeedDocument.Load(options.SeedFile) : SeedDocument.Empty);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
        builder.Logging.SetMinimumLevel(options.LogLevel);

        // A failed start (e.g. port taken) is reported once, without a stack trace, by the caller.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        if (url != null)
        {
            builder.WebHost.UseUrls(url);
        }
        else
        {
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        }

        var clock = new ServerClock();
        var state = new ServerState(clock, options.Compatibility);
        SeedLoader.Apply(seed, state);
        var errors = new ApiErrors(options.Compatibility);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(clock);
        services.AddSingleton(state);
        services.AddSingleton(errors);
        services.AddSingleton<HmacJwt>();
        services.AddSingleton<TokenService>();
        services.AddSingleton(new TestControls(clock));
        services.AddSingleton(new LatencyInjector(options.Latency));
        services.AddSingleton(new RateLimiter(options.RateLimit ?? SeedLoader.ReadRateLimit(seed) ?? new RateLimitOptions(), clock));
        services.Configure<RouteOptions>(r => r.LowercaseUrls = false);

        var app = builder.Build();
        app.Use(ServerPipeline.GuardAsync);
        app.Use(ServerPipeline.LogAsync);
        app.Use(ServerPipeline.FaultAsync);
        app.Use(LatencyInjector.InvokeAsync);
        app.Use(QueryEncodingCheck.InvokeAsync);
        app.Use(ServerPipeline.HeadAsGetAsync);
        app.UseRouting();
        app.Use(RateLimiter.InvokeAsync);
        app.Use(ServerPipeline.ETagAsync);
        MapModules(app);
        app.MapFallback("{**path}", (HttpContext http) => ApiErrors.RouteNotFound(http.Request.Method, (http.Request.Path.Value ?? "/") + http.Request.QueryString.Value));
        return app;
    }

    // Every IEndpointModule in this assembly maps itself, so features are added without touching this file.
    private static void MapModules(IEndpointRouteBuilder routes)
    {
        var modules = typeof(ServerHost).Assembly.GetTypes()
            .Where(t => typeof(IEndpointModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in modules)
        {
            ((IEndpointModule)Activator.CreateInstance(type)!).Map(routes);
        }
    }
}
