using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Text;
using Infisical.Build.Core.Encryption;
using Infisical.Client;
using Infisical.Client.Envelope;
using Infisical.LocalServer;
using Xunit;

namespace Infisical.Build.Core.Tests.Encryption;

/// <summary>Encrypt mode's settings checks and envelope writer, against the local server's KMS.</summary>
public sealed class EncryptedOutputWriterTests : IAsyncLifetime, IDisposable
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
    public async Task A_key_name_is_resolved_once_and_one_encrypt_call_wraps_the_key()
    {
        var path = Path.Combine(_dir, "appsettings.Infisical.encrypted.json");
        var mode = EncryptModeSettings.Parse("encrypt", null, "settings-key", OutputFormats.Parse("json"));

        var used = await EncryptedOutputWriter.WriteAsync(path, Json, mode, _server.BaseUrl, ProjectId, "dev", _client.Kms, CancellationToken.None);

        Assert.Equal(KeyId, used);
        var paths = _server.Controls.Requests.Select(r => r.Method + " " + r.Path).ToList();
        Assert.Equal(new[] { "GET /api/v1/kms/keys/key-name/settings-key", "POST /api/v1/kms/keys/" + KeyId + "/encrypt" }, paths);
        var bytes = File.ReadAllBytes(path);
        Assert.DoesNotContain("sk_core_encrypt_value", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_dir));
        var back = await EncryptedSettingsEnvelope.DecryptAsync(bytes, _client.Kms, new EnvelopeExpectations { Environment = "dev", ProjectId = ProjectId });
        Assert.Equal(Json, Encoding.UTF8.GetString(back));
    }

    [Fact]
    public async Task An_unknown_key_name_is_INFB054()
    {
        var mode = EncryptModeSettings.Parse("encrypt", null, "no-such-key", OutputFormats.Parse("json"));

        var error = await Assert.ThrowsAsync<InfisicalBuildException>(() => EncryptedOutputWriter.WriteAsync(
            Path.Combine(_dir, "x.json"), Json, mode, _server.BaseUrl, ProjectId, "dev", _client.Kms, CancellationToken.None));

        Assert.Equal(InfisicalBuildErrors.KmsKeyNotFound, error.Code);
        Assert.False(Directory.Exists(_dir));
    }

    [Fact]
    public async Task An_unknown_key_id_is_INFB055_and_writes_nothing()
    {
        var mode = EncryptModeSettings.Parse("encrypt", "e6000000-0000-4000-8000-00000000dead", null, OutputFormats.Parse("json"));

        var error = await Assert.ThrowsAsync<InfisicalBuildException>(() => EncryptedOutputWriter.WriteAsync(
            Path.Combine(_dir, "x.json"), Json, mode, _server.BaseUrl, ProjectId, "dev", _client.Kms, CancellationToken.None));

        Assert.Equal(InfisicalBuildErrors.KmsEncryptFailed, error.Code);
        Assert.False(Directory.Exists(_dir));
    }

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
