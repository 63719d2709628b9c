using System;
using CsCheck;
using Infisical.Analyzers.Manifest;
using Xunit;

namespace Infisical.Analyzers.Tests;

/// <summary>
/// The names manifest is a file on disk the analyzer does not control: random and mutated text must give a
/// manifest or located problems (INF003), never an exception inside the compiler. INFISICAL_FUZZ_ITERATIONS
/// raises the count (docs/security.md).
/// </summary>
public sealed class ManifestFuzzTests
{
    private const string Valid = """
        {
          "schemaVersion": 2,
          "sources": [ { "host": "https://h", "projectSlug": "p", "environment": "dev", "secretPath": "/", "recursive": false } ],
          "secrets": [ { "name": "DB_PASSWORD", "path": "/", "source": 0 }, { "name": "Jwt__Key", "path": "/app", "source": 0 } ]
        }
        """;

    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("INFISICAL_FUZZ_ITERATIONS"), out var n) ? n : 2000;

    [Fact]
    public void Any_text_parses_to_a_manifest_or_to_located_problems_and_never_throws()
    {
        Gen.OneOf(
            Gen.String,
            Gen.Int[0, Valid.Length].Select(cut => Valid.Substring(0, cut)),
            Gen.Select(Gen.Int[0, Valid.Length], Gen.String[0, 6], (at, insert) => Valid.Insert(at, insert)),
            Gen.Select(Gen.Int[0, Valid.Length - 1], Gen.Char, (at, c) => Valid.Substring(0, at) + c + Valid.Substring(at + 1)))
        .Sample(text =>
        {
            var result = ManifestParser.Parse(text);
            Assert.True(result.Manifest != null ^ result.Problems.Length > 0, "a result is either a manifest or problems");
            foreach (var problem in result.Problems)
            {
                Assert.InRange(problem.Start, 0, text.Length);
                Assert.InRange(problem.Start + problem.Length, 0, text.Length);
                Assert.False(string.IsNullOrWhiteSpace(problem.Message));
            }
        }, iter: Iterations);

        Assert.NotNull(ManifestParser.Parse(Valid).Manifest);
    }
}
