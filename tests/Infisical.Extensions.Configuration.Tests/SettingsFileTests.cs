using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace Infisical.Extensions.Configuration.Tests;

public sealed class SettingsFileTests
{
    private const string Json = """{ "ConnectionStrings": { "Db": "Host=db;Password=p1" }, "Stripe": { "ApiKey": "sk_1" } }""";

    [Fact]
    public void Reads_nested_keys_from_an_absolute_path()
    {
        using var dir = new TempDir();
        var file = dir.Write("appsettings.Infisical.json", Json);
        var config = new ConfigurationBuilder().AddInfisicalSettings(o => o.Path = file).Build();
        Assert.Equal("Host=db;Password=p1", config.GetConnectionString("Db"));
        Assert.Equal("sk_1", config["stripe:apikey"]);
    }

    [Fact]
    public void A_relative_path_is_found_in_the_builder_base_path_when_not_next_to_the_app()
    {
        using var dir = new TempDir();
        var name = "infx-" + Guid.NewGuid().ToString("N") + ".json";
        dir.Write(name, Json);
        var builder = new ConfigurationBuilder().SetBasePath(dir.Path);
        builder.AddInfisicalSettings(o => o.Path = name);
        var source = builder.Sources.OfType<InfisicalSettingsSource>().Single();
        Assert.Equal(Path.Combine(dir.Path, name), source.ResolvedPath);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, name), source.SearchedPaths[0]);
        Assert.Equal("sk_1", builder.Build()["Stripe:ApiKey"]);
    }

    [Fact]
    public void The_default_file_next_to_the_app_wins_over_the_base_path()
    {
        // The test project has no generated file next to it, so write one there for this test only.
        var nextToApp = Path.Combine(AppContext.BaseDirectory, InfisicalSettingsOptions.DefaultFileName);
        using var dir = new TempDir();
        dir.Write(InfisicalSettingsOptions.DefaultFileName, """{ "Where": "content-root" }""");
        File.WriteAllText(nextToApp, """{ "Where": "app" }""");
        try
        {
            var config = new ConfigurationBuilder().SetBasePath(dir.Path).AddInfisicalSettings().Build();
            Assert.Equal("app", config["Where"]);
        }
        finally
        {
            File.Delete(nextToApp);
        }
    }

    [Fact]
    public void A_missing_required_file_throws_naming_every_path_and_the_fix()
    {
        using var dir = new TempDir();
        var name = "missing-" + Guid.NewGuid().ToString("N") + ".json";
        var e = Assert.Throws<InfisicalConfigurationException>(() =>
            new ConfigurationBuilder().SetBasePath(dir.Path).AddInfisicalSettings(o => o.Path = name));
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, name), e.Message);
        Assert.Contains(Path.Combine(dir.Path, name), e.Message);
        Assert.Contains(Path.Combine(Directory.GetCurrentDirectory(), name), e.Message);
        Assert.Contains("-p:InfisicalEnv=", e.Message);
        Assert.Contains("Optional = true", e.Message);
    }

    [Fact]
    public void A_missing_optional_file_is_recorded_and_adds_nothing()
    {
        using var dir = new TempDir();
        var builder = new ConfigurationBuilder().SetBasePath(dir.Path);
        builder.AddInfisicalSettings(o => { o.Path = "missing-" + Guid.NewGuid().ToString("N") + ".json"; o.Optional = true; });
        var source = builder.Sources.OfType<InfisicalSettingsSource>().Single();
        Assert.True(source.IsMissing);
        Assert.Null(source.ResolvedPath);
        Assert.Contains(Path.Combine(dir.Path, Path.GetFileName(source.SearchedPaths[0])), source.SearchedPaths);
        Assert.Empty(builder.Build().AsEnumerable());
    }

    [Fact]
    public async Task Reload_on_change_picks_up_a_rewritten_file()
    {
        using var dir = new TempDir();
        var file = dir.Write("appsettings.Infisical.json", Json);
        var config = new ConfigurationBuilder().AddInfisicalSettings(o => { o.Path = file; o.ReloadOnChange = true; }).Build();
        Assert.Equal("sk_1", config["Stripe:ApiKey"]);

        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ChangeToken.OnChange(config.GetReloadToken, () => { if (config["Stripe:ApiKey"] == "sk_2") reloaded.TrySetResult(); });
        File.WriteAllText(file, Json.Replace("sk_1", "sk_2"));

        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("sk_2", config["Stripe:ApiKey"]);
    }

    [Fact]
    public async Task An_optional_missing_file_with_reload_on_change_is_read_once_it_appears()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "appsettings.Infisical.json");
        var config = new ConfigurationBuilder().AddInfisicalSettings(o => { o.Path = file; o.Optional = true; o.ReloadOnChange = true; }).Build();
        Assert.Null(config["Stripe:ApiKey"]);

        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ChangeToken.OnChange(config.GetReloadToken, () => { if (config["Stripe:ApiKey"] == "sk_1") reloaded.TrySetResult(); });
        File.WriteAllText(file, Json);

        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("sk_1", config["Stripe:ApiKey"]);
    }
}
