using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Xunit;

namespace Infisical.Build.Tests.EndToEnd;

/// <summary>
/// A minimal web app referencing both packages, built in pull mode and started the way `dotnet run` starts it: it
/// serves its settings (by hash, so no value crosses the wire) and a run-time environment variable overrides one.
/// </summary>
[Collection(PackagedBuildCollection.Name)]
public sealed class RuntimePackageEndToEndTests
{
    internal const string Program = """
        using System.Security.Cryptography;
        using System.Text;
        using Infisical.Extensions.Configuration;

        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddInfisicalSettings();
        var app = builder.Build();
        app.MapGet("/hash", (string key, IConfiguration c) =>
            c[key] is { } v ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(v))) : "missing");
        app.Run();
        """;

    private readonly PackagedBuildFixture _fixture;

    public RuntimePackageEndToEndTests(PackagedBuildFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Web_app_built_in_pull_mode_serves_the_values_and_an_environment_variable_overrides_one()
    {
        var dir = await RuntimePackage.CreateWebAppAsync(_fixture, "WebApp", Program);
        var build = await _fixture.BuildAsync(dir, _fixture.Credentials(), "-p:InfisicalEnv=dev");
        Assert.True(build.ExitCode == 0, build.Output);

        // No credentials at run time: the app reads only the generated file (and its own environment). The seed's
        // Logging__LogLevel__Default is not a log level, so the app only starts if the environment wins over the file.
        var runEnvironment = _fixture.Environment(new Dictionary<string, string?>
        {
            ["Api__Endpoints__Primary"] = "overridden-at-run-time",
            ["Logging__LogLevel__Default"] = "Information",
        });
        await using var app = await RunningApp.StartAsync(dir, runEnvironment);

        Assert.Equal(Hash(Seeds.AwkwardDev["ConnectionStrings__Db"]), await app.GetAsync("/hash?key=ConnectionStrings:Db"));
        Assert.Equal(Hash(Seeds.AwkwardDev["UNICODE"]), await app.GetAsync("/hash?key=UNICODE"));
        Assert.Equal(Hash(Seeds.AwkwardDev["MULTILINE"]), await app.GetAsync("/hash?key=MULTILINE"));
        Assert.Equal(Hash("overridden-at-run-time"), await app.GetAsync("/hash?key=Api:Endpoints:Primary"));
        Assert.Equal(Hash("Information"), await app.GetAsync("/hash?key=Logging:LogLevel:Default"));
        foreach (var value in Seeds.AwkwardDev.Values.Where(v => v.Length > 0))
        {
            Assert.DoesNotContain(value, app.Output);
        }

        // Publish in pull mode: the plaintext file stays out unless the project opts in.
        var plainPublish = Path.Combine(dir, "publish-default");
        var published = await _fixture.DotnetAsync(dir, new[] { "publish", "--no-restore", "-nologo", "-p:InfisicalEnv=dev", "-o", plainPublish }, _fixture.Credentials());
        Assert.True(published.ExitCode == 0, published.Output);
        Assert.True(File.Exists(Path.Combine(plainPublish, "WebApp.dll")));
        Assert.False(File.Exists(Path.Combine(plainPublish, "appsettings.Infisical.json")));
        var optedIn = Path.Combine(dir, "publish-opted-in");
        var withFile = await _fixture.DotnetAsync(dir, new[] { "publish", "--no-restore", "-nologo", "-p:InfisicalEnv=dev", "-p:InfisicalCopyToPublishDirectory=PreserveNewest", "-o", optedIn }, _fixture.Credentials());
        Assert.True(withFile.ExitCode == 0, withFile.Output);
        Assert.Contains("ConnectionStrings", File.ReadAllText(Path.Combine(optedIn, "appsettings.Infisical.json")), StringComparison.Ordinal);
    }

    internal static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
