using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Infisical.Client.Envelope;

/// <summary>
/// Encrypting and decrypting a 1 MB settings payload as an envelope: LOCAL CRYPTO ONLY. The KMS wrap/unwrap of the
/// 32-byte data key is replaced by <see cref="LocalStubKeyWrapper"/> (AES-GCM under an in-process key), so the figures
/// leave out the one KMS round trip a real write or read makes. "Managed" rows run the GCM that netstandard2.0 /
/// .NET Framework MSBuild uses; the others run the platform AesGcm (.NET 8+).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(ShortInProcessConfig))]
public class EnvelopeBenchmarks
{
    private readonly LocalStubKeyWrapper _wrapper = new();
    private readonly EnvelopeHeader _header = new("bench-key", "https://app.infisical.com", "bench-project", "prod");
    private byte[] _payload = Array.Empty<byte>();
    private byte[] _file = Array.Empty<byte>();
    private byte[] _key = Array.Empty<byte>();
    private byte[] _nonce = Array.Empty<byte>();
    private byte[] _aad = Array.Empty<byte>();
    private byte[] _cipher = Array.Empty<byte>();
    private byte[] _tag = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        // Settings-shaped JSON (ASCII keys and values) rather than random bytes, ~1 MiB.
        var json = new System.Text.StringBuilder("{\n");
        for (var i = 0; json.Length < (1 << 20) - 64; i++)
        {
            json.Append("  \"Section").Append(i).Append("\": { \"Key\": \"").Append(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))).Append("\" },\n");
        }

        json.Append("  \"End\": true\n}\n");
        _payload = System.Text.Encoding.UTF8.GetBytes(json.ToString());
        _file = EncryptedSettingsEnvelope.EncryptAsync(_payload, _header, _wrapper).GetAwaiter().GetResult();
        _key = RandomNumberGenerator.GetBytes(32);
        _nonce = RandomNumberGenerator.GetBytes(12);
        _aad = RandomNumberGenerator.GetBytes(200);
        _cipher = new byte[_payload.Length];
        _tag = new byte[16];
    }

    [Benchmark(Description = "Envelope encrypt 1 MB (platform AesGcm, stub KMS)")]
    public Task<byte[]> EnvelopeEncrypt() => EncryptedSettingsEnvelope.EncryptAsync(_payload, _header, _wrapper);

    [Benchmark(Description = "Envelope decrypt 1 MB (platform AesGcm, stub KMS)")]
    public Task<byte[]> EnvelopeDecrypt() => EncryptedSettingsEnvelope.DecryptAsync(_file, _wrapper);

    [Benchmark(Description = "Managed AES-256-GCM encrypt 1 MB (net472 build path)")]
    public byte[] ManagedEncrypt()
    {
        ManagedAesGcm.Encrypt(_key, _nonce, _payload, _cipher, _tag, _aad);
        return _cipher;
    }
}

/// <summary>STUB, benchmarks only: wraps the data key with AES-GCM under an in-process key instead of Infisical KMS.</summary>
public sealed class LocalStubKeyWrapper : IDataKeyWrapper
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public Task<string> WrapAsync(string keyId, byte[] dataKey, CancellationToken cancellationToken)
    {
        var blob = new byte[12 + dataKey.Length + 16];
        RandomNumberGenerator.Fill(blob.AsSpan(0, 12));
        using var gcm = new AesGcm(_key, 16);
        gcm.Encrypt(blob.AsSpan(0, 12), dataKey, blob.AsSpan(12, dataKey.Length), blob.AsSpan(12 + dataKey.Length));
        return Task.FromResult(Convert.ToBase64String(blob));
    }

    public Task<byte[]> UnwrapAsync(string keyId, string wrappedKey, CancellationToken cancellationToken)
    {
        var blob = Convert.FromBase64String(wrappedKey);
        var dataKey = new byte[blob.Length - 28];
        using var gcm = new AesGcm(_key, 16);
        gcm.Decrypt(blob.AsSpan(0, 12), blob.AsSpan(12, dataKey.Length), blob.AsSpan(blob.Length - 16), dataKey);
        return Task.FromResult(dataKey);
    }
}
