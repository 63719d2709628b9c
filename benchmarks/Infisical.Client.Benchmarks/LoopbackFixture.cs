using System;
using System.Text.Json;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Infisical.Benchmarks.Shared;
using Infisical.Client;
using Infisical.LocalServer;

/// <summary>
/// A local server seeded with <see cref="BenchSeed"/> (in this process, or in a child process), plus logged-in clients:
/// one uncached, one with the default read cache, and a bare <see cref="HttpClient"/> carrying the same token (the floor).
/// </summary>
internal sealed class LoopbackFixture : IAsyncDisposable
{
    private readonly LocalInfisicalServer? _server;
    private readonly ServerProcess? _process;

    private LoopbackFixture(LocalInfisicalServer? server, ServerProcess? process, InfisicalClient uncached, InfisicalClient cached, HttpClient bare)
    {
        _server = server;
        _process = process;
        Uncached = uncached;
        Cached = cached;
        Bare = bare;
    }

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

    public static async Task<LoopbackFixture> StartAsync(bool childProcess = false)
    {
        var server = childProcess ? null : await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(BenchSeed.Json()), EnableTestControls = true });
        var process = childProcess ? await ServerProcess.StartAsync() : null;
        var baseUrl = server?.BaseUrl ?? process!.BaseUrl;
        var uncached = await LoginAsync(baseUrl, cacheTtl: null);
        var cached = await LoginAsync(baseUrl, TimeSpan.FromHours(1));
        var bare = new HttpClient { BaseAddress = new Uri(baseUrl) };
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", uncached.Auth.AccessToken);
        return new LoopbackFixture(server, process, uncached, cached, bare);
    }

    /// <summary>The path and query our client sent last (from the server's request log), so the floor sends exactly that.</summary>
    public async Task<string> RouteOurClientSendsAsync(Func<Task> call)
    {
        using var control = new HttpClient { BaseAddress = Bare.BaseAddress };
        await control.DeleteAsync("/__test/requests");
        await call();
        using var log = JsonDocument.Parse(await control.GetStringAsync("/__test/requests"));
        var requests = log.RootElement.GetProperty("requests");
        var last = requests[requests.GetArrayLength() - 1];
        return last.GetProperty("path").GetString() + last.GetProperty("query").GetString();
    }

    public async ValueTask DisposeAsync()
    {
        Uncached.Dispose();
        Cached.Dispose();
        Bare.Dispose();
        _process?.Dispose();
        if (_server != null)
        {
            await _server.DisposeAsync();
        }
    }

    private static async Task<InfisicalClient> LoginAsync(string baseUrl, TimeSpan? cacheTtl)
    {
        var client = new InfisicalClient(new InfisicalClientOptions { Host = baseUrl, CacheTtl = cacheTtl });
        await client.Auth.UniversalAuth.LoginAsync(BenchSeed.ClientId, BenchSeed.ClientSecret);
        return client;
    }
}
