using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Microsoft.Extensions.Configuration;
using Xunit;
using Xunit.Abstractions;

namespace Infisical.Build.Tests.NetFramework;

/// <summary>
/// The package's <c>tasks/net472/</c> build, which Visual Studio's .NET Framework MSBuild loads, run for real: under
/// mono, through a minimal build engine, loaded from the extracted nupkg folder, against the local server.
/// </summary>
[Collection(NetFrameworkTaskCollection.Name)]
public sealed class NetFrameworkTaskTests
{
    private readonly NetFrameworkTaskFixture _fixture;
    private readonly ITestOutputHelper _log;

    public NetFrameworkTaskTests(NetFrameworkTaskFixture fixture, ITestOutputHelper log)
    {
        _fixture = fixture;
        _log = log;
    }

    [Fact]
    public async Task The_net472_task_loads_from_the_package_folder_and_writes_the_seeded_secrets()
    {
        _fixture.RequireReady();
        var output = NewDirectory("fetch");
        var (taskType, input) = FetchSecretsTask(output);

        var snapshot = await RunAsync(_fixture.TasksFolder, taskType, input, Credentials());
        Assert.True(snapshot.Process.ExitCode == 0 && snapshot.Success == true, snapshot.ToString());
        var (writeType, writeInput) = WriteOutputsTask(output, snapshot.OutputValue("SnapshotFile"));
        var run = await RunAsync(_fixture.TasksFolder, writeType, writeInput, Credentials());

        Assert.True(run.Process.ExitCode == 0 && run.Success == true, run.ToString());
        Assert.Empty(snapshot.Errors.Concat(run.Errors));
        Assert.Empty(snapshot.Warnings.Concat(run.Warnings));
        Assert.StartsWith("Mono ", run.Runtime, StringComparison.Ordinal);

        // Our assemblies came from the package folder, and every dependency loaded the way MSBuild's loader finds
        // it (the task folder or MSBuild's own), with no help from the host's resolver.
        foreach (var ours in new[] { "Infisical.Build.Tasks", "Infisical.Build.Core", "Infisical.Client" })
        {
            Assert.True(snapshot.LoadedAssemblies.TryGetValue(ours, out var location), ours + " was not loaded.\n" + snapshot);
            Assert.Equal(Path.Combine(_fixture.TasksFolder, ours + ".dll"), location);
        }

        Assert.True(snapshot.AssemblyResolveRequests.Count + run.AssemblyResolveRequests.Count == 0, "Loaded only through the host's fallback resolver:\n" + string.Join("\n", snapshot.AssemblyResolveRequests.Concat(run.AssemblyResolveRequests)));

        // Mono binds any version of a name; .NET Framework wants the referenced one unless MSBuild.exe.config
        // redirects it. Every Visual Studio MSBuild from 17.10 on (the supported floor, docs/msbuild.md) must bind all
        // of them; 17.8's MSBuild ships System.Text.Json 7 and cannot.
        foreach (var msbuild in new[] { "17.10", "17.12", "17.14" })
        {
            var problems = snapshot.FrameworkBindingProblems(msbuild).Concat(run.FrameworkBindingProblems(msbuild)).ToList();
            Assert.True(problems.Count == 0, $"In Visual Studio's MSBuild {msbuild}, .NET Framework would not bind:\n" + string.Join("\n", problems));
        }

        // The written settings are what the server holds, read back as an app would.
        var truth = await ServerTruth.ListAsync(_fixture.Server.BaseUrl, "dev");
        Assert.Equal(Seeds.AwkwardDev.Count, truth.Count);
        var json = Path.Combine(output, "appsettings.Infisical.json");
        var config = new ConfigurationBuilder().AddJsonFile(json).Build();
        Assert.Equal(truth.Count, config.AsEnumerable().Count(p => p.Value != null));
        foreach (var (key, value) in truth)
        {
            Assert.Equal(value, config[key.Replace("__", ":", StringComparison.Ordinal)]);
        }

        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "infisical.manifest.json"))))
        {
            Assert.Equal(truth.Keys.OrderBy(k => k, StringComparer.Ordinal), manifest.RootElement.GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        }

        Assert.Equal(
            new[] { json, Path.Combine(output, ".env"), Path.Combine(output, "infisical.manifest.json") }.OrderBy(p => p, StringComparer.Ordinal),
            run.OutputItems("GeneratedFiles").OrderBy(p => p, StringComparer.Ordinal));
        Assert.All(run.OutputItems("GeneratedFiles"), path => Assert.True(File.Exists(path), path));
        AssertNoSecretIn(snapshot.Output + run.Output, truth.Values.Append(Seeds.ClientSecret));
    }

    [Fact]
    public async Task The_net472_warm_build_check_finds_the_fetched_snapshot_fresh()
    {
        _fixture.RequireReady();
        var output = NewDirectory("warm");
        var (taskType, input) = FetchSecretsTask(output);
        var fetch = await RunAsync(_fixture.TasksFolder, taskType, input, Credentials());
        Assert.True(fetch.Process.ExitCode == 0 && fetch.Success == true, fetch.ToString());

        // What every warm build in Visual Studio runs first: no credentials needed, nothing sent.
        var check = await RunAsync(_fixture.TasksFolder, "Infisical.Build.Tasks.FindFreshInfisicalSnapshots", new[]
        {
            "Sources+=(default)",
            "Sources+.ProjectSlug=" + Seeds.ProjectSlug,
            "Sources+.Environment=dev",
            "StoreDirectory=" + Path.Combine(output, "store"),
            "ProjectFile=" + Path.Combine(output, "App.csproj"),
        }, new Dictionary<string, string?> { ["INFISICAL_API_URL"] = _fixture.Server.BaseUrl + "/api" });

        Assert.True(check.Process.ExitCode == 0 && check.Success == true, check.ToString());
        Assert.Equal(new[] { fetch.OutputValue("SnapshotFile") }, check.OutputItems("Snapshots"));
        Assert.Empty(check.Errors.Concat(check.Warnings));
        foreach (var msbuild in new[] { "17.10", "17.12", "17.14" })
        {
            Assert.Empty(check.FrameworkBindingProblems(msbuild));
        }
    }

    [Fact]
    public async Task A_wrong_client_secret_is_one_coded_error_that_shows_no_secret()
    {
        _fixture.RequireReady();
        const string wrongSecret = "wrong-client-secret-Xq81vT";
        var output = NewDirectory("wrong-secret");
        var (taskType, input) = FetchSecretsTask(output);
        var credentials = Credentials();
        credentials["INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"] = wrongSecret;

        var run = await RunAsync(_fixture.TasksFolder, taskType, input, credentials);

        Assert.True(run.Process.ExitCode == 1 && run.Success == false && run.HostFailure.Count == 0, run.ToString());
        Assert.True(run.Errors.Count == 1 && run.Errors[0].Code == "INFB010", run.ToString());
        Assert.DoesNotContain(Directory.GetFiles(output, "*", SearchOption.AllDirectories), f => !f.Contains("tokens", StringComparison.Ordinal));
        AssertNoSecretIn(run.Output, Seeds.AwkwardDev.Values.Append(wrongSecret).Append(Seeds.ClientSecret));
    }

    [Fact]
    public async Task A_task_folder_missing_a_dependency_fails_and_names_it()
    {
        // Keeps the tests above honest: they would notice a package whose net472 folder cannot run.
        _fixture.RequireReady();
        var broken = _fixture.CopyOfTasksFolder("tasks-without-client");
        File.Delete(Path.Combine(broken, "Infisical.Client.dll"));
        var (taskType, input) = FetchSecretsTask(NewDirectory("broken"));

        var run = await RunAsync(broken, taskType, input, Credentials());

        Assert.True(run.Process.ExitCode != 0 && run.Success != true, run.ToString());
        Assert.Contains("Infisical.Client", string.Join("\n", run.Errors.Select(e => e.Message).Concat(run.HostFailure)), StringComparison.Ordinal);
    }

    /// <summary>
    /// The places that know the task API: the snapshot task (store and token cache under
    /// <paramref name="outputDirectory"/>), then the task that writes JSON, .env and the names manifest there.
    /// </summary>
    private static (string TaskType, string[] Input) FetchSecretsTask(string outputDirectory) => (
        "Infisical.Build.Tasks.GetInfisicalSnapshot",
        new[]
        {
            "ProjectSlug=" + Seeds.ProjectSlug,
            "Environment=dev",
            "StoreDirectory=" + Path.Combine(outputDirectory, "store"),
            "TokenCacheDirectory=" + Path.Combine(outputDirectory, "tokens"),
            "ProjectFile=" + Path.Combine(outputDirectory, "App.csproj"),
            "TimeoutSeconds=60",
        });

    private static (string TaskType, string[] Input) WriteOutputsTask(string outputDirectory, string snapshotFile) => (
        "Infisical.Build.Tasks.WriteInfisicalOutputs",
        new[]
        {
            "Snapshots+=" + snapshotFile,
            "Snapshots+.Status=Fetched",
            "OutputFormat=json;dotenv",

            // The awkward seed holds "${PATH}", which the portable default refuses; npm dotenv's dialect keeps it.
            "DotEnvDialect=node",
            "JsonOutputPath=" + Path.Combine(outputDirectory, "appsettings.Infisical.json"),
            "DotEnvOutputPath=" + Path.Combine(outputDirectory, ".env"),
            "ManifestPath=" + Path.Combine(outputDirectory, "infisical.manifest.json"),
            "ProjectFile=" + Path.Combine(outputDirectory, "App.csproj"),
        });

    private async Task<NetFxHostRun> RunAsync(string tasksFolder, string taskType, IEnumerable<string> input, IReadOnlyDictionary<string, string?> environment)
    {
        var run = await NetFxHostRun.StartAsync(_fixture, tasksFolder, taskType, input, environment);
        _log.WriteLine($"{taskType} under {run.Runtime}: exit {run.Process.ExitCode} in {run.Process.Duration.TotalSeconds:0.00} s");
        return run;
    }

    private Dictionary<string, string?> Credentials()
    {
        var environment = Seeds.UniversalAuth();
        environment["INFISICAL_API_URL"] = _fixture.Server.BaseUrl + "/api";
        return environment;
    }

    private string NewDirectory(string name)
    {
        var path = Path.Combine(_fixture.Workspace, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static void AssertNoSecretIn(string text, IEnumerable<string> secrets)
    {
        // Each value as printed raw (stderr) and as escaped inside the host's JSON result.
        foreach (var secret in secrets.Select(s => s.Trim()).Where(s => s.Length >= 4))
        {
            var escaped = secret.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
            Assert.False(text.Contains(secret, StringComparison.Ordinal) || text.Contains(escaped, StringComparison.Ordinal), "A secret value appears in the host's output.");
        }
    }
}
