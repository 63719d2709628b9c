using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Text;
using Infisical.Build.Core.Encryption;
using Infisical.Build.Core.Snapshots;
using Infisical.Client;
using Infisical.Client.Envelope;
using Infisical.LocalServer;
using Xunit;

namespace Infisical.Build.Core.Tests.Encryption;

/// <summary>Encrypt mode's settings checks and its sealer, against the local server's KMS.</summary>
public sealed class KmsSealerTests : IAsyncLifetime, IDisposable
{
    private const string ProjectId = "e5000000-0000-4000-8000-000000000001";
    private const string KeyId = "e6000000-0000-4000-8000-000000000001";
    private const string Json = "{\n  \"Stripe\": {\n    \"ApiKey\": \"sk_core_encrypt_value\"\n  }\n}\n";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "infisical-enc-" + Guid.NewGuid().ToString("N"));
    private LocalInfisicalServer _server = null!;
    private InfisicalClient _client = null!;

    public async Task InitializeAsync()
    {
        const string seed = $$"""
        {
          "identities": [ { "id": "e5000000-0000-4000-8000-0000000000aa", "name": "enc-bot", "clientId": "enc-client", "clientSecret": "enc-secret" } ],
          "projects": [ { "id": "{{ProjectId}}", "slug": "enc", "name": "Enc", "environments": [ "dev" ],
            "kmsKeys": [ { "id": "{{KeyId}}", "name": "settings-key" } ] } ]
        }
        """;
        _server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(seed), EnableTestControls = true });
        _client = new InfisicalClient(new InfisicalClientOptions { Host = _server.BaseUrl, CacheTtl = null });
        await _client.Auth.UniversalAuth.LoginAsync("enc-client", "enc-secret");
        _server.Controls.ClearRequests();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_key_name_is_resolved_once_and_each_seal_is_one_encrypt_call()
    {
        var sealer = new KmsSealer(EncryptModeSettings.Parse("encrypt", null, "settings-key", OutputFormats.Parse("json")));

        var first = await sealer.SealAsync(Encoding.UTF8.GetBytes(Json), Source(), _client, CancellationToken.None);
        var second = await sealer.SealAsync(Encoding.UTF8.GetBytes(Json), Source(), _client, CancellationToken.None);

        Assert.Equal(KeyId, sealer.KeyId);
        var paths = _server.Controls.Requests.Select(r => r.Method + " " + r.Path).ToList();
        var encrypt = "POST /api/v1/kms/keys/" + KeyId + "/encrypt";
        Assert.Equal(new[] { "GET /api/v1/kms/keys/key-name/settings-key", encrypt, encrypt }, paths);
        Assert.DoesNotContain("sk_core_encrypt_value", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        var back = await EncryptedSettingsEnvelope.DecryptAsync(Encoding.ASCII.GetBytes(first), _client.Kms, new EnvelopeExpectations { Environment = "dev", ProjectId = ProjectId, Host = _client.Host });
        Assert.Equal(Json, Encoding.UTF8.GetString(back));
    }

    [Fact]
    public async Task A_sealed_snapshot_holds_no_value_and_unseals_to_the_same_secrets()
    {
        var sealer = new KmsSealer(EncryptModeSettings.Parse("encrypt", KeyId, null, OutputFormats.Parse("json")));
        var plain = new SecretSnapshot(Source(), DateTimeOffset.UtcNow, "\"etag-1\"", new[] { new FetchedSecret("STRIPE_KEY", "/", "sk_core_encrypt_value"), new FetchedSecret("Db__Password", "/db", "pa\"ss\nword") });

        var sealedSnapshot = await sealer.SealAsync(plain, _client, CancellationToken.None);
        var store = new SnapshotStore(_dir, sealedEntries: true);
        var file = store.Write(sealedSnapshot);
        var text = File.ReadAllText(file);
        Assert.DoesNotContain("sk_core_encrypt_value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("STRIPE_KEY", text, StringComparison.Ordinal);
        var read = store.TryRead(Source())!;
        Assert.True(read.IsSealed);
        Assert.Equal(2, read.Count);
        Assert.Empty(read.Secrets);

        var open = await sealer.UnsealAsync(read, _client, CancellationToken.None);
        Assert.Equal(plain.Secrets.Select(s => (s.Name, s.Path, s.Value)), open.Secrets.Select(s => (s.Name, s.Path, s.Value)));
        Assert.Equal("\"etag-1\"", open.ETag);
    }

    [Fact]
    public void A_sealed_store_removes_the_plaintext_entry_a_pull_build_left()
    {
        var plainStore = new SnapshotStore(_dir);
        var plainFile = plainStore.Write(new SecretSnapshot(Source(), DateTimeOffset.UtcNow, null, new[] { new FetchedSecret("A", "/", "sk_core_encrypt_value") }));

        Assert.Null(new SnapshotStore(_dir, sealedEntries: true).TryRead(Source()));

        Assert.False(File.Exists(plainFile));
    }

    [Fact]
    public async Task An_unknown_key_name_is_INFB054()
    {
        var sealer = new KmsSealer(EncryptModeSettings.Parse("encrypt", null, "no-such-key", OutputFormats.Parse("json")));

        var error = await Assert.ThrowsAsync<InfisicalBuildException>(() => sealer.SealAsync(Encoding.UTF8.GetBytes(Json), Source(), _client, CancellationToken.None));

        Assert.Equal(InfisicalBuildErrors.KmsKeyNotFound, error.Code);
        Assert.Contains("no-such-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_id_is_INFB055()
    {
        var sealer = new KmsSealer(EncryptModeSettings.Parse("encrypt", "e6000000-0000-4000-8000-00000000dead", null, OutputFormats.Parse("json")));

        var error = await Assert.ThrowsAsync<InfisicalBuildException>(() => sealer.SealAsync(Encoding.UTF8.GetBytes(Json), Source(), _client, CancellationToken.None));

        Assert.Equal(InfisicalBuildErrors.KmsEncryptFailed, error.Code);
        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sealed_entry_for_another_host_is_INFB056_naming_the_fix()
    {
        var sealer = new KmsSealer(EncryptModeSettings.Parse("encrypt", KeyId, null, OutputFormats.Parse("json")));
        var sealedSnapshot = await sealer.SealAsync(new SecretSnapshot(Source(), DateTimeOffset.UtcNow, null, new[] { new FetchedSecret("A", "/", "v") }), _client, CancellationToken.None);
        var moved = SecretSnapshot.FromStore(Source("https://elsewhere.example"), sealedSnapshot.FetchedAt, null, sealedSnapshot.SealedEnvelope!, 1);

        var error = await Assert.ThrowsAsync<InfisicalBuildException>(() => sealer.UnsealAsync(moved, _client, CancellationToken.None));

        Assert.Equal(InfisicalBuildErrors.SealedEntryUnusable, error.Code);
        Assert.Contains("InfisicalRefresh=true", error.Message, StringComparison.Ordinal);
    }

    private SourceSpec Source(string? host = null) => new(host ?? _client.Host, ProjectId, null, "dev", "/", false, true, true, null);

    [Theory]
    [InlineData("decrypt", "k", null, "json", InfisicalBuildErrors.InvalidMode)]
    [InlineData("encrypt", null, null, "json", InfisicalBuildErrors.KmsKeyMissing)]
    [InlineData("encrypt", "k", "n", "json", InfisicalBuildErrors.KmsKeyAmbiguous)]
    [InlineData("encrypt", "k", null, "json;dotenv", InfisicalBuildErrors.DotEnvInEncryptMode)]
    public void Encrypt_mode_settings_problems_have_their_codes(string mode, string? keyId, string? keyName, string formats, string code)
    {
        var error = Assert.Throws<InfisicalBuildException>(() => EncryptModeSettings.Parse(mode, keyId, keyName, OutputFormats.Parse(formats)));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Pull_is_the_default_and_ignores_key_settings()
    {
        Assert.False(EncryptModeSettings.Parse(null, null, null, OutputFormats.Parse("json;dotenv")).Encrypt);
        Assert.False(EncryptModeSettings.Parse(" Pull ", "k", "n", OutputFormats.Parse("dotenv")).Encrypt);
    }
}
