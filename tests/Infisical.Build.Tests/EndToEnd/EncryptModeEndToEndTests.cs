using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Infisical.LocalServer;
using Xunit;

namespace Infisical.Build.Tests.EndToEnd;

/// <summary>
/// InfisicalMode=encrypt from the packed nupkg: the build leaves no value in any byte under bin/, obj/ or the
/// publish folder, a warm build and a 304 revalidation make no KMS call, and the built app, given credentials in
/// its environment, reads every value with exactly one KMS decrypt request.
/// </summary>
[Collection(PackagedBuildCollection.Name)]
public sealed class EncryptModeEndToEndTests
{
    private readonly PackagedBuildFixture _fixture;

    public EncryptModeEndToEndTests(PackagedBuildFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task An_encrypted_build_leaves_no_plaintext_rebuilds_without_requests_and_the_app_decrypts_once()
    {
        await using var server = await PackagedBuildFixture.StartServerAsync();
        var dir = await RuntimePackage.CreateWebAppAsync(_fixture, "EncryptedWebApp", RuntimePackageEndToEndTests.Program, $"""
            <InfisicalMode>encrypt</InfisicalMode>
            <InfisicalKmsKeyName>{Seeds.KmsKeyName}</InfisicalKmsKeyName>
            """);
        var env = PackagedBuildFixture.CredentialsFor(server, Path.Combine(dir, ".token-cache"));

        var cold = await _fixture.BuildAsync(dir, env, "-p:InfisicalEnv=dev");
        Assert.True(cold.ExitCode == 0, cold.Output);
        BuildLog.AssertNoSecretIn(cold.Output, Seeds.AwkwardDev);
        Assert.Equal(1, BuildLog.Logins(server));
        Assert.Equal(new[] { 200 }, BuildLog.Lists(server));

        // The snapshot is sealed for the store (one encrypt), opened for the merge (one decrypt), and the settings
        // are sealed once more for the file (one encrypt): the key name is looked up once per task.
        Assert.Equal(2, Kms(server, "encrypt"));
        Assert.Equal(1, Kms(server, "decrypt"));
        var file = Path.Combine(dir, "bin", "Debug", "net10.0", "appsettings.Infisical.json");
        Assert.StartsWith("{\n  \"format\": \"infisical-encrypted-settings\",", File.ReadAllText(file), StringComparison.Ordinal);
        AssertNoPlaintextUnder(Path.Combine(dir, "bin"), Path.Combine(dir, "obj"));
        var built = File.ReadAllBytes(file);

        // Warm: within the refresh interval nothing is asked of the server, KMS included.
        server.Controls.ClearRequests();
        var warm = await _fixture.BuildAsync(dir, env, "-p:InfisicalEnv=dev");
        Assert.True(warm.ExitCode == 0, warm.Output);
        Assert.Equal(0, BuildLog.Requests(server));

        // Forced refresh: a 304 keeps the sealed snapshot, so nothing is re-encrypted and the file is unchanged.
        var refreshed = await _fixture.BuildAsync(dir, env, "-p:InfisicalEnv=dev", "-p:InfisicalRefresh=true");
        Assert.True(refreshed.ExitCode == 0, refreshed.Output);
        Assert.Equal(new[] { 304 }, BuildLog.Lists(server));
        Assert.Equal(0, Kms(server, "encrypt") + Kms(server, "decrypt"));
        Assert.Equal(built, File.ReadAllBytes(file));

        // Publish (Release, so its own intermediate files, sealed anew from the stored snapshot): the encrypted file
        // goes along by default; still no plaintext anywhere.
        var publish = await _fixture.DotnetAsync(dir, new[] { "publish", "--no-restore", "-nologo", "-p:InfisicalEnv=dev", "-o", Path.Combine(dir, "publish") }, env);
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "bin", "Release", "net10.0", "appsettings.Infisical.json")), File.ReadAllBytes(Path.Combine(dir, "publish", "appsettings.Infisical.json")));
        Assert.Equal(built, File.ReadAllBytes(file));
        AssertNoPlaintextUnder(Path.Combine(dir, "bin"), Path.Combine(dir, "obj"), Path.Combine(dir, "publish"));

        // The app, with credentials in its environment: one login, one KMS decrypt, every value.
        server.Controls.ClearRequests();
        var runEnvironment = _fixture.Environment(PackagedBuildFixture.CredentialsFor(server));
        runEnvironment["Logging__LogLevel__Default"] = "Information";
        await using (var app = await RunningApp.StartAsync(dir, runEnvironment))
        {
            Assert.Equal(RuntimePackageEndToEndTests.Hash(Seeds.AwkwardDev["ConnectionStrings__Db"]), await app.GetAsync("/hash?key=ConnectionStrings:Db"));
            Assert.Equal(RuntimePackageEndToEndTests.Hash(Seeds.AwkwardDev["MULTILINE"]), await app.GetAsync("/hash?key=MULTILINE"));
            Assert.Equal(RuntimePackageEndToEndTests.Hash(Seeds.AwkwardDev["UNICODE"]), await app.GetAsync("/hash?key=UNICODE"));
            Assert.Equal(1, Kms(server, "decrypt"));
            Assert.Equal(0, Kms(server, "encrypt"));
            Assert.Equal(1, BuildLog.Logins(server));
        }
    }

    [Fact]
    public async Task Encrypt_mode_refuses_a_dotenv_output_and_a_missing_key_with_their_codes()
    {
        var dir = await _fixture.CreateProjectAsync("EncryptRefusals");

        var dotenv = await _fixture.BuildAsync(dir, _fixture.Credentials(), "-p:InfisicalEnv=dev", "-p:InfisicalMode=encrypt", "-p:InfisicalKmsKeyName=" + Seeds.KmsKeyName, "-p:InfisicalOutputFormat=json%3Bdotenv");
        var noKey = await _fixture.BuildAsync(dir, _fixture.Credentials(), "-p:InfisicalEnv=dev", "-p:InfisicalMode=encrypt");

        Assert.NotEqual(0, dotenv.ExitCode);
        Assert.Contains("INFB053", dotenv.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, noKey.ExitCode);
        Assert.Contains("INFB051", noKey.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "obj", "infisical", "store")), "nothing may be fetched before the settings are valid");
    }

    private static int Kms(LocalInfisicalServer server, string operation) =>
        server.Controls.Requests.Count(r => r.Method == "POST" && r.Path.StartsWith("/api/v1/kms/keys/", StringComparison.Ordinal) && r.Path.EndsWith("/" + operation, StringComparison.Ordinal));

    /// <summary>Every byte of every file: no seeded value, nor any line or quoted piece of one, in any encoding the outputs use.</summary>
    private static void AssertNoPlaintextUnder(params string[] roots)
    {
        var pieces = Seeds.AwkwardDev.Values
            .SelectMany(v => v.Split('\n', '"', '\\').Select(p => p.Trim()).Append(v))
            .Where(p => p.Length >= 6)
            .Distinct()
            .Select(p => (Text: p, Bytes: Encoding.UTF8.GetBytes(p)))
            .ToList();
        var scanned = 0;
        foreach (var file in roots.Where(Directory.Exists).SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories)))
        {
            var bytes = File.ReadAllBytes(file);
            scanned++;
            foreach (var (_, needle) in pieces)
            {
                Assert.False(bytes.AsSpan().IndexOf(needle) >= 0, $"A seeded value fragment ({needle.Length} bytes) is in {file}.");
            }
        }

        Assert.True(scanned > 10, "the scan found too few files to mean anything");
    }
}
