using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Infisical.Benchmarks.Shared;
using Infisical.Client;

namespace Infisical.PeerComparison;

/// <summary>
/// One logged-in caller: our client (uncached or with its read cache), or a bare <see cref="HttpClient"/> sending the
/// very requests our client sends (their path and query are read back from the server's request log), the floor.
/// </summary>
internal sealed class Target : IAsyncDisposable
{
    private readonly InfisicalClient? _client;
    private readonly HttpClient? _bare;
    private readonly string _getRoute;
    private readonly string _listRoute;

    private Target(InfisicalClient? client, HttpClient? bare, string getRoute, string listRoute)
    {
        _client = client;
        _bare = bare;
        _getRoute = getRoute;
        _listRoute = listRoute;
    }

    public static GetSecretOptions Get { get; } = new()
    {
        ProjectId = BenchSeed.ProjectId, EnvironmentSlug = BenchSeed.Environment, SecretPath = BenchSeed.GetPath, SecretName = BenchSeed.GetName,
    };

    public static ListSecretsOptions List { get; } = new()
    {
        ProjectId = BenchSeed.ProjectId, EnvironmentSlug = BenchSeed.Environment, SecretPath = BenchSeed.ListPath(1000),
    };

    public static async Task<Target> CreateAsync(string url, string kind)
    {
        var client = new InfisicalClient(new InfisicalClientOptions { Host = url, CacheTtl = kind == "cached" ? TimeSpan.FromHours(1) : null });
        await client.Auth.UniversalAuth.LoginAsync(BenchSeed.ClientId, BenchSeed.ClientSecret);
        if (kind != "bare")
        {
            return new Target(client, null, string.Empty, string.Empty);
        }

        using var control = new HttpClient { BaseAddress = new Uri(url) };
        await control.DeleteAsync("/__test/requests");
        await client.Secrets.GetByNameAsync(Get);
        await client.Secrets.ListAsync(List);
        using var log = JsonDocument.Parse(await control.GetStringAsync("/__test/requests"));
        var requests = log.RootElement.GetProperty("requests");
        string Route(int i) => requests[i].GetProperty("path").GetString() + requests[i].GetProperty("query").GetString();
        var bare = new HttpClient { BaseAddress = new Uri(url) };
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", client.Auth.AccessToken);
        var target = new Target(null, bare, Route(requests.GetArrayLength() - 2), Route(requests.GetArrayLength() - 1));
        client.Dispose();
        return target;
    }

    public async Task GetAsync()
    {
        if (_client != null)
        {
            await _client.Secrets.GetByNameAsync(Get);
            return;
        }

        using var response = await _bare!.GetAsync(_getRoute);
        await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
    }

    public async Task ListAsync()
    {
        if (_client != null)
        {
            await _client.Secrets.ListAsync(List);
            return;
        }

        using var response = await _bare!.GetAsync(_listRoute);
        await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _bare?.Dispose();
        return ValueTask.CompletedTask;
    }
}
