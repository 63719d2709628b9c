using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Infisical.LocalServer;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Infisical.Build.Tests.Unit;

/// <summary>The task run in-process against the real local server over HTTP (the MSBuild engine is a recorder).</summary>
public sealed class FetchTaskTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "infisical-task-" + Guid.NewGuid().ToString("N"));
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
    public async Task Writes_exact_values_once_and_reuses_the_fetch_within_a_build()
    {
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, Seeds.UniversalAuth());

        Assert.True(task.Execute(), engine.AllText);

        var truth = await ServerTruth.ListAsync(_server!.BaseUrl, "dev");
        Assert.Equal(Seeds.AwkwardDev.Count, truth.Count);
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(_dir, "appsettings.Infisical.json")).Build();
        foreach (var (key, value) in truth)
        {
            Assert.Equal(value, config[key.Replace("__", ":")]);
        }

        Assert.Equal(truth.OrderBy(p => p.Key), (await NpmDotEnv.ParseAsync(Path.Combine(_dir, ".env"))).OrderBy(p => p.Key));

        var manifestText = File.ReadAllText(Path.Combine(_dir, "infisical.manifest.json"));
        using var manifest = JsonDocument.Parse(manifestText);
        Assert.Equal(2, manifest.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(Seeds.ProjectSlug, Assert.Single(manifest.RootElement.GetProperty("sources").EnumerateArray()).GetProperty("projectSlug").GetString());
        Assert.Equal(truth.Keys.OrderBy(k => k, StringComparer.Ordinal), manifest.RootElement.GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        AssertNoValueIn(manifestText, truth);
        AssertNoValueIn(engine.AllText, truth);
        Assert.DoesNotContain(Seeds.ClientSecret, engine.AllText);

        // Within the refresh interval the stored snapshot is used: no request at all, nothing rewritten.
        var stamps = Directory.GetFiles(_dir).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var requestsBefore = _server.Controls.Requests.Count;
        Assert.Contains(_server.Controls.Requests, r => r.Path.Contains("/secrets", StringComparison.Ordinal));
        var again = NewTask(engine, Seeds.UniversalAuth());
        Assert.True(again.Execute(), engine.AllText);
        Assert.Equal("Store", again.Status);
        Assert.Equal(requestsBefore, _server.Controls.Requests.Count);
        Assert.Contains(engine.Messages, m => m.Message!.Contains("no request sent"));
        Assert.Equal(stamps, Directory.GetFiles(_dir).ToDictionary(f => f, File.GetLastWriteTimeUtc));
    }

    [Fact]
    public void Wrong_client_secret_is_INFB010_with_the_server_message_and_no_secret()
    {
        var engine = new RecordingBuildEngine();
        var env = Seeds.UniversalAuth();
        env["INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"] = "wrong-secret-Yp3";

        Assert.False(NewTask(engine, env).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("INFB010", error.Code);
        Assert.Contains("401", error.Message);
        Assert.DoesNotContain("wrong-secret-Yp3", engine.AllText);
        Assert.False(File.Exists(Path.Combine(_dir, "appsettings.Infisical.json")));
    }

    [Fact]
    public void A_bad_token_is_INFB010_and_is_never_echoed()
    {
        var engine = new RecordingBuildEngine();
        Assert.False(NewTask(engine, new Dictionary<string, string?> { ["INFISICAL_TOKEN"] = "not-a-real-token-Wq8" }).Execute());
        Assert.Equal("INFB010", Assert.Single(engine.Errors).Code);
        Assert.DoesNotContain("not-a-real-token-Wq8", engine.AllText);
    }

    [Theory]
    [InlineData("", "", "INFB001")]
    [InlineData("id", "slug", "INFB006")]
    public void Project_must_be_named_exactly_once(string id, string slug, string code)
    {
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, Seeds.UniversalAuth());
        task.ProjectSlug = slug;
        task.ProjectId = id;
        Assert.False(task.Execute());
        Assert.Equal(code, Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Project_id_comes_from_infisical_json_when_no_property_names_one()
    {
        Directory.CreateDirectory(_dir);
        var file = Path.Combine(_dir, ".infisical.json");
        File.WriteAllText(file, $"{{\"workspaceId\":\"{Seeds.ProjectId}\",\"defaultEnvironment\":\"prod\",\"defaultSecretPath\":\"/\"}}");
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, Seeds.UniversalAuth());
        task.ProjectSlug = null;
        task.ProjectConfigFile = file;

        Assert.True(task.Execute(), engine.AllText);
        Assert.Contains($"\"projectId\": \"{Seeds.ProjectId}\"", File.ReadAllText(Path.Combine(_dir, "infisical.manifest.json")));
        Assert.Contains("\"environment\": \"dev\"", File.ReadAllText(Path.Combine(_dir, "infisical.manifest.json")));
    }

    [Theory]
    [InlineData("INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", "INFB002")]
    [InlineData(null, "INFB002")]
    public void Missing_credentials_are_INFB002(string? onlyVariable, string code)
    {
        var env = new Dictionary<string, string?>();
        if (onlyVariable != null)
        {
            env[onlyVariable] = "x";
        }

        var engine = new RecordingBuildEngine();
        Assert.False(NewTask(engine, env).Execute());
        Assert.Equal(code, Assert.Single(engine.Errors).Code);
        Assert.Empty(_server!.Controls.Requests);
    }

    [Fact]
    public void Unknown_project_and_unreachable_host_get_their_own_codes()
    {
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, Seeds.UniversalAuth());
        task.ProjectSlug = "no-such-project";
        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        // The server answers an unknown slug with 404 (not a 403 as for a project the identity may not read).
        Assert.True(error.Code == "INFB012", error.Code + ": " + error.Message);
        Assert.Contains("no-such-project", error.Message);

        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        engine = new RecordingBuildEngine();
        task = NewTask(engine, Seeds.UniversalAuth());
        task.Host = $"http://127.0.0.1:{port}/api";
        Assert.False(task.Execute());
        Assert.Equal("INFB014", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public async Task Conflicting_names_fail_the_build_without_writing_anything()
    {
        await using var server = await LocalInfisicalServer.StartAsync(new LocalServerOptions
        {
            Seed = SeedDocument.Parse(Seeds.Document(new Dictionary<string, string> { ["Db"] = "conflict-value-1", ["Db__Host"] = "conflict-value-2", ["ok"] = "fine" })),
        });
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, Seeds.UniversalAuth());
        task.Host = server.BaseUrl;

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("INFB020", error.Code);
        Assert.Contains("'Db'", error.Message);
        Assert.Contains("'Db__Host'", error.Message);
        Assert.DoesNotContain("conflict-value", engine.AllText);
        Assert.False(Directory.Exists(_dir) && Directory.GetFiles(_dir).Length > 0, "no settings file or manifest is written when rendering fails");
    }

    [Theory]
    [InlineData("prdo", "/", "INFB040", "dev, prod")]
    [InlineData("dev", "/nope", "INFB041", "'/nope'")]
    public void An_unknown_environment_or_folder_is_an_error_naming_what_exists(string environment, string path, string code, string named)
    {
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, Seeds.UniversalAuth());
        task.EnvironmentSlug = environment;
        task.SecretPath = path;

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.True(error.Code == code, error.Code + ": " + error.Message);
        Assert.Contains(named, error.Message);
        Assert.False(File.Exists(Path.Combine(_dir, "appsettings.Infisical.json")));
    }

    [Fact]
    public void The_portable_default_refuses_a_value_another_parser_would_change_and_writes_nothing()
    {
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, Seeds.UniversalAuth());
        task.DotEnvDialect = null;

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("INFB024", error.Code);
        Assert.Contains("'DOLLARS'", error.Message);
        Assert.Contains("InfisicalDotEnvDialect=portable", error.Message);
        Assert.DoesNotContain(Seeds.AwkwardDev["DOLLARS"], engine.AllText);
        Assert.False(File.Exists(Path.Combine(_dir, ".env")));
        Assert.False(File.Exists(Path.Combine(_dir, "appsettings.Infisical.json")));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    public void A_bad_timeout_is_INFB009_naming_the_property_not_an_MSBuild_error(string timeout)
    {
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, Seeds.UniversalAuth());
        task.TimeoutSeconds = timeout;
        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("INFB009", error.Code);
        Assert.Contains("InfisicalTimeoutSeconds", error.Message);
    }

    [Fact]
    public void An_unknown_dialect_is_INFB026_before_any_request()
    {
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, Seeds.UniversalAuth());
        task.DotEnvDialect = "bash";
        Assert.False(task.Execute());
        Assert.Equal("INFB026", Assert.Single(engine.Errors).Code);
        Assert.Empty(_server!.Controls.Requests);
    }

    [Fact]
    public void Invalid_output_format_is_INFB004_before_any_request()
    {
        var engine = new RecordingBuildEngine();
        var task = NewTask(engine, Seeds.UniversalAuth());
        task.OutputFormat = "yaml";
        Assert.False(task.Execute());
        Assert.Equal("INFB004", Assert.Single(engine.Errors).Code);
        Assert.Empty(_server!.Controls.Requests);
    }

    private TaskPipeline NewTask(RecordingBuildEngine engine, Dictionary<string, string?> environment) =>
        new(engine, _dir, name => environment.GetValueOrDefault(name))
        {
            Host = _server!.BaseUrl,
            ProjectSlug = Seeds.ProjectSlug,
            OutputFormat = "json;dotenv",

            // The awkward seed includes "${PATH}", which the portable default refuses (python-dotenv would expand
            // it); these tests read the .env back with npm dotenv, so they ask for that dialect.
            DotEnvDialect = "node",
        };

    private static void AssertNoValueIn(string text, IReadOnlyDictionary<string, string> secrets)
    {
        foreach (var value in secrets.Values.Where(v => v.Trim().Length >= 6))
        {
            Assert.DoesNotContain(value.Trim(), text);
        }
    }
}
