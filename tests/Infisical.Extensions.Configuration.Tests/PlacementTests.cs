using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Infisical.Extensions.Configuration.Tests;

/// <summary>
/// The file must sit where user secrets sit: over appsettings*.json, under environment variables and the command
/// line. Environment variables are process-wide, so each test uses its own section name.
/// </summary>
public sealed class PlacementTests
{
    [Fact]
    public void In_WebApplication_builder_an_environment_variable_and_the_command_line_override_the_file()
    {
        var section = "INFX" + Guid.NewGuid().ToString("N");
        using var dir = new TempDir();
        dir.Write("appsettings.json", $$"""{ "{{section}}": { "FromJson": "json", "Shadowed": "json" } }""");
        var file = dir.Write("appsettings.Infisical.json", $$"""{ "{{section}}": { "Key": "file", "Cmd": "file", "Other": "file-other", "Shadowed": "file" } }""");
        Environment.SetEnvironmentVariable(section + "__Key", "env");
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = new[] { $"--{section}:Cmd=cmd" }, ContentRootPath = dir.Path });
            builder.Configuration.AddInfisicalSettings(o => o.Path = file);
            var c = builder.Configuration.GetSection(section);
            Assert.Equal("env", c["Key"]);
            Assert.Equal("cmd", c["Cmd"]);
            Assert.Equal("file-other", c["Other"]);
            Assert.Equal("file", c["Shadowed"]);
            Assert.Equal("json", c["FromJson"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(section + "__Key", null);
        }
    }

    [Fact]
    public void In_Host_application_builder_the_source_goes_after_the_json_files_and_before_the_trailing_overrides()
    {
        var section = "INFX" + Guid.NewGuid().ToString("N");
        using var dir = new TempDir();
        var file = dir.Write("appsettings.Infisical.json", $$"""{ "{{section}}": { "Key": "file" } }""");
        Environment.SetEnvironmentVariable(section + "__Key", "env");
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = Array.Empty<string>(), ContentRootPath = dir.Path });
            builder.Configuration.AddInfisicalSettings(o => o.Path = file);
            var sources = ((IConfigurationBuilder)builder.Configuration).Sources.ToList();
            var ours = sources.FindIndex(s => s is InfisicalSettingsSource);
            var lastJson = sources.FindLastIndex(s => s is JsonConfigurationSource && s is not InfisicalSettingsSource);
            Assert.True(ours > lastJson, $"Infisical source at {ours}, last JSON file at {lastJson}");
            Assert.Equal("EnvironmentVariablesConfigurationSource", sources[ours + 1].GetType().Name);
            Assert.Equal("env", builder.Configuration[section + ":Key"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(section + "__Key", null);
        }
    }

    [Fact]
    public void A_plain_builder_without_overrides_gets_the_source_appended()
    {
        using var dir = new TempDir();
        var file = dir.Write("appsettings.Infisical.json", """{ "A": "file" }""");
        var builder = new ConfigurationBuilder().AddInMemoryCollection(new[] { new System.Collections.Generic.KeyValuePair<string, string?>("A", "memory") });
        builder.AddInfisicalSettings(o => o.Path = file);
        Assert.IsType<InfisicalSettingsSource>(builder.Sources.Last());
        Assert.Equal("file", builder.Build()["A"]);
    }
}
