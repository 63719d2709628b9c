using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

using Xunit;

namespace Infisical.Build.Core.Tests.DotEnv;

public class DotEnvRendererTests
{
    public static IEnumerable<object[]> AllDialects => DotEnvDialects.Names.Select(n => new object[] { n });

    [Fact]
    public void Dialect_property_parses_its_five_values_and_defaults_to_portable()
    {
        Assert.Equal(DotEnvDialect.Portable, DotEnvDialects.Parse(null));
        Assert.Equal(DotEnvDialect.Portable, DotEnvDialects.Parse(" "));
        Assert.Equal(
            new[] { DotEnvDialect.Portable, DotEnvDialect.Node, DotEnvDialect.DotNetEnv, DotEnvDialect.Docker, DotEnvDialect.Shell },
            new[] { "portable", "NODE", " dotnetenv ", "Docker", "shell" }.Select(DotEnvDialects.Parse));

        var ex = Assert.Throws<InfisicalBuildException>(() => DotEnvDialects.Parse("yaml"));
        Assert.Equal("INFB026", ex.Code);
        Assert.Contains("InfisicalDotEnvDialect='yaml'", ex.Message);
        Assert.Contains("portable, node, dotnetenv, docker, shell", ex.Message);
    }

    /// <summary>Defect 2: a value ending in a backslash used to run on into the next line for npm dotenv.</summary>
    [Theory]
    [MemberData(nameof(AllDialects))]
    public async Task Neighbouring_lines_never_interact(string dialectName)
    {
        var dialect = DotEnvDialects.Parse(dialectName);
        var values = new Dictionary<string, string>
        {
            ["A_PATH"] = @"C:\temp\",
            ["B_TAG"] = "#1",
            ["C_DIR"] = @"D:\x\",
            ["D_NOTE"] = "it is #2 'ok'",
            ["E_END"] = @"back\",
            ["F_NEXT"] = "x' y",
            ["G_SLASH"] = @"a\",
            ["H_QUOTED"] = "\"b\" c",
        };

        var content = Render(values, dialect, out var problems);

        Assert.Empty(problems);
        Assert.Empty(await DialectReadBack.MismatchesAsync(dialect, new[] { (content, (IReadOnlyDictionary<string, string>)values) }));
    }

    /// <summary>Defect 3: a leading digit or a control character used to make the whole file unreadable for DotNetEnv.</summary>
    [Fact]
    public async Task Digit_first_names_and_control_characters_leave_the_file_readable_by_DotNetEnv()
    {
        var secrets = new Dictionary<string, string>
        {
            ["1ST"] = "digit first",
            ["CTRL"] = "bell\a esc\u001b[0m del\u007f c1\u0090 tab\t",
            ["NUL"] = "a\0b",
            ["OK"] = "fine",
        };

        var dotnetenv = Render(secrets, DotEnvDialect.DotNetEnv, out var problems);
        Assert.Equal(new[] { ("INFB023", "1ST"), ("INFB024", "NUL") }, problems.Select(p => (p.Code, NamedSecret(p))).OrderBy(p => p.Item1));
        Assert.Contains("CTRL=\"bell\\u0007 esc\\u001b[0m del\\u007f c1\\u0090 tab\t\"\n", dotnetenv);
        var written = secrets.Where(p => p.Key is "CTRL" or "OK").ToDictionary(p => p.Key, p => p.Value);
        Assert.Empty(await DialectReadBack.MismatchesAsync(DotEnvDialect.DotNetEnv, new[] { (dotnetenv, (IReadOnlyDictionary<string, string>)written) }));

        var portable = Render(secrets, DotEnvDialect.Portable, out problems);
        Assert.Equal(new[] { ("INFB023", "1ST"), ("INFB024", "CTRL"), ("INFB024", "NUL") }, problems.Select(p => (p.Code, NamedSecret(p))).OrderBy(p => p.Item1).ThenBy(p => p.Item2));
        Assert.Empty(await DialectReadBack.MismatchesAsync(DotEnvDialect.Portable, new[] { (portable, (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["OK"] = "fine" }) }));

        // npm dotenv reads digit-first names and raw control characters, so the node dialect keeps both.
        var node = Render(secrets, DotEnvDialect.Node, out problems);
        Assert.Equal(new[] { ("INFB024", "NUL") }, problems.Select(p => (p.Code, NamedSecret(p))));
        written = secrets.Where(p => p.Key != "NUL").ToDictionary(p => p.Key, p => p.Value);
        Assert.Empty(await DialectReadBack.MismatchesAsync(DotEnvDialect.Node, new[] { (node, (IReadOnlyDictionary<string, string>)written) }));
    }

    [Theory]
    [InlineData("node", "MIXED=`it's \"both\"`\n")]
    [InlineData("dotnetenv", "MIXED=\"it's \\\"both\\\"\"\n")]
    [InlineData("docker", "MIXED=it's \"both\"\n")]
    [InlineData("shell", "MIXED='it'\\''s \"both\"'\n")]
    public async Task A_value_mixing_both_quote_kinds_is_written_where_the_parser_can_hold_it(string dialectName, string expected)
    {
        var dialect = DotEnvDialects.Parse(dialectName);
        var values = new Dictionary<string, string> { ["MIXED"] = "it's \"both\"" };

        var content = Render(values, dialect, out var problems);

        Assert.Empty(problems);
        Assert.Equal(expected, content);
        Assert.Empty(await DialectReadBack.MismatchesAsync(dialect, new[] { (content, (IReadOnlyDictionary<string, string>)values) }));
    }

    [Theory]
    [InlineData("portable", "1ST", "it's \"Zq-secret\" \\")]
    [InlineData("node", "A B", "Zq-secret # \\")]
    [InlineData("dotnetenv", "9x", "Zq-secret\0")]
    [InlineData("docker", "#C", "Zq-secret\nline two")]
    [InlineData("shell", "A.B", "Zq-secret\0")]
    public void Refusals_name_the_secret_and_the_dialect_and_never_the_value(string dialectName, string badName, string badValue)
    {
        var problems = new List<BuildProblem>();

        var content = DotEnvRenderer.Render(
            new[] { new FetchedSecret(badName, "/", "Zq-name-value"), new FetchedSecret("BAD_VALUE", "/", badValue), new FetchedSecret("GOOD", "/", "kept") },
            DotEnvDialects.Parse(dialectName),
            problems);

        Assert.Equal(new[] { "INFB023", "INFB024" }, problems.Select(p => p.Code).OrderBy(c => c));
        Assert.Contains($"'{badName}'", problems.Single(p => p.Code == "INFB023").Message);
        Assert.Contains("'BAD_VALUE'", problems.Single(p => p.Code == "INFB024").Message);
        Assert.All(problems, p => Assert.Contains($"InfisicalDotEnvDialect={dialectName}", p.Message));
        Assert.All(problems, p => Assert.DoesNotContain("Zq", p.Message));
        Assert.DoesNotContain("Zq", content);
        Assert.StartsWith("GOOD=", content);
    }

    [Fact]
    public void Same_name_in_two_folders_is_a_duplicate_and_output_is_stable_regardless_of_order()
    {
        var secrets = new[] { new FetchedSecret("B", "/", "1"), new FetchedSecret("A", "/", "2"), new FetchedSecret("B", "/nested", "3") };
        var problems = new List<BuildProblem>();

        var first = DotEnvRenderer.Render(secrets, DotEnvDialect.Portable, problems);
        var second = DotEnvRenderer.Render(secrets.Reverse().ToArray(), DotEnvDialect.Portable, new List<BuildProblem>());

        Assert.Equal("A='2'\nB='1'\n", first);
        Assert.Equal(first, second);
        var problem = Assert.Single(problems);
        Assert.Equal("INFB025", problem.Code);
        Assert.Contains("/nested", problem.Message);
    }

    [Theory]
    [MemberData(nameof(AllDialects))]
    public async Task Awkward_values_are_refused_by_name_or_read_back_exactly(string dialectName)
    {
        var dialect = DotEnvDialects.Parse(dialectName);
        var values = new Dictionary<string, string>(Seeds.AwkwardDev)
        {
            ["TRAILING_NEWLINE"] = "ends with a newline\n",
            ["CARRIAGE_RETURN"] = "crlf\r\nline",
            ["BACKSLASH_END"] = @"ends with a backslash\",
            ["BACKTICK"] = "`cmd` it's",
            ["UNICODE_SPACES"] = "\u00a0nbsp\u2028ls\u2029ps\ufeff",
        };

        var content = Render(values, dialect, out var problems);

        var refused = problems.Select(NamedSecret).ToHashSet();
        Assert.All(problems, p => Assert.True(p.Code is "INFB023" or "INFB024", p.Message));
        var written = values.Where(p => !refused.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        Assert.True(written.Count >= values.Count / 2, $"{dialectName} refused {refused.Count} of {values.Count}: {string.Join(", ", refused)}");
        Assert.Empty(await DialectReadBack.MismatchesAsync(dialect, new[] { (content, (IReadOnlyDictionary<string, string>)written) }));
    }

    internal static string Render(IReadOnlyDictionary<string, string> values, DotEnvDialect dialect, out List<BuildProblem> problems)
    {
        problems = new List<BuildProblem>();
        return DotEnvRenderer.Render(values.Select(p => new FetchedSecret(p.Key, "/", p.Value)).ToList(), dialect, problems);
    }

    /// <summary>The secret a problem names: the first quoted word of its message.</summary>
    internal static string NamedSecret(BuildProblem problem)
    {
        var start = problem.Message.IndexOf('\'') + 1;
        return problem.Message.Substring(start, problem.Message.IndexOf('\'', start) - start);
    }
}
