using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Infisical.LocalServer;
using Xunit;

namespace Infisical.Build.Tests.EndToEnd;

/// <summary>
/// Once per test run: the Infisical.Build nupkg in a private feed (the one scripts/test.sh packed, named by
/// INFISICAL_BUILD_TEST_FEED, or packed here), a workspace outside the repository with its own NuGet.config
/// (that feed + nuget.org) and its own NUGET_PACKAGES folder (so a stale cached package can never win), and a
/// local Infisical server seeded with awkward values.
/// </summary>
public sealed class PackagedBuildFixture : IAsyncLifetime
{
    private static readonly string[] BuildSwitches = { "--no-restore", "-nologo", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false" };

    public string Workspace { get; } = Path.Combine(Path.GetTempPath(), "infisical-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed { get; private set; } = string.Empty;

    public string PackageVersion { get; private set; } = string.Empty;

    public LocalInfisicalServer Server { get; private set; } = null!;

    /// <summary>How long the feed took to prepare (packing, when no feed was given).</summary>
    public TimeSpan FeedPreparation { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Workspace);
        var started = DateTime.UtcNow;
        Feed = await PrepareFeedAsync();
        FeedPreparation = DateTime.UtcNow - started;
        var package = Directory.GetFiles(Feed, "Infisical.Build.*.nupkg").Single(p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal));
        PackageVersion = Path.GetFileNameWithoutExtension(package)["Infisical.Build.".Length..];

        File.WriteAllText(Path.Combine(Workspace, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="infisical-build-test-feed" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        // Keep the SDK that runs the tests, and stop MSBuild from importing anything above the workspace.
        File.WriteAllText(Path.Combine(Workspace, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Workspace, "Directory.Build.targets"), "<Project />");

        Server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(Seeds.Document(Seeds.AwkwardDev, new Dictionary<string, string> { ["ConnectionStrings__Db"] = "prod-only-value-Zk99" })) });
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
            // A build server may still hold a file for a moment; the temp folder is cleaned by the OS later.
        }
    }

    /// <summary>Creates a console project referencing the package and restores it.</summary>
    public async Task<string> CreateProjectAsync(string name, string targetFrameworks = "net10.0", string extraProperties = "", string extraItems = "", string? parent = null)
    {
        var dir = Path.Combine(parent ?? Workspace, name);
        Directory.CreateDirectory(dir);
        var tfmElement = targetFrameworks.Contains(';', StringComparison.Ordinal) ? "TargetFrameworks" : "TargetFramework";
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <{tfmElement}>{targetFrameworks}</{tfmElement}>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <InfisicalProjectSlug>{Seeds.ProjectSlug}</InfisicalProjectSlug>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Infisical.Build" Version="{PackageVersion}" PrivateAssets="all" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), "Console.WriteLine(\"built\");\n");
        var restore = await DotnetAsync(dir, new[] { "restore" });
        Assert.True(restore.ExitCode == 0, "restore failed:\n" + restore.Output);
        return dir;
    }

    /// <summary>Runs dotnet in the workspace's isolated package world; credentials only through <paramref name="environment"/>.</summary>
    public Task<ProcessResult> DotnetAsync(string directory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        ProcessRunner.RunAsync("dotnet", arguments, directory, Environment(environment), TimeSpan.FromMinutes(5));

    /// <summary>The workspace's isolated package world plus <paramref name="environment"/>, for any process the tests start.</summary>
    public Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? environment)
    {
        var env = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Workspace, "packages"),
            ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(Workspace, "http-cache"),

            // The token cache is on, as in the product, but inside the workspace rather than the user's home.
            ["XDG_CACHE_HOME"] = Path.Combine(Workspace, "xdg-cache"),
        };
        foreach (var pair in environment ?? new Dictionary<string, string?>())
        {
            env[pair.Key] = pair.Value;
        }

        return env;
    }

    /// <summary>`dotnet build` of an already restored project, without node reuse or a compiler server.</summary>
    public Task<ProcessResult> BuildAsync(string project, IReadOnlyDictionary<string, string?>? environment, params string[] extra) =>
        DotnetAsync(project, new[] { "build" }.Concat(BuildSwitches).Concat(extra), environment);

    /// <summary>Universal Auth for the seeded identity against this fixture's server (a fresh copy to modify).</summary>
    public Dictionary<string, string?> Credentials() => CredentialsFor(Server);

    /// <summary>Universal Auth against <paramref name="server"/>, with a token cache of the caller's own when <paramref name="tokenCache"/> is given.</summary>
    public static Dictionary<string, string?> CredentialsFor(LocalInfisicalServer server, string? tokenCache = null)
    {
        var environment = Seeds.UniversalAuth();
        environment["INFISICAL_API_URL"] = server.BaseUrl + "/api";
        if (tokenCache != null)
        {
            environment["XDG_CACHE_HOME"] = tokenCache;
        }

        return environment;
    }

    /// <summary>A server of the test's own (request counts and stops that no other test sees), seeded like the fixture's.</summary>
    public static Task<LocalInfisicalServer> StartServerAsync(string? seed = null) =>
        LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(seed ?? Seeds.Document(Seeds.AwkwardDev)) });

    private async Task<string> PrepareFeedAsync()
    {
        var given = System.Environment.GetEnvironmentVariable("INFISICAL_BUILD_TEST_FEED");
        if (!string.IsNullOrEmpty(given) && Directory.Exists(given) && Directory.GetFiles(given, "Infisical.Build.*.nupkg").Length > 0)
        {
            return given;
        }

        var feed = Path.Combine(Workspace, "feed");
        var pack = await ProcessRunner.RunAsync(
            "dotnet",
            new[] { "pack", RepoPaths.TasksProject, "-c", "Release", "-o", feed, "-nologo", "-p:ContinuousIntegrationBuild=true" },
            RepoPaths.Root,
            timeout: TimeSpan.FromMinutes(8));
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        return feed;
    }
}

[CollectionDefinition(Name)]
public sealed class PackagedBuildCollection : ICollectionFixture<PackagedBuildFixture>
{
    public const string Name = "Packaged Infisical.Build";
}
