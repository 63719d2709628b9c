using System.Security.Cryptography;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Infisical.Benchmarks.Shared;

/// <summary>
/// One KMS encrypt plus one decrypt of a 32-byte data key (what an envelope write and read each cost in KMS calls),
/// against the local server's real AES-256-GCM on loopback.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(ShortInProcessConfig))]
public class KmsBenchmarks
{
    private readonly byte[] _dataKey = RandomNumberGenerator.GetBytes(32);
    private LoopbackFixture _fixture = null!;

    [GlobalSetup]
    public async Task Setup() => _fixture = await LoopbackFixture.StartAsync();

    [GlobalCleanup]
    public Task Cleanup() => _fixture.DisposeAsync().AsTask();

    [Benchmark(Description = "KMS encrypt + decrypt round trip (32 B)")]
    public async Task<byte[]> RoundTrip()
    {
        var ciphertext = await _fixture.Uncached.Kms.EncryptAsync(BenchSeed.KmsKeyId, _dataKey);
        return await _fixture.Uncached.Kms.DecryptToBytesAsync(BenchSeed.KmsKeyId, ciphertext);
    }
}
