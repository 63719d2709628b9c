using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Infisical.LocalServer;
using Xunit;

namespace Infisical.Build.Tests.NetFramework;

/// <summary>
/// Once per test run: the packed Infisical.Build nupkg's <c>tasks/net472/</c> folder extracted exactly as NuGet
/// lays it out, the .NET Framework build-engine host (tests/Infisical.Build.NetFxHost) that loads it, mono to run
/// that host, and a local Infisical server. Nothing here fails: a missing piece is reported by the test that needs
/// it (see <see cref="RequireReady"/>), so the reason reads as a test failure, not a fixture crash.
/// </summary>
public sealed class NetFrameworkTaskFixture : IAsyncLifetime
{
    public string Workspace { get; } = Path.Combine(Path.GetTempPath(), "infisical-netfx-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The extracted <c>tasks/net472/</c> folder of the package under test.</summary>
    public string TasksFolder => Path.Combine(Workspace, "package", "tasks", "net472");

    public string? Mono { get; private set; }

    public string HostExe { get; } = FindHost();

    public LocalInfisicalServer Server { get; private set; } = null!;

    private string? _problem;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Workspace);
        Server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(Seeds.Document(Seeds.AwkwardDev)) });
        Mono = FindOnPath("mono");
        if (Mono == null)
        {
            _problem = "mono is not installed, so the tasks/net472 build cannot run here. Run scripts/test.sh (it installs Debian's mono-devel), or 'apt-get install --no-install-recommends mono-devel'.";
            return;
        }

        if (!File.Exists(HostExe))
        {
            _problem = $"The .NET Framework build-engine host was not built ({HostExe}). Build tests/Infisical.Build.NetFxHost (the solution build does).";
            return;
        }

        var package = await FindPackageAsync();
        ZipFile.ExtractToDirectory(package, Path.Combine(Workspace, "package"));
        if (!File.Exists(Path.Combine(TasksFolder, "Infisical.Build.Tasks.dll")))
        {
            _problem = $"{package} has no tasks/net472/Infisical.Build.Tasks.dll.";
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Workspace, recursive: true);
        }
        catch (IOException)
        {
            // A child that has not quite exited may still hold a file; the temp folder is cleaned by the OS later.
        }
    }

    /// <summary>Fails the calling test with the reason the .NET Framework task cannot be run here, if there is one.</summary>
    public void RequireReady()
    {
        if (_problem != null)
        {
            Assert.Fail(_problem);
        }
    }

    /// <summary>A copy of the extracted task folder for a test that damages it.</summary>
    public string CopyOfTasksFolder(string name)
    {
        var copy = Path.Combine(Workspace, name);
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(TasksFolder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    // The host is built with the same configuration as this test assembly (bin/<Configuration>/net10.0/).
    private static string FindHost()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(RepoPaths.Root, "tests", "Infisical.Build.NetFxHost", "bin", configuration, "net472", "Infisical.Build.NetFxHost.exe");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The nupkg scripts/test.sh packed (INFISICAL_BUILD_TEST_FEED), or one packed here when run on its own.</summary>
    private async Task<string> FindPackageAsync()
    {
        var feed = Environment.GetEnvironmentVariable("INFISICAL_BUILD_TEST_FEED");
        if (string.IsNullOrEmpty(feed) || !Directory.Exists(feed) || Directory.GetFiles(feed, "Infisical.Build.*.nupkg").Length == 0)
        {
            feed = Path.Combine(Workspace, "feed");
            var pack = await ProcessRunner.RunAsync(
                "dotnet",
                new[] { "pack", RepoPaths.TasksProject, "-c", "Release", "-o", feed, "-nologo", "-p:ContinuousIntegrationBuild=true" },
                RepoPaths.Root,
                timeout: TimeSpan.FromMinutes(8));
            Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        }

        return Directory.GetFiles(feed, "Infisical.Build.*.nupkg").Single(p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal));
    }
}

/// <summary>
/// Not parallel with other collections: when no feed is given this fixture packs the task project, which must not
/// race the end-to-end fixture's own pack of the same project; and the mono runs are timed on a quiet machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NetFrameworkTaskCollection : ICollectionFixture<NetFrameworkTaskFixture>
{
    public const string Name = "tasks/net472 under mono";
}
