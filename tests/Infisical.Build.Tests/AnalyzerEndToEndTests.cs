using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Infisical.Build.Tests.EndToEnd;
using Infisical.Build.Tests.Support;
using Xunit;

namespace Infisical.Build.Tests;

/// <summary>
/// The analyzer as users get it: packed in the Infisical.Build nupkg (analyzers/dotnet/cs), fed the manifest the
/// real build writes, reporting INF001 in `dotnet build` output. Reuses the packaged-build fixture.
/// </summary>
[Collection(PackagedBuildCollection.Name)]
public sealed class AnalyzerEndToEndTests
{
    private readonly PackagedBuildFixture _fixture;

    public AnalyzerEndToEndTests(PackagedBuildFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_misspelled_secret_name_is_reported_by_the_packed_analyzer_and_a_correct_one_is_not()
    {
        var app = await _fixture.CreateProjectAsync("AnalyzedApp");
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            var correct = Environment.GetEnvironmentVariable("DOUBLE_QUOTES");
            var misspelled = Environment.GetEnvironmentVariable("DOUBLE_QUOTE");
            var platform = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
            Console.WriteLine($"{correct?.Length} {misspelled?.Length} {platform}");
            """);

        var build = await _fixture.BuildAsync(app, _fixture.Credentials(), "-p:InfisicalEnv=dev");

        Assert.True(build.ExitCode == 0, build.Output);
        var inf001 = build.Output.Split('\n').Where(l => l.Contains("warning INF001", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        // MSBuild repeats each warning in its summary; the distinct lines must be exactly one diagnostic.
        var line = Assert.Single(inf001);
        Assert.Contains("Program.cs(2,", line);
        Assert.Contains("'DOUBLE_QUOTE' is not a secret in Infisical project '", line);
        Assert.Contains("environment 'dev', path '/'; did you mean 'DOUBLE_QUOTES'?", line);
        Assert.DoesNotContain("warning INF003", build.Output);

        // Without InfisicalEnv nothing is fetched and the compiler's inputs are those of the last build (its names
        // manifest included), so the project is not recompiled and nothing new is reported.
        var unconfigured = await _fixture.BuildAsync(app, null);
        Assert.True(unconfigured.ExitCode == 0, unconfigured.Output);
        Assert.DoesNotContain("warning INF001", unconfigured.Output);
    }

    [Fact]
    public async Task An_accessor_declared_as_an_MSBuild_item_is_checked_like_the_built_in_ones()
    {
        // The item reaches the analyzer through the targets' CompilerVisibleProperty plumbing, joined with '|'.
        var app = await _fixture.CreateProjectAsync(
            "AccessorApp", extraItems: """<InfisicalSecretAccessor Include="M:AppSecrets.Read(System.String)" />""");
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            Console.WriteLine(AppSecrets.Read("HASH")?.Length);
            Console.WriteLine(AppSecrets.Read("HASHH")?.Length);

            static class AppSecrets
            {
                public static string? Read(string name) => Environment.GetEnvironmentVariable(name);
            }
            """);

        var build = await _fixture.BuildAsync(app, _fixture.Credentials(), "-p:InfisicalEnv=dev");

        Assert.True(build.ExitCode == 0, build.Output);
        var inf001 = build.Output.Split('\n').Where(l => l.Contains("warning INF001", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        var line = Assert.Single(inf001);
        Assert.Contains("Program.cs(2,", line);
        Assert.Contains("'HASHH' is not a secret in Infisical project '", line);
        Assert.Contains("did you mean 'HASH'?", line);
    }

    [Fact]
    public async Task User_secrets_keys_reach_the_analyzer_as_names_only()
    {
        // APPDATA is where the user-secrets provider looks first (Windows layout); on Linux it leaves HOME, and so
        // the NuGet and SDK folders, untouched.
        var app = await _fixture.CreateProjectAsync("UserSecretsApp", extraProperties: "<UserSecretsId>infisical-e2e-user-secrets</UserSecretsId>");
        var appData = Path.Combine(app, "appdata");
        var secretsDir = Path.Combine(appData, "Microsoft", "UserSecrets", "infisical-e2e-user-secrets");
        Directory.CreateDirectory(secretsDir);
        const string value = "sk-value-that-must-stay-out-of-the-build";
        File.WriteAllText(Path.Combine(secretsDir, "secrets.json"), $$"""
            { "OPENAI_API_KEY": "{{value}}", "Mail": { "Host": "localhost", "Ports": [ 25 ] } }
            """);
        // INF005 is info by default; raised here so the build output shows whether the key was known.
        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.INF005.severity = warning\n");
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            var known = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
            var typo = Environment.GetEnvironmentVariable("OPENAI_API_KEYS");
            Console.WriteLine($"{known?.Length} {typo?.Length}");
            """);
        var environment = _fixture.Credentials();
        environment["APPDATA"] = appData;

        var build = await _fixture.BuildAsync(app, environment, "-p:InfisicalEnv=dev");

        Assert.True(build.ExitCode == 0, build.Output);
        var warnings = build.Output.Split('\n').Where(l => l.Contains("warning INF00", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        var line = Assert.Single(warnings);
        Assert.Contains("Program.cs(2,", line);
        Assert.Contains("warning INF001", line);
        Assert.Contains("did you mean 'OPENAI_API_KEY'? (a key in user secrets)", line);
        var keys = File.ReadAllText(Path.Combine(app, "obj", "Debug", "net10.0", "infisical", "infisical.usersecrets.keys"));
        Assert.Equal("Mail:Host\nMail:Ports:0\nOPENAI_API_KEY\n", keys);
        Assert.DoesNotContain(value, build.Output);

        // Opted out, the same key is known nowhere: proof that the keys file is what silenced it. (A rebuild: with
        // one AdditionalFiles item fewer and nothing newer, an incremental build would skip the compiler.)
        var optedOut = await _fixture.BuildAsync(app, environment, "-p:InfisicalEnv=dev", "-p:InfisicalAnalyzerReadsUserSecrets=false", "--no-incremental");
        Assert.True(optedOut.ExitCode == 0, optedOut.Output);
        Assert.Contains("warning INF005", optedOut.Output);
        Assert.Contains("'OPENAI_API_KEY' is in no configuration source", optedOut.Output);
    }
}
