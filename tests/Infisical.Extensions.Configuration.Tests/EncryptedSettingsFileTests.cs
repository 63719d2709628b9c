using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Infisical.Client;
using Infisical.Client.Envelope;
using Infisical.LocalServer;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Infisical.Extensions.Configuration.Tests;

/// <summary>AddInfisicalSettings on a file built with InfisicalMode=encrypt, opened through the local server's KMS.</summary>
public sealed class EncryptedSettingsFileTests : IAsyncLifetime, IDisposable
{
    private const string ProjectId = "e7000000-0000-4000-8000-000000000001";
    private const string KeyId = "e7000000-0000-4000-8000-0000000000c1";
    private const string ClientId = "enc-runtime-client";
    private const string ClientSecret = "enc-runtime-client-secret";
    private const string Payload = "{\n  \"Stripe\": {\n    \"ApiKey\": \"sk_runtime_value_42\"\n  },\n  \"PLAIN_NAME\": \"plain-value-77\"\n}\n";

    private const string Seed = $$"""
        { "identities": [ { "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}" } ],
          "projects": [ { "id": "{{ProjectId}}", "slug": "enc-rt", "environments": [ "dev", "prod" ],
            "kmsKeys": [ { "id": "{{KeyId}}", "name": "settings-key" } ] } ] }
        """;

    private readonly TempDir _dir = new();
    private LocalInfisicalServer _server = null!;
    private InfisicalClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(Seed), EnableTestControls = true });
        _client = new InfisicalClient(new InfisicalClientOptions { Host = _server.BaseUrl });
        await _client.Auth.UniversalAuth.LoginAsync(ClientId, ClientSecret);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Opens_with_credentials_from_the_environment_and_one_KMS_decrypt_call()
    {
        var file = await EncryptedFileAsync("dev");
        _server.Controls.ClearRequests();

        var config = new ConfigurationBuilder().AddInfisicalSettings(o => Options(o, file, Environment())).Build();

        Assert.Equal("sk_runtime_value_42", config["Stripe:ApiKey"]);
        Assert.Equal("plain-value-77", config["PLAIN_NAME"]);
        var requests = _server.Controls.Requests.Select(r => r.Method + " " + r.Path).ToList();
        Assert.Equal(new[] { "POST /api/v1/auth/universal-auth/login", "POST /api/v1/kms/keys/" + KeyId + "/decrypt" }, requests);
    }

    [Fact]
    public async Task A_one_byte_change_anywhere_in_the_file_is_refused_with_an_envelope_exception()
    {
        var file = await EncryptedFileAsync("dev");
        var original = File.ReadAllBytes(file);
        var token = InfisicalAuth.Token(_client.Auth.AccessToken!);
        for (var i = 0; i < original.Length; i++)
        {
            var changed = (byte[])original.Clone();
            changed[i] = (byte)(changed[i] == (byte)'A' ? 'B' : 'A');
            File.WriteAllBytes(file, changed);

            var error = Record.Exception(() => new ConfigurationBuilder().AddInfisicalSettings(o => { Options(o, file, Environment()); o.Auth = token; }).Build());

            Assert.True(error is EncryptedSettingsException, $"byte {i}: {error?.GetType().Name ?? "no exception"}");
            Assert.DoesNotContain("sk_runtime_value_42", error!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_edited_header_field_is_refused_before_any_request()
    {
        var file = await EncryptedFileAsync("dev");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"environment\": \"dev\"", "\"environment\": \"prod\"", StringComparison.Ordinal));
        _server.Controls.ClearRequests();

        var error = Assert.Throws<EncryptedSettingsTamperedException>(() => new ConfigurationBuilder().AddInfisicalSettings(o => Options(o, file, Environment())).Build());

        Assert.Equal(EnvelopeRegion.Header, error.Region);
        Assert.Empty(_server.Controls.Requests);
    }

    [Fact]
    public async Task A_header_moved_between_two_files_with_its_digest_fails_authentication()
    {
        var dev = File.ReadAllText(await EncryptedFileAsync("dev"));
        var prod = File.ReadAllText(await EncryptedFileAsync("prod", "prod.json"));

        // The prod file's header (fields and digest) over the dev file's ciphertext and tag: each part is intact.
        var headerEnd = dev.IndexOf("  \"ciphertext\"", StringComparison.Ordinal);
        var spliced = prod[..prod.IndexOf("  \"ciphertext\"", StringComparison.Ordinal)] + dev[headerEnd..];
        var file = _dir.Write("spliced.json", spliced);

        var error = Assert.Throws<EncryptedSettingsTamperedException>(() => new ConfigurationBuilder().AddInfisicalSettings(o => Options(o, file, Environment())).Build());

        Assert.Equal(EnvelopeRegion.Payload, error.Region);
    }

    [Fact]
    public async Task A_deleted_key_is_a_key_exception_naming_it()
    {
        var file = await EncryptedFileAsync("dev");
        await _client.Kms.DeleteKeyAsync(KeyId);

        var error = Assert.Throws<EncryptedSettingsKeyException>(() => new ConfigurationBuilder().AddInfisicalSettings(o => Options(o, file, Environment())).Build());

        Assert.Equal(KeyId, error.KeyId);
        Assert.Contains(KeyId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_credentials_say_the_file_is_encrypted_and_which_variables_to_set()
    {
        var file = await EncryptedFileAsync("dev");
        _server.Controls.ClearRequests();

        var error = Assert.Throws<InfisicalConfigurationException>(() => new ConfigurationBuilder()
            .AddInfisicalSettings(o => Options(o, file, new Dictionary<string, string?> { ["INFISICAL_API_URL"] = _server.BaseUrl })).Build());

        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
        Assert.Contains("INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Controls.Requests);
    }

    [Fact]
    public async Task A_file_for_another_environment_than_expected_is_refused_before_any_request()
    {
        var file = await EncryptedFileAsync("dev");
        _server.Controls.ClearRequests();

        var error = Assert.Throws<EncryptedSettingsMismatchException>(() => new ConfigurationBuilder()
            .AddInfisicalSettings(o => { Options(o, file, Environment()); o.ExpectedEnvironment = "prod"; }).Build());

        Assert.Equal("environment", error.Field);
        Assert.Equal("prod", error.Expected);
        Assert.Equal("dev", error.Actual);
        Assert.Empty(_server.Controls.Requests);
    }

    [Fact]
    public async Task A_file_naming_another_host_than_the_app_uses_sends_no_credentials()
    {
        var file = await EncryptedFileAsync("dev");
        _server.Controls.ClearRequests();
        var environment = Environment();
        environment["INFISICAL_API_URL"] = "https://eu.infisical.com";

        var error = Assert.Throws<EncryptedSettingsMismatchException>(() => new ConfigurationBuilder().AddInfisicalSettings(o => Options(o, file, environment)).Build());

        Assert.Equal("host", error.Field);
        Assert.Equal(_client.Host, error.Actual);
        Assert.Empty(_server.Controls.Requests);
    }

    private async Task<string> EncryptedFileAsync(string environment, string name = "appsettings.Infisical.json")
    {
        var bytes = await EncryptedSettingsEnvelope.EncryptAsync(Encoding.UTF8.GetBytes(Payload), new EnvelopeHeader(KeyId, _client.Host, ProjectId, environment), _client.Kms);
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["INFISICAL_API_URL"] = _server.BaseUrl + "/api",
        ["INFISICAL_UNIVERSAL_AUTH_CLIENT_ID"] = ClientId,
        ["INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"] = ClientSecret,
    };

    private static void Options(InfisicalSettingsOptions o, string file, IReadOnlyDictionary<string, string?> environment)
    {
        o.Path = file;
        o.GetEnvironmentVariable = name => environment.TryGetValue(name, out var v) ? v : null;
    }
}
