using System;
using System.Collections.Generic;
using System.IO;
using Infisical.Build.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Infisical.Build.Tests.Support;

/// <summary>
/// The tasks chained the way the targets chain them for one source (ResolveInfisicalSettings, the in-project
/// FindFreshInfisicalSnapshots, GetInfisicalSnapshot when that found nothing fresh, then WriteInfisicalOutputs),
/// run in-process with a recording engine. Defaults are the product's: only the store
/// and token-cache folders are the test's own, so tests never see each other's tokens.
/// </summary>
internal sealed class TaskPipeline
{
    private readonly string _dir;

    public TaskPipeline(RecordingBuildEngine engine, string dir, Func<string, string?> environment)
    {
        Engine = engine;
        _dir = dir;
        Environment = environment;
        JsonOutputPath = Path.Combine(dir, "appsettings.Infisical.json");
        DotEnvOutputPath = Path.Combine(dir, ".env");
        ManifestPath = Path.Combine(dir, "infisical.manifest.json");
        StoreDirectory = Path.Combine(dir, "store");
        TokenCacheDirectory = Path.Combine(dir, "tokens");
    }

    /// <summary>A forced fetch of the seeded project from <paramref name="host"/>, logging in with the seeded identity.</summary>
    public static TaskPipeline SeededProjectAt(string dir, string host)
    {
        var env = Seeds.UniversalAuth();
        return new TaskPipeline(new RecordingBuildEngine(), dir, name => env.GetValueOrDefault(name)) { Host = host, ProjectId = Seeds.ProjectId, Refresh = "true" };
    }

    public RecordingBuildEngine Engine { get; set; }

    public Func<string, string?> Environment { get; set; }

    public string? Host { get; set; }

    public string? ProjectId { get; set; }

    public string? ProjectSlug { get; set; }

    public string EnvironmentSlug { get; set; } = "dev";

    public string? SecretPath { get; set; }

    public bool Recursive { get; set; }

    public string OutputFormat { get; set; } = "json";

    public string? JsonOutputPath { get; set; }

    public string? DotEnvDialect { get; set; }

    public string? DotEnvOutputPath { get; set; }

    public string ManifestPath { get; set; }

    public string? ProjectConfigFile { get; set; }

    public string StoreDirectory { get; set; }

    public string TokenCacheDirectory { get; set; }

    public string? RefreshInterval { get; set; }

    public string? Refresh { get; set; }

    public string? WhenUnavailable { get; set; }

    public string? OfflineFallback { get; set; }

    public string? TimeoutSeconds { get; set; } = "20";

    public string? AuthMethod { get; set; }

    public string[] RequiredSecrets { get; set; } = Array.Empty<string>();

    /// <summary>Runs on the snapshot task just before it executes (e.g. to cancel it as MSBuild would).</summary>
    public Action<GetInfisicalSnapshot>? BeforeSnapshot { get; set; }

    /// <summary>What the snapshot step reported (Store, Fetched, Revalidated, Offline, Skipped).</summary>
    public string Status { get; private set; } = string.Empty;

    /// <summary>The stored snapshot the outputs were rendered from; empty when the source was skipped.</summary>
    public string SnapshotFile { get; private set; } = string.Empty;

    public bool Execute()
    {
        var settings = new ResolveInfisicalSettings
        {
            BuildEngine = Engine,
            GetEnvironmentVariable = Environment,
            Environment = EnvironmentSlug,
            OutputFormat = OutputFormat,
            DotEnvDialect = DotEnvDialect,
            ProjectConfigFile = ProjectConfigFile,
            ProjectDirectory = _dir,
            ProjectFile = Path.Combine(_dir, "test.csproj"),
        };
        if (!settings.Execute())
        {
            return false;
        }

        // As the targets do: the in-project check first, the fetch only when a snapshot is not fresh.
        var fresh = NewFreshCheck(settings.ResolvedEnvironment);
        if (!fresh.Execute())
        {
            return false;
        }

        if (fresh.Snapshots.Length == 1)
        {
            Status = fresh.Snapshots[0].GetMetadata("Status");
            SnapshotFile = fresh.Snapshots[0].ItemSpec;
            return WriteOutputs(fresh.Snapshots[0]);
        }

        var snapshot = new GetInfisicalSnapshot
        {
            BuildEngine = Engine,
            GetEnvironmentVariable = Environment,
            Host = Host,
            ProjectId = ProjectId,
            ProjectSlug = ProjectSlug,
            Environment = settings.ResolvedEnvironment,
            SecretPath = SecretPath,
            Recursive = Recursive ? "true" : "false",
            ProjectConfigFile = ProjectConfigFile,
            StoreDirectory = StoreDirectory,
            RefreshInterval = RefreshInterval,
            Refresh = Refresh,
            WhenUnavailable = WhenUnavailable,
            OfflineFallback = OfflineFallback,
            TimeoutSeconds = TimeoutSeconds,
            AuthMethod = AuthMethod,
            TokenCacheDirectory = TokenCacheDirectory,
            ProjectFile = Path.Combine(_dir, "test.csproj"),
        };
        BeforeSnapshot?.Invoke(snapshot);
        if (!snapshot.Execute())
        {
            return false;
        }

        Status = snapshot.Status;
        SnapshotFile = snapshot.SnapshotFile;
        var item = new TaskItem(snapshot.SnapshotFile.Length > 0 ? snapshot.SnapshotFile : "skipped");
        item.SetMetadata("Status", snapshot.Status);
        return WriteOutputs(item);
    }

    /// <summary>The in-project freshness check for this pipeline's one source, its metadata named as the targets name it.</summary>
    public FindFreshInfisicalSnapshots NewFreshCheck(string environment)
    {
        var source = new TaskItem("(default)");
        source.SetMetadata("Host", Host ?? string.Empty);
        source.SetMetadata("ProjectId", ProjectId ?? string.Empty);
        source.SetMetadata("ProjectSlug", ProjectSlug ?? string.Empty);
        source.SetMetadata("Environment", environment);
        source.SetMetadata("Path", SecretPath ?? string.Empty);
        source.SetMetadata("Recursive", Recursive ? "true" : "false");
        return new FindFreshInfisicalSnapshots
        {
            BuildEngine = Engine,
            GetEnvironmentVariable = Environment,
            Sources = new ITaskItem[] { source },
            ProjectConfigFile = ProjectConfigFile,
            StoreDirectory = StoreDirectory,
            RefreshInterval = RefreshInterval,
            Refresh = Refresh,
            ProjectFile = Path.Combine(_dir, "test.csproj"),
        };
    }

    private bool WriteOutputs(ITaskItem item)
    {
        var required = new List<TaskItem>();
        foreach (var name in RequiredSecrets)
        {
            required.Add(new TaskItem(name));
        }

        return new WriteInfisicalOutputs
        {
            BuildEngine = Engine,
            GetEnvironmentVariable = Environment,
            Snapshots = new[] { item },
            OutputFormat = OutputFormat,
            JsonOutputPath = JsonOutputPath,
            DotEnvOutputPath = DotEnvOutputPath,
            DotEnvDialect = DotEnvDialect,
            ManifestPath = ManifestPath,
            RequiredSecrets = required.ToArray(),
            ProjectFile = Path.Combine(_dir, "test.csproj"),
        }.Execute();
    }
}
