using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Infisical.Client;

/// <summary>
/// Get-by-name against the in-process local server on loopback: our client without its cache, the same request
/// through a bare <see cref="HttpClient"/> (the floor: no parsing beyond reading the body), and a cached read.
/// Uncached figures include the server's own work, which runs in this process.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(ShortInProcessConfig))]
public class SecretReadBenchmarks
{
    private LoopbackFixture _fixture = null!;
    private string _route = string.Empty;

    [GlobalSetup]
    public async Task Setup()
    {
        _fixture = await LoopbackFixture.StartAsync();
        _route = await _fixture.RouteOurClientSendsAsync(() => _fixture.Uncached.Secrets.GetByNameAsync(LoopbackFixture.GetOptions));
        await _fixture.Cached.Secrets.GetByNameAsync(LoopbackFixture.GetOptions);
    }

    [GlobalCleanup]
    public Task Cleanup() => _fixture.DisposeAsync().AsTask();

    [Benchmark(Baseline = true, Description = "Get by name, bare HttpClient (floor)")]
    public async Task<string> BareGet()
    {
        using var response = await _fixture.Bare.GetAsync(_route, HttpCompletionOption.ResponseContentRead);
        return await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
    }

    [Benchmark(Description = "Get by name, uncached")]
    public Task<BaseSecret> GetUncached() => _fixture.Uncached.Secrets.GetByNameAsync(LoopbackFixture.GetOptions);

    [Benchmark(Description = "Get by name, cached")]
    public Task<BaseSecret> GetCached() => _fixture.Cached.Secrets.GetByNameAsync(LoopbackFixture.GetOptions);
}
