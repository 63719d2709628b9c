using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Infisical.LocalServer;
using TaskItem = Microsoft.Build.Utilities.TaskItem;
using Xunit;

namespace Infisical.Build.Tests.Unit;

public sealed class RecursiveFetchTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "infisical-recursive-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Recursive_fetch_records_each_folder_and_rejects_a_name_present_in_two_folders()
    {
        await using var server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(FolderSeed(duplicate: false)) });
        var engine = new RecordingBuildEngine();
        Assert.True(NewTask(engine, server.BaseUrl, recursive: true).Execute(), engine.AllText);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "infisical.manifest.json")));
        Assert.True(Assert.Single(manifest.RootElement.GetProperty("sources").EnumerateArray()).GetProperty("recursive").GetBoolean());
        var entries = manifest.RootElement.GetProperty("secrets").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("path").GetString()!);
        Assert.Equal(new Dictionary<string, string> { ["Db__Host"] = "/app/db", ["ROOT_KEY"] = "/" }, entries);

        // Non-recursive: only the root folder.
        engine = new RecordingBuildEngine();
        Assert.True(NewTask(engine, server.BaseUrl, recursive: false).Execute(), engine.AllText);
        Assert.DoesNotContain("Db__Host", File.ReadAllText(Path.Combine(_dir, "infisical.manifest.json")));

        await using var duplicated = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(FolderSeed(duplicate: true)) });
        engine = new RecordingBuildEngine();
        Assert.False(NewTask(engine, duplicated.BaseUrl, recursive: true).Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("INFB025", error.Code);
        Assert.Contains("ROOT_KEY", error.Message);
        Assert.DoesNotContain("root-value", engine.AllText);
    }

    private TaskPipeline NewTask(RecordingBuildEngine engine, string host, bool recursive)
    {
        var env = Seeds.UniversalAuth();
        return new TaskPipeline(engine, _dir, name => env.GetValueOrDefault(name))
        {
            Host = host,
            ProjectId = Seeds.ProjectId,
            Recursive = recursive,
            StoreDirectory = Path.Combine(_dir, "store-" + host.GetHashCode().ToString("x") + (recursive ? "-r" : string.Empty)),
        };
    }

    private static string FolderSeed(bool duplicate)
    {
        var secrets = new List<object>
        {
            new { environment = "dev", path = "/", key = "ROOT_KEY", value = "root-value-1" },
            new { environment = "dev", path = "/app/db", key = "Db__Host", value = "db-host-value" },
        };
        if (duplicate)
        {
            secrets.Add(new { environment = "dev", path = "/app", key = "ROOT_KEY", value = "root-value-2" });
        }

        return JsonSerializer.Serialize(new
        {
            identities = new[] { new { id = "3f2c1b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b", name = "t", clientId = Seeds.ClientId, clientSecret = Seeds.ClientSecret } },
            projects = new[] { new { id = Seeds.ProjectId, slug = Seeds.ProjectSlug, environments = new[] { "dev" }, secrets } },
        });
    }
}
