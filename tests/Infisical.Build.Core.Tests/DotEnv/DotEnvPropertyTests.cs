using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

using CsCheck;
using Xunit;

namespace Infisical.Build.Core.Tests.DotEnv;

/// <summary>
/// Property: for every dialect and any set of secrets, each secret is either refused with a coded problem naming
/// it, or every real parser of the dialect reads every written name and value back exactly — with several
/// secrets per file, so a line that leaks into its neighbour is caught. Cases are batched (one parser process
/// per batch). INFISICAL_DOTENV_PROPERTY_CASES raises the number of cases per dialect (default 300).
/// </summary>
public class DotEnvPropertyTests
{
    private const int BatchSize = 100;

    // Pieces chosen to hit every quoting rule: quotes of each kind, backslashes (trailing ones above all),
    // escapes-looking text, interpolation, comments, line breaks, controls, NUL, Unicode spaces and surrogates.
    private static readonly string[] Pieces =
    {
        "\\", "\\", "C:\\temp\\", "'", "\"", "`", "$", "${A}", "${", "}", "$HOME", "#", " #", "\\n", "\\r", "\\'", "\\\\",
        "\n", "\r", "\r\n", "\t", " ", "  ", "=", ":", "\0", "\u0001", "\u001b", "\u007f", "\u0085", "\u00a0", "\u2028",
        "\u2029", "\ufeff", "\v", "\f", "é", "日本", "🔑", "\ud800", "export ", "x", "Ab", "1", "value", "=\"q\"",
    };

    private static readonly Gen<string> Value = Gen.Frequency(
        (9, Gen.OneOf(Pieces.Select(Gen.Const).ToArray()).Array[0, 7].Select(parts => string.Concat(parts))),
        (1, Gen.Char.Array[0, 6].Select(chars => new string(chars))));

    private static readonly Gen<string> Name = Gen.Frequency(
        (8, Gen.Select(Gen.Char["ABCXYZ_abq"], Gen.Char["ABZ_019.-xyz"].Array[0, 6], (head, tail) => head + new string(tail))),
        (1, Gen.Select(Gen.Char["0123456789"], Gen.Char["AB_1"].Array[0, 3], (head, tail) => head + new string(tail))),
        (1, Gen.Char["A =#'$:é\u0001\0-.[]"].Array[1, 5].Select(chars => new string(chars))),
        (1, Gen.OneOf(Gen.Const("export"), Gen.Const("set"), Gen.Const("PPID"), Gen.Const("IFS"), Gen.Const("exportX"), Gen.Const("_"), Gen.Const("A.B-C"))));

    // Several secrets per file, names distinct (the same name twice is INFB025, covered elsewhere).
    private static readonly Gen<FetchedSecret[]> Case = Gen.Select(Name, Value, (n, v) => new FetchedSecret(n, "/", v))
        .Array[1, 6]
        .Select(secrets => secrets.GroupBy(s => s.Name, StringComparer.Ordinal).Select(g => g.First()).ToArray());

    [Theory]
    [InlineData("portable")]
    [InlineData("node")]
    [InlineData("dotnetenv")]
    [InlineData("docker")]
    [InlineData("shell")]
    public void Every_secret_is_refused_by_name_or_read_back_exactly_by_every_parser(string dialectName)
    {
        var dialect = DotEnvDialects.Parse(dialectName);
        var cases = int.TryParse(Environment.GetEnvironmentVariable("INFISICAL_DOTENV_PROPERTY_CASES"), out var n) && n > 0 ? n : 300;
        var totals = new int[2];
        Case.Array[BatchSize].Sample(
            batch => Task.Run(() => CheckBatchAsync(dialect, batch, totals)).GetAwaiter().GetResult(),
            iter: (cases + BatchSize - 1) / BatchSize,
            threads: 1);

        // Guards against a writer that passes by refusing everything: most generated secrets must be written.
        Assert.True(totals[0] > totals[1] / 4, $"{dialectName} wrote only {totals[0]} of {totals[1]} generated secrets");
    }

    private static async Task CheckBatchAsync(DotEnvDialect dialect, FetchedSecret[][] batch, int[] totals)
    {
        var files = new List<(string Content, IReadOnlyDictionary<string, string> Written)>();
        foreach (var secrets in batch)
        {
            var problems = new List<BuildProblem>();
            var content = DotEnvRenderer.Render(secrets, dialect, problems);
            var refused = new HashSet<string>(StringComparer.Ordinal);
            foreach (var problem in problems)
            {
                Assert.True(problem.Code is "INFB023" or "INFB024", problem.Message);
                Assert.Contains($"InfisicalDotEnvDialect={dialect.Name()}", problem.Message);
                var secret = Assert.Single(secrets, s => problem.Message.Contains($"secret '{Printable(s.Name)}' cannot", StringComparison.Ordinal));
                if (secret.Value.Length >= 8)
                {
                    Assert.DoesNotContain(secret.Value, problem.Message);
                }

                refused.Add(secret.Name);
            }

            var written = secrets.Where(s => !refused.Contains(s.Name)).ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
            totals[0] += written.Count;
            totals[1] += secrets.Length;
            files.Add((content, written));
        }

        var mismatches = await DialectReadBack.MismatchesAsync(dialect, files);
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches.Take(5)));
    }

    private static string Printable(string name) => string.Concat(name.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
