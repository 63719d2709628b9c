using System.Security.Cryptography;
using System.Text;
using Infisical.Client.Kms;

namespace Infisical.Client.Tests.Kms;

/// <summary>Encryption, decryption, signing and verification through the client against the local server.</summary>
public sealed class KmsCryptoTests
{
    [Fact]
    public async Task EncryptThenDecryptRoundTrips()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var plaintext = Encoding.UTF8.GetBytes("My secret message");

        var ciphertext = await client.Kms.EncryptAsync(KmsSeed.KnownKeyId, plaintext);
        var decrypted = await client.Kms.DecryptToBytesAsync(KmsSeed.KnownKeyId, ciphertext);

        Assert.Equal(plaintext, decrypted);
        Assert.Equal(12 + 17 + 16 + 3, Convert.FromBase64String(ciphertext).Length);
    }

    [Fact]
    public async Task TheCiphertextIsRealAesGcmUnderTheSeededKey()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var plaintext = Encoding.UTF8.GetBytes("independently checked");

        var blob = Convert.FromBase64String(await client.Kms.EncryptAsync(KmsSeed.KnownKeyId, plaintext));

        // IV[12] ‖ ciphertext ‖ tag[16] ‖ "v01", decrypted here with .NET's AES-GCM and the seeded key.
        Assert.Equal("v01", Encoding.ASCII.GetString(blob, blob.Length - 3, 3));
        var body = blob.AsSpan(0, blob.Length - 3);
        var recovered = new byte[body.Length - 28];
        using var aes = new AesGcm(KmsSeed.KnownKeyMaterial, 16);
        aes.Decrypt(body[..12], body.Slice(12, recovered.Length), body[^16..], recovered);
        Assert.Equal(plaintext, recovered);
    }

    [Fact]
    public async Task EncryptingTheSameDataTwiceGivesDifferentCiphertexts()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var first = await client.Kms.EncryptAsync(KmsSeed.KnownKeyId, "c2FtZQ==");
        var second = await client.Kms.EncryptAsync(KmsSeed.KnownKeyId, "c2FtZQ==");

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task ATamperedCiphertextIsRefused()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var blob = Convert.FromBase64String(await client.Kms.EncryptAsync(KmsSeed.KnownKeyId, "dGFtcGVyIG1l"));
        blob[14] ^= 0x01;

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Kms.DecryptAsync(KmsSeed.KnownKeyId, Convert.ToBase64String(blob)));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("CryptographyError", error.Error);
    }

    [Fact]
    public async Task CiphertextFromOneKeyDoesNotDecryptUnderAnother()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var other = await client.Kms.CreateKeyAsync(new CreateKmsKeyOptions { ProjectId = KmsSeed.ProjectId, Name = "other" });
        var ciphertext = await client.Kms.EncryptAsync(KmsSeed.KnownKeyId, "aGVsbG8=");

        await Assert.ThrowsAsync<InfisicalApiException>(() => client.Kms.DecryptAsync(other.Id, ciphertext));
    }

    [Fact]
    public async Task PlaintextOver4096BytesIsRejectedBeforeSending()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var justFits = Convert.ToBase64String(new byte[4096]);
        var tooBig = Convert.ToBase64String(new byte[4097]);

        await client.Kms.EncryptAsync(KmsSeed.KnownKeyId, justFits);
        var sent = h.Controls.Count("/api/v1/kms/keys/" + KmsSeed.KnownKeyId + "/encrypt");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Kms.EncryptAsync(KmsSeed.KnownKeyId, tooBig));
        var bytesError = await Assert.ThrowsAsync<ArgumentException>(() => client.Kms.EncryptAsync(KmsSeed.KnownKeyId, new byte[5000]));

        Assert.Equal("base64Plaintext", error.ParamName);
        Assert.Contains("4097 bytes", error.Message);
        Assert.Contains("at most 4096", error.Message);
        Assert.Equal("plaintext", bytesError.ParamName);
        Assert.Equal(1, sent);
        Assert.Equal(sent, h.Controls.Count("/api/v1/kms/keys/" + KmsSeed.KnownKeyId + "/encrypt"));
    }

    [Fact]
    public async Task NonBase64PlaintextIsRejectedBeforeSending()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Kms.EncryptAsync(KmsSeed.KnownKeyId, "not base64!"));

        Assert.Contains("base64", error.Message);
        Assert.Equal(0, h.Controls.Count("/api/v1/kms/keys/" + KmsSeed.KnownKeyId + "/encrypt"));
    }

    [Fact]
    public async Task ASeededDisabledKeyRefusesToEncrypt()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Kms.EncryptAsync(KmsSeed.DisabledKeyId, "aGVsbG8="));

        Assert.Equal("Key is disabled", Assert.Single(error.Messages));
    }

    [Fact]
    public async Task EcdsaKeysSignAndVerifyAndThePublicKeyVerifiesLocally()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var key = await client.Kms.CreateKeyAsync(new CreateKmsKeyOptions
        {
            ProjectId = KmsSeed.ProjectId, Name = "ec-signer", KeyUsage = KmsKeyUsage.SignVerify,
            EncryptionAlgorithm = KmsEncryptionAlgorithm.EccNistP256,
        });
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes("release 1.2.3"));

        var algorithms = await client.Kms.GetSigningAlgorithmsAsync(key.Id);
        var signature = await client.Kms.SignAsync(key.Id, data, KmsSigningAlgorithm.EcdsaSha256);
        var valid = await client.Kms.VerifyAsync(key.Id, data, signature.Signature, KmsSigningAlgorithm.EcdsaSha256);
        var tampered = await client.Kms.VerifyAsync(key.Id, Convert.ToBase64String(Encoding.UTF8.GetBytes("release 1.2.4")), signature.Signature, KmsSigningAlgorithm.EcdsaSha256);
        var publicKey = await client.Kms.GetPublicKeyAsync(key.Id);

        Assert.Equal(new[] { "ECDSA_SHA_256" }, algorithms);
        Assert.Equal("sign-verify", key.KeyUsage);
        Assert.Equal(key.Id, signature.KeyId);
        Assert.Equal("ECDSA_SHA_256", signature.SigningAlgorithm);
        Assert.True(valid.SignatureValid);
        Assert.False(tampered.SignatureValid);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
        Assert.True(ecdsa.VerifyData(Convert.FromBase64String(data), Convert.FromBase64String(signature.Signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public async Task RsaKeysSignWithPssAndPkcs1AndDigests()
    {
        await using var h = await KmsSeed.StartAsync();

        // The server generates a real RSA-4096 key: on a loaded 2-core machine that alone can pass 10 s.
        using var client = await KmsSeed.LoginAsync(h, o => o.Timeout = TimeSpan.FromSeconds(60));
        var key = await client.Kms.CreateKeyAsync(new CreateKmsKeyOptions
        {
            ProjectId = KmsSeed.ProjectId, Name = "rsa-signer", KeyUsage = KmsKeyUsage.SignVerify,
            EncryptionAlgorithm = KmsEncryptionAlgorithm.Rsa4096,
        });
        var message = Encoding.UTF8.GetBytes("artifact bytes");
        var data = Convert.ToBase64String(message);
        var digest = Convert.ToBase64String(SHA384.HashData(message));

        var pss = await client.Kms.SignAsync(key.Id, data, KmsSigningAlgorithm.RsassaPssSha256);
        var pkcs1Digest = await client.Kms.SignAsync(key.Id, digest, KmsSigningAlgorithm.RsassaPkcs1V15Sha384, isDigest: true);
        var algorithms = await client.Kms.GetSigningAlgorithmsAsync(key.Id);

        Assert.True((await client.Kms.VerifyAsync(key.Id, data, pss.Signature, KmsSigningAlgorithm.RsassaPssSha256)).SignatureValid);
        Assert.False((await client.Kms.VerifyAsync(key.Id, data, pss.Signature, KmsSigningAlgorithm.RsassaPkcs1V15Sha256)).SignatureValid);
        Assert.Equal(6, algorithms.Count);
        Assert.All(algorithms, a => Assert.True(KmsWireNames.TryParseSigningAlgorithm(a, out _)));
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(await client.Kms.GetPublicKeyAsync(key.Id)), out _);
        Assert.Equal(512, Convert.FromBase64String(pkcs1Digest.Signature).Length);
        Assert.True(rsa.VerifyData(message, Convert.FromBase64String(pkcs1Digest.Signature), HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task KeysRefuseOperationsOfTheOtherUsage()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var signer = await client.Kms.CreateKeyAsync(new CreateKmsKeyOptions
        {
            ProjectId = KmsSeed.ProjectId, Name = "ec-only", KeyUsage = KmsKeyUsage.SignVerify,
            EncryptionAlgorithm = KmsEncryptionAlgorithm.EccNistP256,
        });

        var encryptWithSigner = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Kms.EncryptAsync(signer.Id, "aGVsbG8="));
        var signWithAes = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Kms.SignAsync(KmsSeed.KnownKeyId, "aGVsbG8=", KmsSigningAlgorithm.EcdsaSha256));
        var wrongScheme = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Kms.SignAsync(signer.Id, "aGVsbG8=", KmsSigningAlgorithm.RsassaPssSha256));

        Assert.Equal(HttpStatusCode.BadRequest, encryptWithSigner.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signWithAes.StatusCode);
        Assert.Contains("not supported", Assert.Single(wrongScheme.Messages));
    }

    [Fact]
    public async Task KmsCallsAreNeverCached()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        using var cached = await KmsSeed.LoginAsync(h, o => o.CacheTtl = TimeSpan.FromMinutes(5));

        await cached.Kms.GetKeyByIdAsync(KmsSeed.KnownKeyId);
        await cached.Kms.GetKeyByIdAsync(KmsSeed.KnownKeyId);

        Assert.Equal(2, h.Controls.Count("/api/v1/kms/keys/" + KmsSeed.KnownKeyId, "GET"));
    }
}
