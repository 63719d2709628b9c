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
/// Several sources, the production switches (required secrets, InfisicalWhenUnavailable, offline fallback) and
/// the checks that turn a typo into a coded error, each through a real build of the packed package.
/// </summary>
[Collection(PackagedBuildCollection.Name)]
public sealed class SourcesAndSwitchesTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["SHARED_KEY"] = "root-shared-Zq1", ["ROOT_ONLY"] = "root-only-Zq2", ["BACKEND_SHARED"] = "backend-shared-Zq3",
        ["BACKEND_ONLY"] = "backend-only-Zq4", ["DEEP"] = "deep-value-Zq5",
    };

    private readonly PackagedBuildFixture _fixture;

    public SourcesAndSwitchesTests(PackagedBuildFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Two_sources_merge_in_order_and_a_key_defined_by_both_is_a_warning_naming_both()
    {
        await using var server = await PackagedBuildFixture.StartServerAsync(Seed());
        var app = await _fixture.CreateProjectAsync("TwoSources", extraItems: "<InfisicalSource Include=\"/backend\" />");
        var env = PackagedBuildFixture.CredentialsFor(server);

        var build = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev");

        Assert.True(build.ExitCode == 0, build.Output);
        var warning = Assert.Single(BuildLog.Lines(build.Output, "warning INFB027").Distinct());
        Assert.Contains("'SHARED_KEY'", warning);
        Assert.Contains("path '/'", warning);
        Assert.Contains("path '/backend'", warning);
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(app, "bin", "Debug", "net10.0", "appsettings.Infisical.json")).Build();
        Assert.Equal(Values["BACKEND_SHARED"], config["SHARED_KEY"]); // the later source wins
        Assert.Equal(Values["ROOT_ONLY"], config["ROOT_ONLY"]);
        Assert.Equal(Values["BACKEND_ONLY"], config["BACKEND_ONLY"]);
        Assert.Equal(2, BuildLog.Lists(server).Count);
        BuildLog.AssertNoSecretIn(build.Output, Values);

        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(app, "obj", "Debug", "net10.0", "infisical", "infisical.manifest.json"))))
        {
            Assert.Equal(new[] { "/", "/backend" }, manifest.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("secretPath").GetString()));
            var sourceOf = manifest.RootElement.GetProperty("secrets").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("source").GetInt32());
            Assert.Equal(new Dictionary<string, int> { ["BACKEND_ONLY"] = 1, ["ROOT_ONLY"] = 0, ["SHARED_KEY"] = 1 }, sourceOf);
        }

        var strict = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-p:InfisicalDuplicateSecrets=error");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error INFB027", strict.Output);
    }

    [Fact]
    public async Task A_wrong_environment_or_folder_is_a_coded_error_and_an_empty_folder_a_warning()
    {
        await using var server = await PackagedBuildFixture.StartServerAsync(Seed());
        var app = await _fixture.CreateProjectAsync("Typos");
        var env = PackagedBuildFixture.CredentialsFor(server);

        var environment = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=prdo");
        Assert.NotEqual(0, environment.ExitCode);
        var error = Assert.Single(BuildLog.Lines(environment.Output, "error INFB040").Distinct());
        Assert.Contains("'prdo'", error);
        Assert.Contains("dev, prod", error);

        var folder = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-p:InfisicalSecretPath=/bakend");
        Assert.NotEqual(0, folder.ExitCode);
        Assert.Contains("'/bakend'", Assert.Single(BuildLog.Lines(folder.Output, "error INFB041").Distinct()));
        Assert.False(File.Exists(Path.Combine(app, "bin", "Debug", "net10.0", "appsettings.Infisical.json")));

        var empty = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-p:InfisicalSecretPath=/app");
        Assert.True(empty.ExitCode == 0, empty.Output);
        Assert.Contains("'/app'", Assert.Single(BuildLog.Lines(empty.Output, "warning INFB042").Distinct()));
    }

    [Fact]
    public async Task Every_missing_required_secret_is_its_own_error_in_one_build()
    {
        await using var server = await PackagedBuildFixture.StartServerAsync(Seed());
        var app = await _fixture.CreateProjectAsync(
            "Required", extraItems: "<InfisicalRequiredSecret Include=\"ROOT_ONLY;MISSING_ONE;MISSING_TWO\" />");

        var build = await _fixture.BuildAsync(app, PackagedBuildFixture.CredentialsFor(server), "-p:InfisicalEnv=dev");

        Assert.NotEqual(0, build.ExitCode);
        var errors = BuildLog.Lines(build.Output, "error INFB043").Distinct().ToList();
        Assert.Equal(2, errors.Count);
        Assert.Single(errors, e => e.Contains("'MISSING_ONE'", StringComparison.Ordinal));
        Assert.Single(errors, e => e.Contains("'MISSING_TWO'", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(app, "bin", "Debug", "net10.0", "appsettings.Infisical.json")));
    }

    [Fact]
    public async Task WhenUnavailable_decides_what_missing_credentials_and_a_stopped_server_do()
    {
        var server = await PackagedBuildFixture.StartServerAsync(Seed());
        var app = await _fixture.CreateProjectAsync("Unavailable");
        var json = Path.Combine(app, "bin", "Debug", "net10.0", "appsettings.Infisical.json");
        var noCredentials = new Dictionary<string, string?> { ["INFISICAL_API_URL"] = server.BaseUrl + "/api" };

        var error = await _fixture.BuildAsync(app, noCredentials, "-p:InfisicalEnv=dev");
        Assert.NotEqual(0, error.ExitCode);
        Assert.Contains("error INFB002", error.Output);

        var warn = await _fixture.BuildAsync(app, noCredentials, "-p:InfisicalEnv=dev", "-p:InfisicalWhenUnavailable=warn");
        Assert.True(warn.ExitCode == 0, warn.Output);
        Assert.Contains("INFB002", Assert.Single(BuildLog.Lines(warn.Output, "warning INFB017").Distinct()));
        Assert.False(File.Exists(json));

        var skip = await _fixture.BuildAsync(app, noCredentials, "-p:InfisicalEnv=dev", "-p:InfisicalWhenUnavailable=skip");
        Assert.True(skip.ExitCode == 0, skip.Output);
        Assert.DoesNotContain("warning INFB", skip.Output);
        Assert.Contains("Infisical: skipped", skip.Output);
        Assert.Equal(0, BuildLog.Requests(server));

        // A good build, then the server goes away: the same three answers, and the good file is never emptied.
        var env = PackagedBuildFixture.CredentialsFor(server);
        Assert.Equal(0, (await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev")).ExitCode);
        var good = File.ReadAllText(json);
        await server.DisposeAsync();

        var down = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-p:InfisicalRefresh=true");
        Assert.NotEqual(0, down.ExitCode);
        Assert.Contains("error INFB014", down.Output);
        var downWarn = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-p:InfisicalRefresh=true", "-p:InfisicalWhenUnavailable=warn");
        Assert.True(downWarn.ExitCode == 0, downWarn.Output);
        Assert.Contains("INFB014", Assert.Single(BuildLog.Lines(downWarn.Output, "warning INFB017").Distinct()));
        var downSkip = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-p:InfisicalRefresh=true", "-p:InfisicalWhenUnavailable=skip");
        Assert.True(downSkip.ExitCode == 0, downSkip.Output);
        Assert.DoesNotContain("warning INFB", downSkip.Output);
        Assert.Equal(good, File.ReadAllText(json));
    }

    [Fact]
    public async Task Offline_fallback_uses_the_stored_snapshot_only_when_the_server_is_unreachable_and_says_how_old_it_is()
    {
        var server = await PackagedBuildFixture.StartServerAsync(Seed());
        var app = await _fixture.CreateProjectAsync("Offline", extraProperties: "<InfisicalOfflineFallback>true</InfisicalOfflineFallback>");
        var env = PackagedBuildFixture.CredentialsFor(server);
        Assert.Equal(0, (await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev")).ExitCode);
        var json = Path.Combine(app, "bin", "Debug", "net10.0", "appsettings.Infisical.json");
        var good = File.ReadAllText(json);

        // Reachable: the fallback changes nothing (a forced refresh still asks the server).
        server.Controls.ClearRequests();
        var online = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-p:InfisicalRefresh=true");
        Assert.True(online.ExitCode == 0, online.Output);
        Assert.DoesNotContain("INFB018", online.Output);
        Assert.Equal(new[] { 304 }, BuildLog.Lists(server));
        await server.DisposeAsync();

        var offline = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-p:InfisicalRefresh=true");
        Assert.True(offline.ExitCode == 0, offline.Output);
        var warning = Assert.Single(BuildLog.Lines(offline.Output, "warning INFB018").Distinct());
        Assert.Matches(@"fetched \d+ s ago", warning);
        Assert.Equal(good, File.ReadAllText(json));

        var tooOld = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-p:InfisicalRefresh=true", "-p:InfisicalOfflineMaxAge=0");
        Assert.NotEqual(0, tooOld.ExitCode);
        Assert.Contains("older than InfisicalOfflineMaxAge", Assert.Single(BuildLog.Lines(tooOld.Output, "error INFB014").Distinct()));
    }

    [Fact]
    public async Task Dotnet_clean_leaves_no_secret_anywhere_under_obj_or_bin_of_a_multi_targeting_project()
    {
        await using var server = await PackagedBuildFixture.StartServerAsync(Seed());
        var app = await _fixture.CreateProjectAsync("CleanMulti", targetFrameworks: "net8.0;net10.0", extraProperties: "<InfisicalOutputFormat>json;dotenv</InfisicalOutputFormat>");
        var env = PackagedBuildFixture.CredentialsFor(server);

        var build = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Single(BuildLog.Lists(server));
        Assert.NotEmpty(FilesHoldingASecret(app));

        var clean = await _fixture.DotnetAsync(app, new[] { "clean", "-nologo", "-p:InfisicalEnv=dev" }, env);
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.Empty(FilesHoldingASecret(app));
    }

    /// <summary>Every file under obj/ and bin/ holding a seeded value, byte for byte.</summary>
    private static List<string> FilesHoldingASecret(string project) =>
        new[] { "obj", "bin" }.Select(d => Path.Combine(project, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => Values.Values.Any(v => File.ReadAllText(f).Contains(v, StringComparison.Ordinal)))
            .ToList();

    /// <summary>dev: two folders with one name in both, a nested folder, and an empty parent folder (/app).</summary>
    private static string Seed() => JsonSerializer.Serialize(new
    {
        identities = new[] { new { id = "3f2c1b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b", name = "build-tests", clientId = Seeds.ClientId, clientSecret = Seeds.ClientSecret } },
        projects = new[]
        {
            new
            {
                id = Seeds.ProjectId, slug = Seeds.ProjectSlug, name = "Build tests", environments = new[] { "dev", "prod" },
                secrets = new[]
                {
                    new { environment = "dev", path = "/", key = "SHARED_KEY", value = Values["SHARED_KEY"] },
                    new { environment = "dev", path = "/", key = "ROOT_ONLY", value = Values["ROOT_ONLY"] },
                    new { environment = "dev", path = "/backend", key = "SHARED_KEY", value = Values["BACKEND_SHARED"] },
                    new { environment = "dev", path = "/backend", key = "BACKEND_ONLY", value = Values["BACKEND_ONLY"] },
                    new { environment = "dev", path = "/app/db", key = "DEEP", value = Values["DEEP"] },
                },
            },
        },
    });
}
