using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Infisical.Build.Tasks;
using Infisical.Build.Tests.Support;
using Infisical.LocalServer;
using Microsoft.Build.Framework;
using TaskItem = Microsoft.Build.Utilities.TaskItem;
using Xunit;

namespace Infisical.Build.Tests.Unit;

/// <summary>
/// The warm build's short cut (FindFreshInfisicalSnapshots): it answers only when every source is fresh in the
/// store, sends nothing, and in every other case answers nothing and reports nothing, leaving it to the shared fetch.
/// </summary>
public sealed class FreshSnapshotCheckTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "infisical-fresh-" + Guid.NewGuid().ToString("N"));
    private LocalInfisicalServer? _server;

    public async Task InitializeAsync() =>
        _server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(Seeds.Document(Seeds.AwkwardDev)) });

    public async Task DisposeAsync()
    {
        if (_server != null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Every_source_fresh_gives_their_snapshots_in_order_without_a_request()
    {
        var flat = Fetched(recursive: false);
        var recursive = Fetched(recursive: true);
        Assert.NotEqual(flat, recursive);
        var requests = _server!.Controls.Requests.Count;
        var check = Check(Source(recursive: false), Source(recursive: true), Source(recursive: false));

        Assert.True(check.Execute(), check.Engine().AllText);

        Assert.Equal(new[] { flat, recursive, flat }, check.Snapshots.Select(s => s.ItemSpec));
        Assert.All(check.Snapshots, s => Assert.Equal("Store", s.GetMetadata("Status")));
        Assert.Equal(3, check.Engine().Messages.Count(m => m.Message!.Contains("no request sent", StringComparison.Ordinal)));
        Assert.Equal(requests, _server.Controls.Requests.Count);
    }

    [Fact]
    public void One_source_without_a_stored_snapshot_gives_nothing_so_all_go_to_the_shared_fetch()
    {
        Fetched(recursive: false);
        var check = Check(Source(recursive: false), Source(recursive: true));

        Assert.True(check.Execute(), check.Engine().AllText);

        Assert.Empty(check.Snapshots);
        Assert.Empty(check.Engine().Messages);
    }

    [Theory]
    [InlineData("InfisicalRefresh=true")]
    [InlineData("InfisicalRefreshInterval=0")]
    [InlineData("CI=true")]
    [InlineData("ContinuousIntegrationBuild=true")]
    public void A_forced_refresh_a_zero_interval_or_a_CI_build_gives_nothing(string setting)
    {
        Fetched(recursive: false);
        var env = new Dictionary<string, string?>();
        var check = Check(Source(recursive: false));
        check.GetEnvironmentVariable = name => env.GetValueOrDefault(name);
        switch (setting)
        {
            case "InfisicalRefresh=true": check.Refresh = "true"; break;
            case "InfisicalRefreshInterval=0": check.RefreshInterval = "0"; break;
            case "CI=true": env["CI"] = "true"; break;
            default: check.ContinuousIntegration = "true"; break;
        }

        Assert.True(check.Execute(), check.Engine().AllText);
        Assert.Empty(check.Snapshots);

        // The control: the same check without the setting answers from the store.
        var control = Check(Source(recursive: false));
        control.GetEnvironmentVariable = _ => null;
        Assert.True(control.Execute());
        Assert.Single(control.Snapshots);
    }

    [Fact]
    public void A_setting_the_shared_fetch_rejects_gives_nothing_and_no_error_of_its_own()
    {
        Fetched(recursive: false);
        var ambiguous = Source(recursive: false);
        ambiguous.SetMetadata("ProjectSlug", Seeds.ProjectSlug); // both id and slug: INFB006 from the shared fetch
        var check = Check(ambiguous);

        Assert.True(check.Execute(), check.Engine().AllText);

        Assert.Empty(check.Snapshots);
        Assert.Empty(check.Engine().Errors);
        Assert.Empty(check.Engine().Warnings);
    }

    [Fact]
    public void Encrypt_mode_does_not_take_a_plaintext_snapshot_as_its_sealed_one()
    {
        Fetched(recursive: false);
        var check = Check(Source(recursive: false));
        check.Mode = "encrypt";
        check.KmsKeyName = "settings";

        Assert.True(check.Execute(), check.Engine().AllText);

        Assert.Empty(check.Snapshots);
    }

    /// <summary>Fetches the root folder into the store (as a cold build would) and returns the stored snapshot's path.</summary>
    private string Fetched(bool recursive)
    {
        var pipeline = TaskPipeline.SeededProjectAt(Path.Combine(_dir, recursive ? "fetch-recursive" : "fetch"), _server!.BaseUrl);
        pipeline.StoreDirectory = Path.Combine(_dir, "store");
        pipeline.Recursive = recursive;
        Assert.True(pipeline.Execute(), pipeline.Engine.AllText);
        Assert.Equal("Fetched", pipeline.Status);
        return pipeline.SnapshotFile;
    }

    private TaskItem Source(bool recursive)
    {
        var source = new TaskItem("(default)");
        source.SetMetadata("Host", _server!.BaseUrl);
        source.SetMetadata("ProjectId", Seeds.ProjectId);
        source.SetMetadata("Environment", "dev");
        source.SetMetadata("Path", "/");
        source.SetMetadata("Recursive", recursive ? "true" : "false");
        return source;
    }

    private FindFreshInfisicalSnapshots Check(params ITaskItem[] sources) => new()
    {
        BuildEngine = new RecordingBuildEngine(),
        GetEnvironmentVariable = _ => null,
        Sources = sources,
        StoreDirectory = Path.Combine(_dir, "store"),
        ProjectFile = Path.Combine(_dir, "App.csproj"),
    };
}

internal static class FreshCheckExtensions
{
    public static RecordingBuildEngine Engine(this FindFreshInfisicalSnapshots task) => (RecordingBuildEngine)task.BuildEngine;
}
