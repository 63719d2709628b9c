using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Xunit;

namespace Infisical.Build.Tests.EndToEnd;

/// <summary>
/// The generated InfisicalSecretNames class as a user meets it: a top-level Program with no using, whose Keys
/// constant finds its value through IConfiguration and whose Variables constant names the environment variable;
/// then a build without InfisicalEnv, which keeps the class (last-known names) without recompiling.
/// </summary>
[Collection(PackagedBuildCollection.Name)]
public sealed class SecretNamesEndToEndTests
{
    private const string Program = """
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Configuration;

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.Infisical.json"), optional: false)
            .Build();
        var value = configuration[InfisicalSecretNames.Keys.Api_Endpoints_Primary];
        Console.WriteLine("key=" + InfisicalSecretNames.Keys.Api_Endpoints_Primary);
        Console.WriteLine("hash=" + (value is null ? "missing" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))));
        Console.WriteLine("variable=" + InfisicalSecretNames.Variables.Api__Endpoints__Primary);
        Console.WriteLine("from-environment=" + (Environment.GetEnvironmentVariable(InfisicalSecretNames.Variables.Api__Endpoints__Primary) ?? "unset"));
        """;

    private readonly PackagedBuildFixture _fixture;

    public SecretNamesEndToEndTests(PackagedBuildFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Top_level_program_reads_through_both_constant_kinds_and_a_build_without_InfisicalEnv_keeps_them_without_recompiling()
    {
        // The shared ASP.NET Core framework brings Microsoft.Extensions.Configuration.Json without a package download.
        var app = await _fixture.CreateProjectAsync("NamesApp", extraItems: """<FrameworkReference Include="Microsoft.AspNetCore.App" />""");
        File.WriteAllText(Path.Combine(app, "Program.cs"), Program);

        var build = await _fixture.BuildAsync(app, _fixture.Credentials(), "-p:InfisicalEnv=dev");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("warning INF00", build.Output);
        var assembly = Path.Combine(app, "bin", "Debug", "net10.0", "NamesApp.dll");
        var run = await _fixture.DotnetAsync(app, new[] { assembly }, new Dictionary<string, string?> { ["Api__Endpoints__Primary"] = "set-at-run-time" });
        Assert.True(run.ExitCode == 0, run.Output);
        var expectedHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Seeds.AwkwardDev["Api__Endpoints__Primary"])));
        Assert.Contains("key=Api:Endpoints:Primary\n", run.Output);
        Assert.Contains("hash=" + expectedHash + "\n", run.Output);
        Assert.Contains("variable=Api__Endpoints__Primary\n", run.Output);
        Assert.Contains("from-environment=set-at-run-time\n", run.Output);

        // The constants are names: no seeded value is compiled into the assembly (string literals are UTF-16).
        var image = File.ReadAllBytes(assembly);
        Assert.True(image.AsSpan().IndexOf(Encoding.Unicode.GetBytes("Api:Endpoints:Primary")) >= 0, "the key is in the assembly");
        foreach (var secret in Seeds.AwkwardDev.Values)
        {
            Assert.False(secret.Length >= 8 && image.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) >= 0, "a seeded value is in the assembly");
        }

        // Without InfisicalEnv nothing is fetched; the compiler's inputs are unchanged, so the assembly is not rebuilt.
        var compiled = File.GetLastWriteTimeUtc(assembly);
        var unconfigured = await _fixture.BuildAsync(app, null, "-v:n");
        Assert.True(unconfigured.ExitCode == 0, unconfigured.Output);
        Assert.Equal(compiled, File.GetLastWriteTimeUtc(assembly));
        Assert.Contains("Skipping target \"CoreCompile\" because all output files are up-to-date", unconfigured.Output);

        // A change to the code without InfisicalEnv compiles against the last-known names: no CS0103.
        File.AppendAllText(Path.Combine(app, "Program.cs"), "Console.WriteLine(InfisicalSecretNames.Keys.ConnectionStrings_Db);\n");
        var edited = await _fixture.BuildAsync(app, null);
        Assert.True(edited.ExitCode == 0, edited.Output);
        Assert.True(File.GetLastWriteTimeUtc(assembly) > compiled, "the edited program was compiled");

        // And switching InfisicalEnv back on after that recompiles nothing either.
        var recompiled = File.GetLastWriteTimeUtc(assembly);
        var again = await _fixture.BuildAsync(app, _fixture.Credentials(), "-p:InfisicalEnv=dev");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(recompiled, File.GetLastWriteTimeUtc(assembly));

        // The opt-out property switches the generator off even with a manifest.
        var optedOut = await _fixture.BuildAsync(app, _fixture.Credentials(), "-p:InfisicalEnv=dev", "-p:InfisicalGenerateSecretNames=false");
        Assert.NotEqual(0, optedOut.ExitCode);
        Assert.Contains("error CS0103: The name 'InfisicalSecretNames' does not exist", optedOut.Output);
    }

    [Fact]
    public async Task A_project_never_built_with_InfisicalEnv_has_no_class()
    {
        var app = await _fixture.CreateProjectAsync("NeverConfigured");
        File.WriteAllText(Path.Combine(app, "Program.cs"), "Console.WriteLine(InfisicalSecretNames.Keys.HASH);\n");

        var build = await _fixture.BuildAsync(app, null);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error CS0103: The name 'InfisicalSecretNames' does not exist", build.Output);
    }
}
