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
    private const string Program = """
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
        var version = await RuntimePackageVersionAsync();
        var dir = Path.Combine(_fixture.Workspace, "WebApp");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "WebApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <InfisicalProjectSlug>{Seeds.ProjectSlug}</InfisicalProjectSlug>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Infisical.Build" Version="{_fixture.PackageVersion}" PrivateAssets="all" />
                <PackageReference Include="Infisical.Extensions.Configuration" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), Program);
        var restore = await _fixture.DotnetAsync(dir, new[] { "restore" });
        Assert.True(restore.ExitCode == 0, "restore failed:\n" + restore.Output);
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
    }

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>
    /// The runtime package (and the client it depends on) from the fixture's feed. scripts/test.sh packs the whole
    /// solution there; a feed the fixture packed itself holds only the build package, so the two are packed into it.
    /// </summary>
    private async Task<string> RuntimePackageVersionAsync()
    {
        string? Find() => Directory.GetFiles(_fixture.Feed, "Infisical.Extensions.Configuration.*.nupkg").FirstOrDefault(p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal));
        if (Find() == null && _fixture.Feed.StartsWith(_fixture.Workspace, StringComparison.Ordinal))
        {
            var project = Path.Combine(RepoPaths.Root, "src", "Infisical.Extensions.Configuration", "Infisical.Extensions.Configuration.csproj");
            var client = Path.Combine(RepoPaths.Root, "src", "Infisical.Client", "Infisical.Client.csproj");
            foreach (var p in new[] { client, project })
            {
                var pack = await ProcessRunner.RunAsync("dotnet", new[] { "pack", p, "-c", "Release", "-o", _fixture.Feed, "-nologo" }, RepoPaths.Root, timeout: TimeSpan.FromMinutes(8));
                Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
            }
        }

        var package = Find() ?? throw new InvalidOperationException($"Infisical.Extensions.Configuration is not in the test feed {_fixture.Feed}; pack the solution into it (scripts/test.sh does).");
        return Path.GetFileNameWithoutExtension(package)["Infisical.Extensions.Configuration.".Length..];
    }

    /// <summary>The built app started as `dotnet run --no-build` starts it, on a free loopback port.</summary>
    private sealed class RunningApp : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

        private RunningApp(Process process) => _process = process;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static async Task<RunningApp> StartAsync(string directory, IReadOnlyDictionary<string, string?> environment)
        {
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "run", "--no-build", "--no-launch-profile", "--", "--urls", "http://127.0.0.1:0" })
            {
                info.ArgumentList.Add(a);
            }

            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }

            var app = new RunningApp(Process.Start(info)!);
            var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnLine(string? line)
            {
                if (line == null)
                {
                    return;
                }

                lock (app._output)
                {
                    app._output.AppendLine(line);
                }

                var m = Regex.Match(line, @"Now listening on: http://127\.0\.0\.1:(\d+)");
                if (m.Success)
                {
                    port.TrySetResult(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            app._process.OutputDataReceived += (_, e) => OnLine(e.Data);
            app._process.ErrorDataReceived += (_, e) => OnLine(e.Data);
            app._process.BeginOutputReadLine();
            app._process.BeginErrorReadLine();
            var exited = app._process.WaitForExitAsync();
            var first = await Task.WhenAny(port.Task, exited, Task.Delay(TimeSpan.FromMinutes(2)));
            if (first != port.Task)
            {
                var output = app.Output;
                await app.DisposeAsync();
                throw new InvalidOperationException("The app did not start listening:\n" + output);
            }

            app._http.BaseAddress = new Uri("http://127.0.0.1:" + port.Task.Result);
            return app;
        }

        public async Task<string> GetAsync(string path)
        {
            using var response = await _http.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}\n{Output}");
            return await response.Content.ReadAsStringAsync();
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }

            _process.Dispose();
        }
    }
}
