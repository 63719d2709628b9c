using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Infisical.Build.Core.Merging;
using Infisical.Build.Core.Pipeline;
using Infisical.Build.Core.Snapshots;
using Xunit;

namespace Infisical.Build.Core.Tests.Pipeline;

/// <summary>The offline steps: the snapshot store, the merge of sources, and rendering with its checks.</summary>
public sealed class StoreMergeAndOutputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "infisical-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void A_snapshot_round_trips_exactly_and_privately_and_only_for_its_own_source()
    {
        var store = new SnapshotStore(Path.Combine(_dir, "store"));
        var source = Spec("/");
        var fetched = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var secrets = new[] { new FetchedSecret("A", "/", "line1\nline2 \"q\" 'x' \\ é 🔑"), new FetchedSecret("EMPTY", "/", "") };
        var path = store.Write(new SecretSnapshot(source, fetched, "W/\"etag-1\"", secrets));

        var read = store.TryRead(source)!;
        Assert.Equal(fetched, read.FetchedAt);
        Assert.Equal("W/\"etag-1\"", read.ETag);
        Assert.Equal(secrets.Select(s => (s.Name, s.Path, s.Value)), read.Secrets.Select(s => (s.Name, s.Path, s.Value)));
        Assert.Null(store.TryRead(Spec("/other")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.Directory));
        }

        File.WriteAllText(path, "{\"schemaVersion\":1,\"source\":");
        Assert.Equal(InfisicalBuildErrors.StoreUnreadable, Assert.Throws<InfisicalBuildException>(() => store.TryRead(source)).Code);
    }

    [Fact]
    public void A_later_source_wins_and_a_name_in_two_sources_is_reported_naming_both()
    {
        var problems = new List<BuildProblem>();
        var merged = SourceMerger.Merge(
            new[]
            {
                Snapshot(Spec("/"), ("SHARED", "root"), ("ROOT", "r")),
                Snapshot(Spec("/backend"), ("SHARED", "backend"), ("BACKEND", "b")),
            },
            duplicatesAreErrors: false,
            problems);

        Assert.Equal(new[] { ("SHARED", "backend", 1), ("ROOT", "r", 0), ("BACKEND", "b", 1) }, merged.Select(m => (m.Secret.Name, m.Secret.Value, m.SourceIndex)));
        var problem = Assert.Single(problems);
        Assert.Equal(InfisicalBuildErrors.DuplicateAcrossSources, problem.Code);
        Assert.Contains("path '/'", problem.Message);
        Assert.Contains("path '/backend'", problem.Message);
        Assert.DoesNotContain("backend\"", problem.Message);
    }

    [Fact]
    public void Required_names_are_listed_together_and_nothing_is_written_when_any_is_missing()
    {
        var result = OutputStep.Run(new[] { Snapshot(Spec("/"), ("DB_PASSWORD", "pw-Zx1")) }, Request(required: new[] { "DB_PASSWORD", "STRIPE_KEY", "SMTP_HOST" }));

        Assert.Equal(new[] { "STRIPE_KEY", "SMTP_HOST" }, result.Errors.Select(e => e.SecretName));
        Assert.All(result.Errors, e => Assert.Equal(InfisicalBuildErrors.RequiredSecretMissing, e.Code));
        Assert.False(Directory.Exists(_dir) && Directory.GetFiles(_dir).Length > 0);
    }

    [Fact]
    public void With_skip_an_unrepresentable_secret_is_left_out_of_that_output_only_with_a_warning()
    {
        var snapshots = new[] { Snapshot(Spec("/"), ("A____B", "broken-Zx2"), ("GOOD", "good-Zx3")) };
        var strict = OutputStep.Run(snapshots, Request());
        Assert.Equal(InfisicalBuildErrors.InvalidConfigurationKey, Assert.Single(strict.Errors).Code);
        Assert.Empty(strict.Files);

        var lenient = Request();
        lenient.SkipUnrepresentable = true;
        var result = OutputStep.Run(snapshots, lenient);
        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(InfisicalBuildErrors.SecretSkipped, warning.Code);
        Assert.Equal("A____B", warning.SecretName);
        var json = File.ReadAllText(lenient.JsonPath!);
        Assert.Contains("good-Zx3", json);
        Assert.DoesNotContain("broken-Zx2", json);

        // The manifest still names both: the analyzer should know the secret exists.
        using var manifest = JsonDocument.Parse(File.ReadAllText(lenient.ManifestPath));
        Assert.Equal(new[] { "A____B", "GOOD" }, manifest.RootElement.GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public void The_manifest_is_version_2_with_every_source_and_each_secrets_source_index_and_no_value()
    {
        var request = Request();
        var result = OutputStep.Run(new[] { Snapshot(Spec("/"), ("ROOT", "root-Zx4")), Snapshot(Spec("/backend"), ("API", "api-Zx5")) }, request);
        Assert.Empty(result.Errors);

        var text = File.ReadAllText(request.ManifestPath);
        Assert.DoesNotContain("Zx4", text);
        using var manifest = JsonDocument.Parse(text);
        Assert.Equal(2, manifest.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(new[] { "/", "/backend" }, manifest.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("secretPath").GetString()));
        Assert.Equal(new[] { ("API", 1), ("ROOT", 0) }, manifest.RootElement.GetProperty("secrets").EnumerateArray().Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("source").GetInt32())));

        // Unchanged content: nothing is rewritten.
        var again = OutputStep.Run(new[] { Snapshot(Spec("/"), ("ROOT", "root-Zx4")), Snapshot(Spec("/backend"), ("API", "api-Zx5")) }, request);
        Assert.Empty(again.Written);
        Assert.Equal(2, again.Files.Count);
    }

    private OutputRequest Request(string[]? required = null) => new()
    {
        Formats = OutputFormats.Parse("json"),
        JsonPath = Path.Combine(_dir, "appsettings.Infisical.json"),
        ManifestPath = Path.Combine(_dir, "infisical.manifest.json"),
        RequiredSecrets = required ?? Array.Empty<string>(),
    };

    private static SourceSpec Spec(string path) => new("https://vault.example", null, "proj", "dev", path, false, true, true, null);

    private static SecretSnapshot Snapshot(SourceSpec source, params (string Name, string Value)[] secrets) =>
        new(source, DateTimeOffset.UtcNow, null, secrets.Select(s => new FetchedSecret(s.Name, source.SecretPath, s.Value)).ToList());
}
