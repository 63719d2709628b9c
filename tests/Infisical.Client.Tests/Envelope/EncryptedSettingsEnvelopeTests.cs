using System.Security.Cryptography;
using System.Text;
using Infisical.Client.Envelope;
using Infisical.Client.Kms;
using Infisical.Client.Tests.Kms;

namespace Infisical.Client.Tests.Envelope;

/// <summary>Encrypted settings envelopes against the local server's real AES-GCM KMS.</summary>
public sealed class EncryptedSettingsEnvelopeTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\n  \"Stripe\": {\n    \"ApiKey\": \"sk_envelope_test_value\"\n  }\n}\n");

    private static EnvelopeHeader Header(LocalServerHarness h, string keyId = KmsSeed.KnownKeyId, string env = "dev") =>
        new(keyId, h.BaseUrl, KmsSeed.ProjectId, env);

    private static int KmsCalls(LocalServerHarness h, string verb) =>
        h.Controls.Settled().Count(r => r.Path.StartsWith("/api/v1/kms/keys/", StringComparison.Ordinal) && r.Path.EndsWith("/" + verb, StringComparison.Ordinal));

    [Fact]
    public async Task RoundTripsWithOneEncryptAndOneDecryptCall()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var file = await EncryptedSettingsEnvelope.EncryptAsync(Payload, Header(h), client.Kms);
        var back = await EncryptedSettingsEnvelope.DecryptAsync(file, client.Kms, new EnvelopeExpectations { Environment = "dev" });

        Assert.Equal(Payload, back);
        Assert.Equal(1, KmsCalls(h, "encrypt"));
        Assert.Equal(1, KmsCalls(h, "decrypt"));
        Assert.DoesNotContain("sk_envelope_test_value", EnvelopeEdit.Text(file), StringComparison.Ordinal);
        // Only the 32-byte data key went to KMS: its ciphertext is IV[12] + 32 bytes + tag[16] + "v01".
        Assert.Equal(12 + 32 + 16 + 3, Convert.FromBase64String(EnvelopeEdit.Value(file, "wrappedKey")).Length);
    }

    [Fact]
    public async Task TheHeaderIsReadableWithoutKms()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var file = await EncryptedSettingsEnvelope.EncryptAsync(Payload, Header(h), client.Kms);

        var header = EncryptedSettingsEnvelope.ReadHeader(file);

        Assert.Equal((KmsSeed.KnownKeyId, h.BaseUrl, KmsSeed.ProjectId, "dev"), (header.KmsKeyId, header.Host, header.ProjectId, header.Environment));
        Assert.Equal(0, KmsCalls(h, "decrypt"));
    }

    [Fact]
    public async Task EachWriteUsesAFreshDataKeyAndNonce()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var first = await EncryptedSettingsEnvelope.EncryptAsync(Payload, Header(h), client.Kms);
        var second = await EncryptedSettingsEnvelope.EncryptAsync(Payload, Header(h), client.Kms);

        Assert.NotEqual(EnvelopeEdit.Value(first, "wrappedKey"), EnvelopeEdit.Value(second, "wrappedKey"));
        Assert.NotEqual(EnvelopeEdit.Value(first, "nonce"), EnvelopeEdit.Value(second, "nonce"));
        Assert.NotEqual(EnvelopeEdit.Value(first, "ciphertext"), EnvelopeEdit.Value(second, "ciphertext"));
    }

    [Theory]
    [InlineData("kmsKeyId")]
    [InlineData("host")]
    [InlineData("projectId")]
    [InlineData("environment")]
    [InlineData("wrappedKey")]
    [InlineData("nonce")]
    [InlineData("headerSha256")]
    public async Task AChangedHeaderByteIsTamperingOfTheHeaderAndCallsNoKms(string field)
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var file = await EncryptedSettingsEnvelope.EncryptAsync(Payload, Header(h), client.Kms);
        var changed = EnvelopeEdit.WithCharChanged(file, EnvelopeEdit.ValueOffset(file, field) + 1);

        var error = await Assert.ThrowsAsync<EncryptedSettingsTamperedException>(() => EncryptedSettingsEnvelope.DecryptAsync(changed, client.Kms));

        Assert.Equal(EnvelopeRegion.Header, error.Region);
        Assert.Equal(0, KmsCalls(h, "decrypt"));
    }

    [Theory]
    [InlineData("ciphertext", 1)]
    [InlineData("ciphertext", 40)]
    [InlineData("tag", 1)]
    [InlineData("tag", 10)]
    public async Task AChangedPayloadOrTagByteIsTamperingOfThePayload(string field, int at)
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var file = await EncryptedSettingsEnvelope.EncryptAsync(Payload, Header(h), client.Kms);
        var changed = EnvelopeEdit.WithCharChanged(file, EnvelopeEdit.ValueOffset(file, field) + at);

        var error = await Assert.ThrowsAsync<EncryptedSettingsTamperedException>(() => EncryptedSettingsEnvelope.DecryptAsync(changed, client.Kms));

        Assert.Equal(EnvelopeRegion.Payload, error.Region);
    }

    [Theory]
    [InlineData("{\n  \"format\"", "{\n \"format\"")]
    [InlineData("\"version\": 1", "\"version\": 2")]
    [InlineData("\"cipher\": \"AES-256-GCM\"", "\"cipher\": \"AES-128-GCM\"")]
    [InlineData("}\n", "}\r\n")]
    [InlineData("\"format\": \"infisical-encrypted-settings\"", "\"format\": \"infisical-encrypted-settingz\"")]
    public async Task AChangedStructuralByteIsAFormatError(string from, string to)
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var file = await EncryptedSettingsEnvelope.EncryptAsync(Payload, Header(h), client.Kms);
        var text = EnvelopeEdit.Text(file);
        var changed = Encoding.ASCII.GetBytes(text.Substring(0, text.IndexOf(from, StringComparison.Ordinal)) + to + text.Substring(text.IndexOf(from, StringComparison.Ordinal) + from.Length));

        await Assert.ThrowsAsync<EncryptedSettingsFormatException>(() => EncryptedSettingsEnvelope.DecryptAsync(changed, client.Kms));
    }

    [Fact]
    public async Task ASwappedEnvironmentWithARecomputedDigestFailsTheTag()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var file = await EncryptedSettingsEnvelope.EncryptAsync(Payload, Header(h), client.Kms);
        var swapped = EnvelopeEdit.WithField(file, "environment", "prod", fixDigest: true);

        var error = await Assert.ThrowsAsync<EncryptedSettingsTamperedException>(() => EncryptedSettingsEnvelope.DecryptAsync(swapped, client.Kms));

        Assert.Equal(EnvelopeRegion.Payload, error.Region);
    }

    [Fact]
    public async Task AFileForAnotherEnvironmentIsAMismatchBeforeAnyKmsCall()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var file = await EncryptedSettingsEnvelope.EncryptAsync(Payload, Header(h, env: "staging"), client.Kms);

        var error = await Assert.ThrowsAsync<EncryptedSettingsMismatchException>(
            () => EncryptedSettingsEnvelope.DecryptAsync(file, client.Kms, new EnvelopeExpectations { Environment = "prod" }));

        Assert.Equal(("environment", "prod", "staging"), (error.Field, error.Expected, error.Actual));
        Assert.Equal(0, KmsCalls(h, "decrypt"));
    }

    [Fact]
    public async Task ASwappedKeyIdIsAKeyError()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var other = await client.Kms.CreateKeyAsync(new CreateKmsKeyOptions { ProjectId = KmsSeed.ProjectId, Name = "envelope-other" });
        var file = await EncryptedSettingsEnvelope.EncryptAsync(Payload, Header(h), client.Kms);
        var swapped = EnvelopeEdit.WithField(file, "kmsKeyId", other.Id, fixDigest: true);

        var error = await Assert.ThrowsAsync<EncryptedSettingsKeyException>(() => EncryptedSettingsEnvelope.DecryptAsync(swapped, client.Kms));

        Assert.Equal(other.Id, error.KeyId);
        Assert.IsType<InfisicalApiException>(error.InnerException);
    }

    [Fact]
    public async Task ADeletedKeyIsAKeyError()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var key = await client.Kms.CreateKeyAsync(new CreateKmsKeyOptions { ProjectId = KmsSeed.ProjectId, Name = "envelope-gone" });
        var file = await EncryptedSettingsEnvelope.EncryptAsync(Payload, Header(h, key.Id), client.Kms);
        await client.Kms.DeleteKeyAsync(key.Id);

        var error = await Assert.ThrowsAsync<EncryptedSettingsKeyException>(() => EncryptedSettingsEnvelope.DecryptAsync(file, client.Kms));

        Assert.Equal(key.Id, error.KeyId);
        Assert.DoesNotContain("sk_envelope_test_value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AOneMegabytePayloadRoundTrips()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var payload = RandomNumberGenerator.GetBytes(1 << 20);

        var file = await EncryptedSettingsEnvelope.EncryptAsync(payload, Header(h), client.Kms);

        Assert.Equal(payload, await EncryptedSettingsEnvelope.DecryptAsync(file, client.Kms));
        Assert.Equal(1, KmsCalls(h, "encrypt"));
    }

    [Fact]
    public async Task EveryOneByteChangeAnywhereIsRefusedWithATypedError()
    {
        // A stub wrapper: this makes one read per byte of the file, which would be hundreds of KMS calls.
        var wrapper = new LocalStubKeyWrapper();
        var file = await EncryptedSettingsEnvelope.EncryptAsync(Payload, new EnvelopeHeader("k1", "https://h.example", "p1", "dev"), wrapper);
        Assert.Equal(Payload, await EncryptedSettingsEnvelope.DecryptAsync(file, wrapper));

        for (var i = 0; i < file.Length; i++)
        {
            var changed = (byte[])file.Clone();
            changed[i] ^= 0x01;
            await Assert.ThrowsAnyAsync<EncryptedSettingsException>(() => EncryptedSettingsEnvelope.DecryptAsync(changed, wrapper));
        }
    }
}
