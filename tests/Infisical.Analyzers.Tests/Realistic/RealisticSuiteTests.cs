using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Infisical.Analyzers.Tests.Realistic;

/// <summary>
/// The analyzer on the realistic corpus: no warning on untouched code, every planted typo warned with the
/// right suggestion over every API shape, and the figures behind the default candidate set (docs/diagnostics/INF005.md).
/// </summary>
public sealed class RealisticSuiteTests
{
    /// <summary>One planted typo: the text replaced, its misspelling, the name the warning shows and the suggestion.</summary>
    public static TheoryData<string, string, string, string, string> PlantedTypos { get; } = new()
    {
        // project, original, typo, shown name, suggestion
        { "Shop.Api", "config[\"Jwt:SigningKey\"]", "config[\"Jwt:SigingKey\"]", "Jwt:SigingKey", "Jwt:SigningKey" },
        { "Shop.Api", "GetConnectionString(\"Catalog\")", "GetConnectionString(\"Catalgo\")", "ConnectionStrings:Catalgo", "ConnectionStrings:Catalog" },
        { "Shop.Api", "GetSection(\"Jwt\")[\"Issuer\"]", "GetSection(\"Jwt\")[\"Isuer\"]", "Jwt:Isuer", "Jwt:Issuer" },
        { "Shop.Api", "GetRequiredSection(\"SmtpOptions\")", "GetRequiredSection(\"SmtpOption\")", "SmtpOption", "SmtpOptions" },
        { "Shop.Api", "public const string SectionName = \"SmtpOptions\"", "public const string SectionName = \"SmtpOption\"", "SmtpOption", "SmtpOptions" },
        { "Shop.Api", "GetSection(\"FeatureFlags\")", "GetSection(\"FeatureFlag\")", "FeatureFlag", "FeatureFlags" },
        { "Shop.Api", "GetValue<bool>(\"FeatureFlags:NewCheckout\")", "GetValue<bool>(\"FeatureFlags:NewChekout\")", "FeatureFlags:NewChekout", "FeatureFlags:NewCheckout" },
        { "Shop.Api", "GetEnvironmentVariable(\"SENTRY_DSN\")", "GetEnvironmentVariable(\"SENTRY_DNS\")", "SENTRY_DNS", "SENTRY_DSN" },
        { "Shop.Api", "config[\"STRIPE_SECRET_KEY\"]", "config[\"STRIPE_SECRET_KYE\"]", "STRIPE_SECRET_KYE", "STRIPE_SECRET_KEY" },
        { "Shop.Api", "config[\"OPENAI_API_KEY\"]", "config[\"OPENAI_APIKEY\"]", "OPENAI_APIKEY", "OPENAI_API_KEY" },
        { "Shop.Api", "GetEnvironmentVariable(\"SEQ_URL\")", "GetEnvironmentVariable(\"SEQ_ULR\")", "SEQ_ULR", "SEQ_URL" },
        { "Shop.Messaging", "GetSection(SectionName)[\"Password\"]", "GetSection(SectionName)[\"Pasword\"]", "MessageBus:Pasword", "MessageBus:Password" },
        { "Shop.Messaging", "GetEnvironmentVariable(\"DB_PASSWORD\")", "GetEnvironmentVariable(\"DB_PASWORD\")", "DB_PASWORD", "DB_PASSWORD" },
        { "Shop.Worker", "GetValue<string>(\"Name\")", "GetValue<string>(\"Nmae\")", "Worker:Nmae", "Worker:Name" },
        { "Shop.Worker", "GetConnectionString(\"Redis\")", "GetConnectionString(\"Rediss\")", "ConnectionStrings:Rediss", "ConnectionStrings:Redis" },
        { "Shop.Worker", "GetValue<int>(\"Worker:IntervalSeconds\")", "GetValue<int>(\"Worker:IntervalSecond\")", "Worker:IntervalSecond", "Worker:IntervalSeconds" },
    };

    private readonly ITestOutputHelper _output;

    public RealisticSuiteTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Projects { get; } = new() { "Shop.Api", "Shop.Messaging", "Shop.Worker" };

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task Untouched_code_draws_no_warning(string name)
    {
        var diagnostics = await RealisticHarness.AnalyzeAsync(Project(name));
        Assert.Empty(diagnostics.Where(d => d.Id == DiagnosticIds.UnknownSecretName).Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(PlantedTypos))]
    public async Task A_planted_typo_is_warned_with_the_right_suggestion(string name, string original, string typo, string shown, string suggestion)
    {
        var project = Project(name);
        Assert.Equal(1, Count(project.Source, original));
        var diagnostics = await RealisticHarness.AnalyzeAsync(project.WithSource(project.Source.Replace(original, typo)));

        var warning = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.UnknownSecretName);
        var message = warning.GetMessage();
        Assert.StartsWith($"'{shown}' is not a secret in Infisical project 'shop', environment 'prod', path '/'", message);
        Assert.Contains($"did you mean '{suggestion}'?", message);
        // The warning sits on the argument: the literal, or the constant's name when the literal is a const.
        var flagged = RealisticHarness.Flagged(warning);
        Assert.True(typo.Contains(flagged, StringComparison.Ordinal) || flagged == "SmtpOptions.SectionName", flagged);
    }

    [Fact]
    public async Task Candidate_sets_measured_on_the_corpus()
    {
        // Rows of docs/diagnostics/INF005.md: for each candidate set, INF005 on untouched code that points at a key
        // really missing (useful) or at one provided where the compiler cannot see (noise); INF001 stays at zero.
        var sets = new[]
        {
            "near_misses", "near_misses, screaming_snake", "near_misses, screaming_snake, manifest_sections", "all",
            "near_misses, screaming_snake, all_in_apps",
        };
        var missing = RealisticCorpus.All.Sum(p => p.ReallyMissing.Count);
        var figures = new Dictionary<string, (int Useful, int Noise, int Warnings)>();
        foreach (var set in sets)
        {
            int useful = 0, noise = 0, warnings = 0;
            foreach (var project in RealisticCorpus.All)
            {
                var diagnostics = await RealisticHarness.AnalyzeAsync(project, "infisical.candidate_keys = " + set);
                warnings += diagnostics.Count(d => d.Id == DiagnosticIds.UnknownSecretName);
                foreach (var info in diagnostics.Where(d => d.Id == DiagnosticIds.UnknownKey))
                {
                    var key = info.GetMessage().Split('\'')[1];
                    if (project.ReallyMissing.Contains(key))
                    {
                        useful++;
                    }
                    else
                    {
                        noise++;
                        _output.WriteLine($"  {set}: noise {project.Name} {key}");
                    }
                }
            }

            figures[set] = (useful, noise, warnings);
            _output.WriteLine($"{set}: INF005 useful {useful}/{missing}, noise {noise}, INF001 {warnings}");
        }

        Assert.All(figures.Values, f => Assert.Equal(0, f.Warnings));
        // The figures the documentation quotes; a change to the rules that moves them must update the docs too.
        Assert.Equal((0, 0, 0), figures["near_misses"]);
        Assert.Equal((1, 4, 0), figures["near_misses, screaming_snake"]);
        Assert.Equal((1, 6, 0), figures["near_misses, screaming_snake, manifest_sections"]);
        Assert.Equal((3, 10, 0), figures["all"]);
        Assert.Equal((3, 4, 0), figures["near_misses, screaming_snake, all_in_apps"]);

        // The default is the last row.
        var defaults = 0;
        foreach (var project in RealisticCorpus.All)
        {
            defaults += (await RealisticHarness.AnalyzeAsync(project)).Count(d => d.Id == DiagnosticIds.UnknownKey);
        }

        Assert.Equal(7, defaults);
    }

    [Fact]
    public async Task Precision_and_recall_over_the_corpus_and_the_planted_typos()
    {
        int truePositives = 0, falsePositives = 0, planted = 0;
        foreach (var project in RealisticCorpus.All)
        {
            falsePositives += (await RealisticHarness.AnalyzeAsync(project)).Count(d => d.Id == DiagnosticIds.UnknownSecretName);
        }

        foreach (var row in PlantedTypos)
        {
            var (name, original, typo, suggestion) = ((string)row[0], (string)row[1], (string)row[2], (string)row[4]);
            planted++;
            var project = Project(name);
            var warnings = (await RealisticHarness.AnalyzeAsync(project.WithSource(project.Source.Replace(original, typo))))
                .Where(d => d.Id == DiagnosticIds.UnknownSecretName).ToList();
            var hit = warnings.Count(w => w.GetMessage().Contains($"did you mean '{suggestion}'?", StringComparison.Ordinal));
            truePositives += Math.Min(hit, 1);
            falsePositives += warnings.Count - Math.Min(hit, 1);
        }

        _output.WriteLine($"planted {planted}, warned right {truePositives}, false warnings {falsePositives}");
        Assert.Equal(planted, truePositives);
        Assert.Equal(0, falsePositives);
    }

    private static RealisticProject Project(string name) => RealisticCorpus.All.Single(p => p.Name == name);

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
