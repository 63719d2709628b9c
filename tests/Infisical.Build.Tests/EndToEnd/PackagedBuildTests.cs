using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Infisical.Build.Tests.EndToEnd;

/// <summary>
/// Real `dotnet build` runs of a throwaway console project that references the packed Infisical.Build package,
/// against the local server. Each build costs seconds, so each test checks several things of one scenario.
/// </summary>
[Collection(PackagedBuildCollection.Name)]
public sealed class PackagedBuildTests
{
    private readonly PackagedBuildFixture _fixture;

    public PackagedBuildTests(PackagedBuildFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Build_writes_exact_settings_leaks_nothing_and_a_second_build_rewrites_nothing()
    {
        var app = await _fixture.CreateProjectAsync("App", extraProperties: "<InfisicalOutputFormat>json;dotenv</InfisicalOutputFormat><InfisicalDotEnvDialect>node</InfisicalDotEnvDialect>");
        var binlog = Path.Combine(app, "build.binlog");

        var build = await _fixture.BuildAsync(app, _fixture.Credentials(), "-p:InfisicalEnv=dev", "-bl:" + binlog);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Single(Lines(build.Output, "Infisical: fetched"));

        // The paths are readable without building, and the files are where they say.
        var paths = await GetPropertiesAsync(app, "InfisicalJsonOutputPath", "InfisicalDotEnvOutputPath", "InfisicalManifestPath");
        Assert.Equal(Path.Combine(app, "bin", "Debug", "net10.0", "appsettings.Infisical.json"), paths["InfisicalJsonOutputPath"]);
        Assert.Equal(Path.Combine(app, "bin", "Debug", "net10.0", ".env"), paths["InfisicalDotEnvOutputPath"]);

        var truth = await ServerTruth.ListAsync(_fixture.Server.BaseUrl, "dev");
        Assert.Equal(Seeds.AwkwardDev["DOUBLE_QUOTES"], truth["DOUBLE_QUOTES"]);
        Assert.Equal(Seeds.AwkwardDev.Count, truth.Count);

        var config = new ConfigurationBuilder().AddJsonFile(paths["InfisicalJsonOutputPath"]).Build();
        Assert.Equal(truth.Count, config.AsEnumerable().Count(p => p.Value != null));
        foreach (var (key, value) in truth)
        {
            Assert.Equal(value, config[key.Replace("__", ":", StringComparison.Ordinal)]);
        }

        Assert.Equal(truth.OrderBy(p => p.Key), (await NpmDotEnv.ParseAsync(paths["InfisicalDotEnvOutputPath"])).OrderBy(p => p.Key));

        using (var manifest = JsonDocument.Parse(File.ReadAllText(paths["InfisicalManifestPath"])))
        {
            Assert.Equal(truth.Keys.OrderBy(k => k, StringComparer.Ordinal), manifest.RootElement.GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        }

        // Nothing secret in the console output or anywhere in the binary log.
        var replay = await BinlogText.ReplayAsync(_fixture, binlog);
        Assert.Contains("Infisical: fetched", replay);
        AssertNoSecretIn(build.Output, truth);
        AssertNoSecretIn(replay, truth);
        AssertNoSecretIn(File.ReadAllText(paths["InfisicalManifestPath"]), truth);

        // Nor in any other file of obj/ or bin/: only the generated settings and the snapshot store hold values.
        var holders = new[] { "appsettings.Infisical.json", ".env", ".snapshot.json" };
        foreach (var file in new[] { "obj", "bin" }.SelectMany(d => Directory.GetFiles(Path.Combine(app, d), "*", SearchOption.AllDirectories)))
        {
            if (!holders.Any(h => file.EndsWith(h, StringComparison.Ordinal)))
            {
                AssertNoSecretIn(File.ReadAllText(file), truth);
            }
        }

        // A second build fetches again but rewrites nothing.
        var generated = Directory.GetFiles(Path.Combine(app, "obj"), "*", SearchOption.AllDirectories).Where(f => f.Contains("infisical", StringComparison.Ordinal))
            .Concat(new[] { paths["InfisicalJsonOutputPath"], paths["InfisicalDotEnvOutputPath"] }).ToList();
        var stamps = generated.ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var second = await _fixture.BuildAsync(app, _fixture.Credentials(), "-p:InfisicalEnv=dev");
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(stamps, generated.ToDictionary(f => f, File.GetLastWriteTimeUtc));

        // The IDE's design-time evaluation sees the manifest as an AdditionalFiles item without fetching.
        var items = await _fixture.DotnetAsync(app, new[] { "msbuild", "-getItem:AdditionalFiles", "-p:InfisicalEnv=dev", "-p:DesignTimeBuild=true", "-nologo" });
        Assert.Contains("infisical.manifest.json", items.Output);
    }

    [Fact]
    public async Task Without_InfisicalEnv_or_in_a_design_time_build_nothing_is_fetched_or_written()
    {
        var app = await _fixture.CreateProjectAsync("Quiet");
        var before = SecretRequests();

        var plain = await _fixture.BuildAsync(app, _fixture.Credentials());
        var designTime = await _fixture.BuildAsync(app, _fixture.Credentials(), "-p:InfisicalEnv=dev", "-p:DesignTimeBuild=true");

        Assert.True(plain.ExitCode == 0, plain.Output);
        Assert.True(designTime.ExitCode == 0, designTime.Output);
        Assert.Equal(before, SecretRequests());
        Assert.Empty(Directory.GetDirectories(app, "infisical", SearchOption.AllDirectories));
        foreach (var name in new[] { "appsettings.Infisical.json", ".env", "infisical.manifest.json" })
        {
            Assert.Empty(Directory.GetFiles(app, name, SearchOption.AllDirectories));
        }
    }

    [Fact]
    public async Task Bad_credentials_fail_with_a_code_and_never_show_the_secret()
    {
        var app = await _fixture.CreateProjectAsync("Denied");
        var env = _fixture.Credentials();
        env["INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"] = "wrong-client-secret-Jm4";
        var binlog = Path.Combine(app, "denied.binlog");

        var denied = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-bl:" + binlog);
        var asProperty = await _fixture.BuildAsync(app, _fixture.Credentials(), "-p:InfisicalEnv=dev", "-p:InfisicalClientSecret=x");

        Assert.NotEqual(0, denied.ExitCode);
        Assert.Contains("error INFB010", denied.Output);
        Assert.DoesNotContain("wrong-client-secret-Jm4", denied.Output);
        Assert.DoesNotContain("wrong-client-secret-Jm4", await BinlogText.ReplayAsync(_fixture, binlog));
        Assert.DoesNotContain("   at ", denied.Output); // no stack trace
        Assert.False(File.Exists(Path.Combine(app, "bin", "Debug", "net10.0", "appsettings.Infisical.json")));

        Assert.NotEqual(0, asProperty.ExitCode);
        Assert.Contains("error INFB003", asProperty.Output);

        // A -p: switch named like the variable is caught too, and the message never repeats the value.
        var likeTheVariable = await _fixture.BuildAsync(app, _fixture.Credentials(), "-p:InfisicalEnv=dev", "-p:INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET=typed-on-the-command-line-Kq2");
        Assert.NotEqual(0, likeTheVariable.ExitCode);
        Assert.Contains("INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET", Assert.Single(Lines(likeTheVariable.Output, "error INFB003").Distinct()));
        Assert.DoesNotContain("typed-on-the-command-line-Kq2", string.Join("\n", Lines(likeTheVariable.Output, "error INFB003")));
    }

    [Fact]
    public async Task A_multi_targeting_project_fetches_once_for_all_target_frameworks()
    {
        var app = await _fixture.CreateProjectAsync("Multi", targetFrameworks: "net8.0;net10.0");
        var before = SecretRequests();

        var build = await _fixture.BuildAsync(app, _fixture.Credentials(), "-p:InfisicalEnv=dev");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Single(Lines(build.Output, "Infisical: fetched"));
        Assert.Equal(before + 1, SecretRequests());
        var net8 = File.ReadAllText(Path.Combine(app, "bin", "Debug", "net8.0", "appsettings.Infisical.json"));
        var net10 = File.ReadAllText(Path.Combine(app, "bin", "Debug", "net10.0", "appsettings.Infisical.json"));
        Assert.Equal(net8, net10);
        Assert.Contains("Zk15", net10);
    }

    private async Task<Dictionary<string, string>> GetPropertiesAsync(string project, params string[] names)
    {
        var result = await _fixture.DotnetAsync(project, new[] { "msbuild", "-nologo", "-p:InfisicalEnv=dev" }.Concat(names.Select(n => "-getProperty:" + n)));
        Assert.True(result.ExitCode == 0, result.Output);
        using var json = JsonDocument.Parse(result.Output);
        return names.ToDictionary(n => n, n => json.RootElement.GetProperty("Properties").GetProperty(n).GetString()!);
    }

    private int SecretRequests() => _fixture.Server.Controls.Requests.Count(r => r.Path.Contains("/secrets", StringComparison.Ordinal));

    private static IEnumerable<string> Lines(string output, string text) => BuildLog.Lines(output, text);

    private static void AssertNoSecretIn(string text, IReadOnlyDictionary<string, string> secrets) => BuildLog.AssertNoSecretIn(text, secrets);
}
