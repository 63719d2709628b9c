using System.Threading.Tasks;
using Infisical.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Infisical.Analyzers.Tests.Infrastructure.Verifier;

namespace Infisical.Analyzers.Tests;

/// <summary>INF002 (no manifest) and INF003 (malformed manifest, located inside the file).</summary>
public sealed class ManifestDiagnosticsTests
{
    private const string MisspelledRead = """
        class C { string? M() => System.Environment.GetEnvironmentVariable("DB_PASWORD"); }
        """;

    private static DiagnosticResult Inf002(string reason) =>
        new DiagnosticResult(DiagnosticIds.NoManifest, DiagnosticSeverity.Info).WithArguments(reason);

    private static DiagnosticResult Inf003(int line, int column, int endLine, int endColumn, string message) =>
        new DiagnosticResult(DiagnosticIds.MalformedManifest, DiagnosticSeverity.Warning)
            .WithSpan(TestManifests.Path, line, column, endLine, endColumn)
            .WithArguments(message);

    [Fact]
    public async Task No_manifest_reports_INF002_once_and_nothing_else()
    {
        var test = Create(MisspelledRead + "\nclass D { string? N() => System.Environment.GetEnvironmentVariable(\"OTHER_MISSING\"); }", manifest: null);
        test.ExpectedDiagnostics.Add(Inf002(
            "infisical.manifest.json has not been written yet (run a build with InfisicalEnv set, or add the manifest as an AdditionalFiles item)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task No_manifest_with_InfisicalEnv_empty_says_to_set_it()
    {
        var test = Create(MisspelledRead, manifest: null);
        test.AddGlobalOptions("build_property.InfisicalEnv = ");
        test.ExpectedDiagnostics.Add(Inf002(
            "InfisicalEnv is not set, so the build writes no infisical.manifest.json (build with -p:InfisicalEnv=<environment>)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Invalid_json_is_located_at_the_bad_character()
    {
        var test = Create(MisspelledRead, manifest: "{\n  \"schemaVersion\": 1,\n  \"secrets\": [ { \"name\": \"A\" } \n  oops\n}");
        test.ExpectedDiagnostics.Add(Inf003(4, 3, 4, 4, "it is not valid JSON: expected ',' or ']'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Unclosed_string_is_reported()
    {
        var test = Create(MisspelledRead, manifest: "{ \"secrets\": [ \"DB_PASSWORD ] }");
        test.ExpectedDiagnostics.Add(Inf003(1, 16, 1, 17, "it is not valid JSON: a string is not closed"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Empty_file_is_reported()
    {
        var test = Create(MisspelledRead, manifest: "");
        test.ExpectedDiagnostics.Add(Inf003(1, 1, 1, 1, "it is not valid JSON: the file is empty"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Wrong_shapes_are_reported_where_they_are()
    {
        var manifest = """
            {
              "schemaVersion": 1,
              "environment": 42,
              "secrets": [
                { "name": "OK_NAME" },
                { "path": "/" },
                7,
                { "name": "has:colon" }
              ]
            }
            """;
        var test = Create(MisspelledRead, manifest);
        test.ExpectedDiagnostics.Add(Inf003(3, 18, 3, 20, "'environment' must be a string"));
        test.ExpectedDiagnostics.Add(Inf003(6, 5, 6, 20, "each entry of 'secrets' needs a string 'name'"));
        test.ExpectedDiagnostics.Add(Inf003(7, 5, 7, 6, "each entry of 'secrets' must be an object with a 'name'"));
        test.ExpectedDiagnostics.Add(Inf003(8, 15, 8, 26, "'has:colon' is not a valid Infisical secret name (':' and '/' are not allowed)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Missing_secrets_and_non_object_root_are_reported()
    {
        var test = Create(MisspelledRead, manifest: "{ \"schemaVersion\": 1 }");
        test.ExpectedDiagnostics.Add(Inf003(1, 1, 1, 2, "the 'secrets' array is missing"));
        await test.RunAsync();

        var array = Create(MisspelledRead, manifest: "[ \"DB_PASSWORD\" ]");
        array.ExpectedDiagnostics.Add(Inf003(1, 1, 1, 18, "the top level must be a JSON object"));
        await array.RunAsync();
    }

    [Fact]
    public async Task Newer_schema_version_asks_for_a_package_update()
    {
        var test = Create(MisspelledRead, manifest: "{ \"schemaVersion\": 3, \"secrets\": [] }");
        test.ExpectedDiagnostics.Add(Inf003(
            1, 20, 1, 21, "'schemaVersion' 3 is not supported; this analyzer reads versions 1 to 2 (update the Infisical.Build package)"));
        await test.RunAsync();
    }

    [Fact]
    public Task Comments_trailing_commas_and_bare_names_are_tolerated() => RunWithManifestAsync(
        "\uFEFF{ // written by hand\n \"secrets\": [ \"DB_PASSWORD\", /* old: */ { \"name\": \"SMTP_PASSWORD\", }, ], }",
        """
        class C { string? M() => System.Environment.GetEnvironmentVariable("DB_PASSWORD") + System.Environment.GetEnvironmentVariable("SMTP_PASSWORD"); }
        """);

    [Fact]
    public Task Escapes_in_names_are_decoded() => RunWithManifestAsync(
        "{ \"secrets\": [ { \"name\": \"DB\\u005FPASSWORD\" } ] }",
        """
        class C { string? M() => System.Environment.GetEnvironmentVariable("DB_PASSWORD"); }
        """);

    [Fact]
    public async Task Several_manifests_are_merged_and_the_first_is_named()
    {
        var test = Create(
            """
            class C
            {
                string? M() => System.Environment.GetEnvironmentVariable("DB_PASSWORD")
                    + System.Environment.GetEnvironmentVariable("SHARED_TOKEN")
                    + System.Environment.GetEnvironmentVariable({|#0:"SHARED_TOKNE"|});
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/team/infisical/infisical.manifest.json", TestManifests.With("SHARED_TOKEN")));
        test.ExpectedDiagnostics.Add(Inf001(0, "SHARED_TOKNE", DidYouMean("SHARED_TOKEN")));
        await test.RunAsync();
    }

    [Fact]
    public async Task Manifest_named_in_another_case_is_recognised()
    {
        var test = Create(MisspelledRead.Replace("\"DB_PASWORD\"", "{|#0:\"DB_PASWORD\"|}"), manifest: null);
        test.TestState.AdditionalFiles.Add(("/0/obj/INFISICAL.MANIFEST.JSON", TestManifests.Default));
        test.ExpectedDiagnostics.Add(Inf001(0, "DB_PASWORD", DidYouMean("DB_PASSWORD")));
        await test.RunAsync();
    }

    private static Task RunWithManifestAsync(string manifest, string source) => Create(source, manifest).RunAsync();
}
