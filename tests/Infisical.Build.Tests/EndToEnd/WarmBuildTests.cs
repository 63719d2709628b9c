using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Xunit;

namespace Infisical.Build.Tests.EndToEnd;

/// <summary>
/// The refresh rules, counted in the local server's request log (read after the build process has exited, so
/// every request it made is already there): warm builds send nothing, a forced refresh sends one conditional
/// list and no login while the cached token lives, and a solution built with -m logs in and lists once.
/// </summary>
[Collection(PackagedBuildCollection.Name)]
public sealed class WarmBuildTests
{
    private readonly PackagedBuildFixture _fixture;

    public WarmBuildTests(PackagedBuildFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_warm_build_sends_nothing_and_a_forced_refresh_sends_one_conditional_list_and_no_login()
    {
        await using var server = await PackagedBuildFixture.StartServerAsync();
        var app = await _fixture.CreateProjectAsync("Warm");
        var env = PackagedBuildFixture.CredentialsFor(server, Path.Combine(app, ".token-cache"));

        var cold = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev");
        Assert.True(cold.ExitCode == 0, cold.Output);
        Assert.Equal(1, BuildLog.Logins(server));
        Assert.Equal(new[] { 200 }, BuildLog.Lists(server));
        var json = Path.Combine(app, "bin", "Debug", "net10.0", "appsettings.Infisical.json");
        var stamp = File.GetLastWriteTimeUtc(json);

        // Secret files are the owner's alone in obj/ and bin/, and so are the folders that hold them.
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode ownerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            const UnixFileMode ownerFolder = ownerFile | UnixFileMode.UserExecute;
            var intermediate = Path.Combine(app, "obj", "Debug", "net10.0", "infisical");
            Assert.Equal(ownerFile, File.GetUnixFileMode(json));
            Assert.Equal(ownerFile, File.GetUnixFileMode(Path.Combine(intermediate, "appsettings.Infisical.json")));
            Assert.Equal(ownerFolder, File.GetUnixFileMode(intermediate));
            var store = Path.Combine(app, "obj", "infisical", "store");
            Assert.Equal(ownerFolder, File.GetUnixFileMode(store));
            foreach (var snapshot in Directory.GetFiles(store))
            {
                Assert.Equal(ownerFile, File.GetUnixFileMode(snapshot));
            }
        }

        server.Controls.ClearRequests();
        var warm = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-v:n");
        Assert.True(warm.ExitCode == 0, warm.Output);
        Assert.Equal(0, BuildLog.Requests(server));
        Assert.Single(BuildLog.Lines(warm.Output, "no request sent"));

        // ... answered in the project itself: the shared fetch's project is not even built (normal verbosity names every project built).
        Assert.DoesNotContain("Infisical.Snapshot.proj", warm.Output, StringComparison.Ordinal);

        // A warm build needs no credentials at all: nothing is asked of the server.
        var offlineCredentials = await _fixture.BuildAsync(app, new Dictionary<string, string?> { ["INFISICAL_API_URL"] = server.BaseUrl + "/api" }, "-p:InfisicalEnv=dev");
        Assert.True(offlineCredentials.ExitCode == 0, offlineCredentials.Output);
        Assert.Equal(0, BuildLog.Requests(server));

        var forced = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-p:InfisicalRefresh=true", "-v:n");
        Assert.True(forced.ExitCode == 0, forced.Output);
        Assert.Contains("Infisical.Snapshot.proj", forced.Output, StringComparison.Ordinal);
        Assert.Equal(0, BuildLog.Logins(server));
        Assert.Equal(new[] { 304 }, BuildLog.Lists(server));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(json));

        // CI builds always ask (CI=true means a zero refresh interval unless one is set), still conditionally.
        server.Controls.ClearRequests();
        var ci = new Dictionary<string, string?>(env) { ["CI"] = "true" };
        var ciBuild = await _fixture.BuildAsync(app, ci, "-p:InfisicalEnv=dev");
        Assert.True(ciBuild.ExitCode == 0, ciBuild.Output);
        Assert.Equal(new[] { 304 }, BuildLog.Lists(server));
        var ciPinned = await _fixture.BuildAsync(app, ci, "-p:InfisicalEnv=dev", "-p:InfisicalRefreshInterval=1h");
        Assert.True(ciPinned.ExitCode == 0, ciPinned.Output);
        Assert.Equal(new[] { 304 }, BuildLog.Lists(server));

        // A changed secret after the interval: the conditional list answers 200 and the file changes.
        server.Controls.ClearRequests();
        var changed = await ChangeSecretAsync(server, "EQUALS", "changed-after-refresh-Zk77");
        var refreshed = await _fixture.BuildAsync(app, env, "-p:InfisicalEnv=dev", "-p:InfisicalRefreshInterval=0");
        Assert.True(refreshed.ExitCode == 0, refreshed.Output);
        Assert.Equal(new[] { 200 }, BuildLog.Lists(server));
        Assert.Contains(changed, File.ReadAllText(json));
        BuildLog.AssertNoSecretIn(refreshed.Output, new Dictionary<string, string> { ["EQUALS"] = changed });
    }

    [Fact]
    public async Task A_six_project_solution_built_with_m_and_node_reuse_logs_in_once_and_lists_once()
    {
        await using var server = await PackagedBuildFixture.StartServerAsync();
        var solution = Path.Combine(_fixture.Workspace, "Solution6");
        Directory.CreateDirectory(solution);
        var projects = new List<string>();
        for (var i = 1; i <= 6; i++)
        {
            projects.Add(await _fixture.CreateProjectAsync("App" + i, parent: solution));
        }

        Assert.Equal(0, (await _fixture.DotnetAsync(solution, new[] { "new", "sln", "-n", "Six", "--format", "sln" })).ExitCode);
        var add = await _fixture.DotnetAsync(solution, new[] { "sln", "Six.sln", "add" }.Concat(projects.Select(p => Path.Combine(p, Path.GetFileName(p) + ".csproj"))));
        Assert.True(add.ExitCode == 0, add.Output);

        var env = PackagedBuildFixture.CredentialsFor(server, Path.Combine(solution, ".token-cache"));
        env["MSBUILDDISABLENODEREUSE"] = null;
        env["CI"] = "true"; // every build asks the server: the one-per-build rule is what is measured
        try
        {
            foreach (var round in new[] { 1, 2 })
            {
                server.Controls.ClearRequests();
                // Through sh with the output in a file: reused nodes outlive the build and would hold a pipe open.
                var log = Path.Combine(solution, $"build{round}.log");
                var build = await ProcessRunner.RunAsync(
                    "sh", new[] { "-c", $"dotnet build Six.sln --no-restore -nologo -tl:off -m -nodeReuse:true -p:InfisicalEnv=dev >'{log}' 2>&1 </dev/null" }, solution, _fixture.Environment(env), TimeSpan.FromMinutes(5));
                Assert.True(build.ExitCode == 0, File.ReadAllText(log));
                Assert.Equal(round == 1 ? 1 : 0, BuildLog.Logins(server));
                Assert.Equal(new[] { round == 1 ? 200 : 304 }, BuildLog.Lists(server));
                foreach (var project in projects)
                {
                    Assert.Contains("Zk15", File.ReadAllText(Path.Combine(project, "bin", "Debug", "net10.0", "appsettings.Infisical.json")));
                }
            }
        }
        finally
        {
            await _fixture.DotnetAsync(solution, new[] { "build-server", "shutdown" });
        }
    }

    private static async Task<string> ChangeSecretAsync(Infisical.LocalServer.LocalInfisicalServer server, string name, string value)
    {
        using var client = new Infisical.Client.InfisicalClient(new Infisical.Client.InfisicalClientOptions { Host = server.BaseUrl });
        await client.Auth.UniversalAuth.LoginAsync(Seeds.ClientId, Seeds.ClientSecret);
        await client.Secrets.UpdateAsync(new Infisical.Client.UpdateSecretOptions { ProjectId = Seeds.ProjectId, EnvironmentSlug = "dev", SecretPath = "/", SecretName = name, SecretValue = value });
        server.Controls.ClearRequests();
        return value;
    }
}
