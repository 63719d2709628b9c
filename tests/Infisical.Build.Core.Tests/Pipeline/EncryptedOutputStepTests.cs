using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Build.Core.Encryption;
using Infisical.Build.Core.Snapshots;
using Infisical.Client;
using Infisical.Client.Envelope;
using Infisical.LocalServer;
using Xunit;

namespace Infisical.Build.Core.Tests.Pipeline;

/// <summary>Encrypt mode's write step against the local server's KMS: sealed snapshots in, an envelope out, and no request when nothing changed.</summary>
public sealed class EncryptedOutputStepTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "infisical-encstep-" + Guid.NewGuid().ToString("N"));
    private LocalInfisicalServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(Seeds.Document(Seeds.AwkwardDev)) });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Writes_only_an_envelope_and_makes_no_request_when_nothing_changed()
    {
        var snapshots = new[] { await SealedAsync(Source(), ("STRIPE_KEY", "sk_step_value_1")), await SealedAsync(Source("/db"), ("Db__Password", "db-step-value-2")) };
        var request = Request();
        _server.Controls.ClearRequests();

        var first = await Step().RunAsync(snapshots, request, StatePath, CancellationToken.None);

        Assert.Empty(first.Errors);
        Assert.Equal(new[] { "decrypt", "decrypt", "encrypt" }, KmsCalls());
        var file = File.ReadAllBytes(request.JsonPath!);
        Assert.DoesNotContain("sk_step_value_1", Encoding.UTF8.GetString(file), StringComparison.Ordinal);
        using var client = await ClientAsync();
        var payload = Encoding.UTF8.GetString(await EncryptedSettingsEnvelope.DecryptAsync(file, client.Kms, new EnvelopeExpectations { Environment = "dev", ProjectId = Seeds.ProjectId, KmsKeyId = Seeds.KmsKeyId }));
        Assert.Contains("\"Password\": \"db-step-value-2\"", payload, StringComparison.Ordinal);
        Assert.Contains("STRIPE_KEY", File.ReadAllText(request.ManifestPath), StringComparison.Ordinal);

        _server.Controls.ClearRequests();
        var step = Step();
        var again = await step.RunAsync(snapshots, Request(), StatePath, CancellationToken.None);
        Assert.True(step.WasCurrent);
        Assert.Empty(again.Errors);
        Assert.Empty(_server.Controls.Requests);
        Assert.Equal(file, File.ReadAllBytes(request.JsonPath!));

        // A changed render setting (a required name) is a new description: the file is made again.
        var required = Request();
        required.RequiredSecrets = new[] { "STRIPE_KEY" };
        var remade = Step();
        Assert.Empty((await remade.RunAsync(snapshots, required, StatePath, CancellationToken.None)).Errors);
        Assert.False(remade.WasCurrent);
        Assert.NotEqual(file, File.ReadAllBytes(request.JsonPath!));
    }

    [Fact]
    public async Task A_deleted_file_is_made_again_and_render_errors_write_nothing()
    {
        var snapshots = new[] { await SealedAsync(Source(), ("A", "v1")) };
        Assert.Empty((await Step().RunAsync(snapshots, Request(), StatePath, CancellationToken.None)).Errors);
        File.Delete(Request().JsonPath!);

        var step = Step();
        Assert.Empty((await step.RunAsync(snapshots, Request(), StatePath, CancellationToken.None)).Errors);
        Assert.False(step.WasCurrent);
        Assert.True(File.Exists(Request().JsonPath!));

        var clashing = new[] { await SealedAsync(Source("/x"), ("A", "v1"), ("A__B", "v2")) };
        var before = File.ReadAllBytes(Request().JsonPath!);
        _server.Controls.ClearRequests();
        var result = await Step().RunAsync(clashing, Request(), StatePath, CancellationToken.None);
        Assert.Equal(InfisicalBuildErrors.KeyConflict, Assert.Single(result.Errors).Code);
        Assert.Equal(new[] { "decrypt" }, KmsCalls());
        Assert.Equal(before, File.ReadAllBytes(Request().JsonPath!));
    }

    [Fact]
    public async Task Sources_on_two_hosts_are_INFB057_before_any_request()
    {
        var here = await SealedAsync(Source(), ("A", "v1"));
        var there = SecretSnapshot.FromStore(Source(host: "https://other.example"), here.FetchedAt, null, here.SealedEnvelope!, 1);
        _server.Controls.ClearRequests();

        var error = await Assert.ThrowsAsync<InfisicalBuildException>(() => Step().RunAsync(new[] { here, there }, Request(), StatePath, CancellationToken.None));

        Assert.Equal(InfisicalBuildErrors.EncryptSourcesDiffer, error.Code);
        Assert.Contains("https://other.example", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Controls.Requests);
    }

    private string StatePath => Path.Combine(_dir, "out", "infisical.encrypt.state");

    private OutputRequest Request() => new()
    {
        JsonPath = Path.Combine(_dir, "out", "appsettings.Infisical.json"),
        ManifestPath = Path.Combine(_dir, "out", "infisical.manifest.json"),
    };

    private static EncryptModeSettings Mode() => EncryptModeSettings.Parse("encrypt", null, Seeds.KmsKeyName, OutputFormats.Parse("json"));

    private EncryptedOutputStep Step()
    {
        var env = Seeds.UniversalAuth();
        var tokens = new TokenCache(Path.Combine(_dir, "tokens"));
        return new EncryptedOutputStep(Mode(), () => new SnapshotFetcher(new CredentialResolver(n => env.GetValueOrDefault(n)).Resolve(), tokens, TimeSpan.FromSeconds(20), new Redactor()), new Redactor());
    }

    private async Task<SecretSnapshot> SealedAsync(SourceSpec source, params (string Name, string Value)[] secrets)
    {
        using var client = await ClientAsync();
        var plain = new SecretSnapshot(source, DateTimeOffset.UtcNow, null, secrets.Select(s => new FetchedSecret(s.Name, source.SecretPath, s.Value)).ToList());
        return await new KmsSealer(Mode()).SealAsync(plain, client, CancellationToken.None);
    }

    private async Task<InfisicalClient> ClientAsync()
    {
        var client = new InfisicalClient(new InfisicalClientOptions { Host = _server.BaseUrl });
        await client.Auth.UniversalAuth.LoginAsync(Seeds.ClientId, Seeds.ClientSecret);
        return client;
    }

    private List<string> KmsCalls() => _server.Controls.Requests
        .Where(r => r.Method == "POST" && r.Path.StartsWith("/api/v1/kms/keys/", StringComparison.Ordinal))
        .Select(r => r.Path[(r.Path.LastIndexOf('/') + 1)..]).ToList();

    private SourceSpec Source(string path = "/", string? host = null) =>
        new(host ?? _server.BaseUrl, Seeds.ProjectId, null, "dev", path, false, true, true, null);
}
