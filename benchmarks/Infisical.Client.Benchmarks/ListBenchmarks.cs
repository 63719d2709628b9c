using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Infisical.Client;

/// <summary>
/// Listing a folder of 10, 1,000 and 10,000 secrets (uncached), and parsing the same response body alone. The server
/// runs in a child process, so the time includes its work but the allocations are the client's alone. The "Alloc/Payload" column divides the bytes
/// allocated per list by the size of the response body the server sends, measured once in setup.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(ListBenchmarks.Config))]
public class ListBenchmarks
{
    /// <summary>Response body bytes per list size, read by <see cref="AllocationRatioColumn"/>.</summary>
    internal static readonly ConcurrentDictionary<int, long> PayloadBytes = new();

    private LoopbackFixture _fixture = null!;
    private ListSecretsOptions _options = null!;
    private byte[] _body = System.Array.Empty<byte>();

    [Params(10, 1000, 10000)]
    public int Secrets { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _fixture = await LoopbackFixture.StartAsync(childProcess: true);
        _options = LoopbackFixture.ListOptions(Secrets);
        var route = await _fixture.RouteOurClientSendsAsync(() => _fixture.Uncached.Secrets.ListAsync(_options));
        _body = await _fixture.Bare.GetByteArrayAsync(route);
        PayloadBytes[Secrets] = _body.Length;
    }

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config()
        {
            Add(new ShortInProcessConfig());
            AddColumn(new AllocationRatioColumn(c => PayloadBytes.TryGetValue((int)c.Parameters["Secrets"], out var n) ? n : null));
        }
    }

    [GlobalCleanup]
    public Task Cleanup() => _fixture.DisposeAsync().AsTask();

    [Benchmark(Description = "List secrets, uncached")]
    public Task<ListSecretsResponse> List() => _fixture.Uncached.Secrets.ListAsync(_options);

    // The client's parse of the same body alone (shape checks included), no HTTP and no server: what our code costs.
    [Benchmark(Description = "Parse list body only (client JSON)")]
    public object Parse() => System.Text.Json.JsonSerializer.Deserialize(_body, Infisical.Client.Json.ClientJsonContext.Default.ListSecretsWire)!;
}
