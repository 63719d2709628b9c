using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Infisical.Client.Tests.Auth.Fakes;

/// <summary>
/// A cloud instance-metadata service on 127.0.0.1 (a real HTTP server): the real link-local endpoints cannot
/// exist here. Each handler checks the request the way the cloud does (required headers, query) before answering.
/// </summary>
public sealed class FakeMetadataServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeMetadataServer(WebApplication app, Uri baseUri, ConcurrentQueue<string> log)
    {
        _app = app;
        BaseUri = baseUri;
        Log = log;
    }

    public Uri BaseUri { get; }

    /// <summary>Every request seen, as "METHOD path?query".</summary>
    public ConcurrentQueue<string> Log { get; }

    public static async Task<FakeMetadataServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var log = new ConcurrentQueue<string>();
        app.Use(async (context, next) =>
        {
            log.Enqueue(context.Request.Method + " " + context.Request.Path + context.Request.QueryString);
            await next(context);
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeMetadataServer(app, new Uri(address), log);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Azure IMDS: requires <c>Metadata: true</c> and api-version 2018-02-01; answers the given token for the given resource.</summary>
    public static Task<FakeMetadataServer> AzureAsync(string resource, string accessToken) => StartAsync(app =>
        app.MapGet("/metadata/identity/oauth2/token", (HttpContext http) =>
        {
            if (http.Request.Headers["Metadata"] != "true" || http.Request.Query["api-version"] != "2018-02-01")
            {
                return Results.Json(new { error = "invalid_request", error_description = "Required metadata header not specified" }, statusCode: 400);
            }

            if (http.Request.Query["resource"] != resource)
            {
                return Results.Json(new { error = "invalid_resource" }, statusCode: 400);
            }

            return Results.Json(new { access_token = accessToken, token_type = "Bearer", resource });
        }));

    /// <summary>GCP metadata server: requires <c>Metadata-Flavor: Google</c> and format=full; returns <paramref name="mintToken"/>(audience).</summary>
    public static Task<FakeMetadataServer> GcpAsync(Func<string, string> mintToken) => StartAsync(app =>
        app.MapGet("/computeMetadata/v1/instance/service-accounts/default/identity", (HttpContext http) =>
        {
            if (http.Request.Headers["Metadata-Flavor"] != "Google" || http.Request.Query["format"] != "full")
            {
                return Results.Text("Missing Metadata-Flavor:Google header.", statusCode: 403);
            }

            return Results.Text(mintToken(http.Request.Query["audience"].ToString()));
        }));

    /// <summary>EC2 IMDSv2: a PUT for a session token, then the identity document only with that token.</summary>
    public static Task<FakeMetadataServer> Ec2Async(string region) => StartAsync(app =>
    {
        const string sessionToken = "imds-session-token-1";
        app.MapPut("/latest/api/token", (HttpContext http) =>
            string.IsNullOrEmpty(http.Request.Headers["X-aws-ec2-metadata-token-ttl-seconds"])
                ? Results.StatusCode(400)
                : Results.Text(sessionToken));
        app.MapGet("/latest/dynamic/instance-identity/document", (HttpContext http) =>
            http.Request.Headers["X-aws-ec2-metadata-token"] != sessionToken
                ? Results.StatusCode(401)
                : Results.Json(new { region, accountId = "123456789012", instanceId = "i-0abc" }));
    });
}
