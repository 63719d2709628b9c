using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Infisical.Benchmarks.Shared;
using Infisical.Client;
using Infisical.LocalServer;

/// <summary>
/// An in-process local server seeded with <see cref="BenchSeed"/>, plus logged-in clients: one uncached, one with the
/// default read cache, and a bare <see cref="HttpClient"/> carrying the same token (the floor).
/// </summary>
internal sealed class LoopbackFixture : IAsyncDisposable
{
    private LoopbackFixture(LocalInfisicalServer server, InfisicalClient uncached, InfisicalClient cached, HttpClient bare)
    {
        Server = server;
        Uncached = uncached;
        Cached = cached;
        Bare = bare;
    }

    public LocalInfisicalServer Server { get; }

    public InfisicalClient Uncached { get; }

    public InfisicalClient Cached { get; }

    public HttpClient Bare { get; }

    public static GetSecretOptions GetOptions { get; } = new()
    {
        ProjectId = BenchSeed.ProjectId, EnvironmentSlug = BenchSeed.Environment, SecretPath = BenchSeed.GetPath, SecretName = BenchSeed.GetName,
    };

    public static ListSecretsOptions ListOptions(int count) => new()
    {
        ProjectId = BenchSeed.ProjectId, EnvironmentSlug = BenchSeed.Environment, SecretPath = BenchSeed.ListPath(count),
    };

    public static async Task<LoopbackFixture> StartAsync()
    {
        var server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(BenchSeed.Json()) });
        var uncached = await LoginAsync(server, cacheTtl: null);
        var cached = await LoginAsync(server, TimeSpan.FromHours(1));
        var bare = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", uncached.Auth.AccessToken);
        return new LoopbackFixture(server, uncached, cached, bare);
    }

    /// <summary>The path and query our client sent last, so the floor issues exactly the same request.</summary>
    public async Task<string> RouteOurClientSendsAsync(Func<Task> call)
    {
        Server.Controls.ClearRequests();
        await call();
        var last = Server.Controls.Requests.Last();
        return last.Path + last.Query;
    }

    public async ValueTask DisposeAsync()
    {
        Uncached.Dispose();
        Cached.Dispose();
        Bare.Dispose();
        await Server.DisposeAsync();
    }

    private static async Task<InfisicalClient> LoginAsync(LocalInfisicalServer server, TimeSpan? cacheTtl)
    {
        var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, CacheTtl = cacheTtl });
        await client.Auth.UniversalAuth.LoginAsync(BenchSeed.ClientId, BenchSeed.ClientSecret);
        return client;
    }
}
