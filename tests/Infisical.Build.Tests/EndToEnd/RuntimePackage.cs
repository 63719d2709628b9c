using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Xunit;

namespace Infisical.Build.Tests.EndToEnd;

/// <summary>The runtime package for the end-to-end apps.</summary>
internal static class RuntimePackage
{
    /// <summary>
    /// The runtime package (and the client it depends on) from the fixture's feed. scripts/test.sh packs the whole
    /// solution there; a feed the fixture packed itself holds only the build package, so the two are packed into it.
    /// </summary>
    public static async Task<string> VersionAsync(PackagedBuildFixture fixture)
    {
        string? Find() => Directory.GetFiles(fixture.Feed, "Infisical.Extensions.Configuration.*.nupkg").FirstOrDefault(p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal));
        if (Find() == null && fixture.Feed.StartsWith(fixture.Workspace, StringComparison.Ordinal))
        {
            var project = Path.Combine(RepoPaths.Root, "src", "Infisical.Extensions.Configuration", "Infisical.Extensions.Configuration.csproj");
            var client = Path.Combine(RepoPaths.Root, "src", "Infisical.Client", "Infisical.Client.csproj");
            foreach (var p in new[] { client, project })
            {
                var pack = await ProcessRunner.RunAsync("dotnet", new[] { "pack", p, "-c", "Release", "-o", fixture.Feed, "-nologo" }, RepoPaths.Root, timeout: TimeSpan.FromMinutes(8));
                Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
            }
        }

        var package = Find() ?? throw new InvalidOperationException($"Infisical.Extensions.Configuration is not in the test feed {fixture.Feed}; pack the solution into it (scripts/test.sh does).");
        return Path.GetFileNameWithoutExtension(package)["Infisical.Extensions.Configuration.".Length..];
    }

    /// <summary>A web project referencing both packages (the build one with PrivateAssets, as documented), restored.</summary>
    public static async Task<string> CreateWebAppAsync(PackagedBuildFixture fixture, string name, string program, string extraProperties = "")
    {
        var version = await VersionAsync(fixture);
        var dir = Path.Combine(fixture.Workspace, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <InfisicalProjectSlug>{Seeds.ProjectSlug}</InfisicalProjectSlug>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Infisical.Build" Version="{fixture.PackageVersion}" PrivateAssets="all" />
                <PackageReference Include="Infisical.Extensions.Configuration" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), program);
        var restore = await fixture.DotnetAsync(dir, new[] { "restore" });
        Assert.True(restore.ExitCode == 0, "restore failed:\n" + restore.Output);
        return dir;
    }
}
