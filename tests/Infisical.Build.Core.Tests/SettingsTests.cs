using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace Infisical.Build.Core.Tests;

/// <summary>Settings → source specs, refresh and availability rules.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "infisical-settings-" + Guid.NewGuid().ToString("N"));

    public SettingsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("/", "/")]
    [InlineData(" /app/db/ ", "/app/db")]
    [InlineData("/backend", "/backend")]
    public void Folder_paths_are_normalised_like_the_server_does(string raw, string expected) =>
        Assert.Equal(expected, SourceSettings.NormalisePath(raw));

    [Theory]
    [InlineData("app")]
    [InlineData("/a//b")]
    [InlineData("\\app")]
    public void A_path_that_is_not_a_folder_is_INFB007(string raw) =>
        Assert.Equal(InfisicalBuildErrors.InvalidSecretPath, Assert.Throws<InfisicalBuildException>(() => SourceSettings.NormalisePath(raw)).Code);

    [Fact]
    public void The_key_changes_with_every_field_that_changes_the_answer()
    {
        var a = Spec("dev", "/");
        Assert.Equal(a.Key, Spec("dev", "/").Key);
        Assert.NotEqual(a.Key, Spec("prod", "/").Key);
        Assert.NotEqual(a.Key, Spec("dev", "/x").Key);
        Assert.NotEqual(a.Key, new SourceSpec("https://h", null, "p", "dev", "/", recursive: true, true, true, null).Key);
        Assert.NotEqual(a.Key, new SourceSpec("https://h", null, "p", "dev", "/", false, true, true, "tag").Key);
    }

    [Fact]
    public void Auto_takes_the_branch_mapping_then_the_default_environment_and_never_guesses()
    {
        var config = Path.Combine(_dir, ".infisical.json");
        File.WriteAllText(config, "{\"workspaceId\":\"p1\",\"defaultEnvironment\":\"staging\",\"gitBranchToEnvironmentMapping\":{\"main\":\"prod\"}}");
        Directory.CreateDirectory(Path.Combine(_dir, ".git"));
        File.WriteAllText(Path.Combine(_dir, ".git", "HEAD"), "ref: refs/heads/main\n");
        var project = Directory.CreateDirectory(Path.Combine(_dir, "src", "App")).FullName;
        var loaded = InfisicalProjectConfig.Load(config);

        Assert.Equal("prod", SourceSettings.ResolveAuto(loaded, project));
        File.WriteAllText(Path.Combine(_dir, ".git", "HEAD"), "ref: refs/heads/feature/x\n");
        Assert.Equal("staging", SourceSettings.ResolveAuto(loaded, project));

        File.WriteAllText(config, "{\"workspaceId\":\"p1\"}");
        var error = Assert.Throws<InfisicalBuildException>(() => SourceSettings.ResolveAuto(InfisicalProjectConfig.Load(config), project));
        Assert.Equal(InfisicalBuildErrors.EnvironmentNotResolved, error.Code);
        Assert.Contains("'feature/x'", error.Message);
        Assert.Equal(InfisicalBuildErrors.EnvironmentNotResolved, Assert.Throws<InfisicalBuildException>(() => SourceSettings.ResolveAuto(InfisicalProjectConfig.Load(null), project)).Code);
    }

    [Fact]
    public void A_worktree_git_file_points_at_the_real_head()
    {
        var gitDir = Directory.CreateDirectory(Path.Combine(_dir, "real-git")).FullName;
        File.WriteAllText(Path.Combine(gitDir, "HEAD"), "ref: refs/heads/release\n");
        var tree = Directory.CreateDirectory(Path.Combine(_dir, "tree")).FullName;
        File.WriteAllText(Path.Combine(tree, ".git"), "gitdir: " + gitDir + "\n");
        Assert.Equal("release", GitBranch.Current(tree));
        File.WriteAllText(Path.Combine(gitDir, "HEAD"), "3f2c1b4a5d6e4f708a9b0c1d2e3f4a5b6c7d8e9f\n");
        Assert.Null(GitBranch.Current(tree));
    }

    [Theory]
    [InlineData("600", 600)]
    [InlineData("10m", 600)]
    [InlineData("1h", 3600)]
    [InlineData("30s", 30)]
    [InlineData("00:10:00", 600)]
    [InlineData("0", 0)]
    public void Durations_take_the_documented_forms(string raw, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RefreshPolicy.ParseSpan(raw, "InfisicalRefreshInterval"));

    [Theory]
    [InlineData("ten minutes")]
    [InlineData("-5")]
    public void A_bad_duration_is_INFB009_naming_the_property(string raw)
    {
        var error = Assert.Throws<InfisicalBuildException>(() => RefreshPolicy.ParseSpan(raw, "InfisicalRefreshInterval"));
        Assert.Equal(InfisicalBuildErrors.InvalidSetting, error.Code);
        Assert.Contains("InfisicalRefreshInterval", error.Message);
    }

    [Fact]
    public void Fresh_means_within_the_interval_not_forced_and_not_from_the_future()
    {
        var now = DateTimeOffset.UtcNow;
        var policy = RefreshPolicy.Parse(null, null, continuousIntegration: false);
        Assert.Equal(RefreshPolicy.DefaultInterval, policy.Interval);
        Assert.True(policy.IsFresh(now.AddMinutes(-9), now));
        Assert.False(policy.IsFresh(now.AddMinutes(-11), now));
        Assert.False(policy.IsFresh(now.AddMinutes(5), now));
        Assert.False(RefreshPolicy.Parse(null, "true", false).IsFresh(now, now));
        Assert.False(RefreshPolicy.Parse(null, null, continuousIntegration: true).IsFresh(now.AddSeconds(-1), now));
        Assert.True(RefreshPolicy.Parse("1h", null, continuousIntegration: true).IsFresh(now.AddMinutes(-30), now));
    }

    [Theory]
    [InlineData(null, "Error")]
    [InlineData("warn", "Warn")]
    [InlineData("SKIP", "Skip")]
    public void WhenUnavailable_parses(string? raw, string expected) =>
        Assert.Equal(expected, AvailabilityPolicy.Parse(raw, null, null).WhenUnavailable.ToString());

    [Fact]
    public void An_unknown_WhenUnavailable_is_INFB009() =>
        Assert.Equal(InfisicalBuildErrors.InvalidSetting, Assert.Throws<InfisicalBuildException>(() => AvailabilityPolicy.Parse("ignore", null, null)).Code);

    [Theory]
    [InlineData("http://127.0.0.1:8080", false, null)]
    [InlineData("http://localhost:8080", false, null)]
    [InlineData("https://vault.example", false, null)]
    [InlineData("http://vault.example", false, InfisicalBuildErrors.InsecureHost)]
    [InlineData("http://vault.example", true, null)]
    public void Credentials_go_only_over_https_or_to_loopback(string host, bool allow, string? code)
    {
        var error = Record.Exception(() => TransportRule.Check(host, "InfisicalHost", allow));
        Assert.Equal(code, (error as InfisicalBuildException)?.Code);
    }

    private static SourceSpec Spec(string environment, string path) => new("https://h", null, "p", environment, path, false, true, true, null);
}
