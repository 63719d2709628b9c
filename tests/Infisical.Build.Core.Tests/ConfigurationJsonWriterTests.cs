using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

using Microsoft.Extensions.Configuration;
using Xunit;

namespace Infisical.Build.Core.Tests;

public class ConfigurationJsonWriterTests
{
    [Fact]
    public void Nested_names_read_back_through_Microsoft_Extensions_Configuration()
    {
        var secrets = new[]
        {
            new FetchedSecret("ConnectionStrings__Db", "/", "Server=db;Password=\"x\"\n"),
            new FetchedSecret("ConnectionStrings__Cache", "/", "redis:6379"),
            new FetchedSecret("Logging__LogLevel__Default", "/", "Warning"),
            new FetchedSecret("PLAIN", "/", "héllo 🔑 <tag> & 'q'"),
        };
        var problems = new List<BuildProblem>();

        var json = ConfigurationJsonWriter.Render(secrets, problems);

        Assert.Empty(problems);
        var config = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        Assert.Equal("Server=db;Password=\"x\"\n", config.GetConnectionString("Db"));
        Assert.Equal("redis:6379", config["connectionstrings:cache"]);
        Assert.Equal("Warning", config["Logging:LogLevel:Default"]);
        Assert.Equal("héllo 🔑 <tag> & 'q'", config["PLAIN"]);
        Assert.Equal(4, config.AsEnumerable().Count(p => p.Value != null));
    }

    [Theory]
    [InlineData("A", "A__B", "INFB020")]
    [InlineData("A__B__C", "A__B", "INFB020")]
    [InlineData("Db", "DB", "INFB021")]
    [InlineData("Section__Key", "SECTION__Other", "INFB021")]
    public void Colliding_names_are_reported_naming_both_keys_and_no_value(string first, string second, string code)
    {
        var secrets = new[] { new FetchedSecret(first, "/", "value-one-Zq"), new FetchedSecret(second, "/", "value-two-Zq") };
        var problems = new List<BuildProblem>();

        ConfigurationJsonWriter.Render(secrets, problems);

        var problem = Assert.Single(problems);
        Assert.Equal(code, problem.Code);
        Assert.Contains($"'{first}'", problem.Message);
        Assert.Contains($"'{second}'", problem.Message);
        Assert.DoesNotContain("Zq", problem.Message);
    }

    [Fact]
    public void Same_name_in_two_folders_is_a_duplicate_and_empty_segments_are_rejected()
    {
        var problems = new List<BuildProblem>();
        ConfigurationJsonWriter.Render(
            new[] { new FetchedSecret("KEY", "/", "1"), new FetchedSecret("KEY", "/nested", "2"), new FetchedSecret("A____B", "/", "3") },
            problems);

        Assert.Equal(new[] { "INFB022", "INFB025" }, problems.Select(p => p.Code).OrderBy(c => c));
        Assert.Contains(problems, p => p.Message.Contains("/nested"));
    }

    [Fact]
    public void Output_is_stable_regardless_of_server_order()
    {
        var a = new[] { new FetchedSecret("B__X", "/", "1"), new FetchedSecret("A", "/", "2"), new FetchedSecret("B__Y", "/", "3") };
        var problems = new List<BuildProblem>();
        Assert.Equal(ConfigurationJsonWriter.Render(a, problems), ConfigurationJsonWriter.Render(a.Reverse().ToArray(), problems));
        Assert.Empty(problems);
    }
}
