using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Infisical.Analyzers.Tests.Infrastructure.Verifier;

namespace Infisical.Analyzers.Tests;

/// <summary>
/// Manifest schema version 2 (several sources in one file) and several manifest files: the names are the
/// union, files count in path order, and each message names the source of the secret it suggests.
/// </summary>
public sealed class ManifestSourcesTests
{
    private const string TwoSources = """
        {
          "schemaVersion": 2,
          "writtenBy": "a newer build: unknown properties are ignored",
          "sources": [
            { "host": "https://app.infisical.com", "projectSlug": "shop", "environment": "prod", "secretPath": "/", "recursive": false, "extra": 1 },
            { "host": "https://eu.infisical.com", "projectId": "7f3c-billing", "environment": "staging", "secretPath": "/billing", "recursive": true }
          ],
          "secrets": [
            { "name": "DB_PASSWORD", "path": "/", "source": 0 },
            { "name": "STRIPE_API_KEY", "path": "/billing/stripe", "source": 1, "tags": [] }
          ]
        }
        """;

    private static DiagnosticResult Inf001At(int location, string name, string project, string environment, string path, string hint) =>
        new DiagnosticResult(DiagnosticIds.UnknownSecretName, DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithArguments(name, project, environment, path, hint);

    [Fact]
    public async Task Version_2_names_of_every_source_are_known_and_each_suggestion_names_its_own_source()
    {
        var test = Create(
            """
            class C
            {
                string? M() =>
                    System.Environment.GetEnvironmentVariable("DB_PASSWORD") + System.Environment.GetEnvironmentVariable("STRIPE_API_KEY") +
                    System.Environment.GetEnvironmentVariable({|#0:"DB_PASWORD"|}) + System.Environment.GetEnvironmentVariable({|#1:"STRIPE_APIKEY"|});
            }
            """,
            TwoSources);
        test.ExpectedDiagnostics.Add(Inf001At(0, "DB_PASWORD", "shop", "prod", "/", DidYouMean("DB_PASSWORD")));
        test.ExpectedDiagnostics.Add(Inf001At(1, "STRIPE_APIKEY", "7f3c-billing", "staging", "/billing/stripe", DidYouMean("STRIPE_API_KEY")));
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_a_suggestion_the_message_counts_the_other_sources()
    {
        var test = Create(
            """
            class C { string? M() => System.Environment.GetEnvironmentVariable({|#0:"REDIS_HOST_NAME"|}); }
            """,
            TwoSources);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UnknownKey, DiagnosticSeverity.Info)
            .WithLocation(0).WithArguments("REDIS_HOST_NAME", "shop", "prod", "/", " and 1 other Infisical source"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Several_manifest_files_are_read_in_path_order_whatever_order_they_arrive_in()
    {
        // The same name in two files: the message names the file whose path sorts first, not the first to arrive.
        var test = Create(
            """
            class C { string? M() => System.Environment.GetEnvironmentVariable("ONLY_IN_B") + System.Environment.GetEnvironmentVariable({|#0:"DB_PASWORD"|}); }
            """,
            manifest: null);
        test.TestState.AdditionalFiles.Add(("/b/obj/infisical/infisical.manifest.json", """
            { "schemaVersion": 1, "projectSlug": "b-project", "environment": "b-env", "secretPath": "/", "secrets": [ { "name": "DB_PASSWORD" }, { "name": "ONLY_IN_B" } ] }
            """));
        test.TestState.AdditionalFiles.Add(("/a/obj/infisical/infisical.manifest.json", """
            { "schemaVersion": 2, "sources": [ { "projectSlug": "a-project", "environment": "a-env", "secretPath": "/app" } ], "secrets": [ { "name": "DB_PASSWORD", "path": "/app", "source": 0 } ] }
            """));
        test.ExpectedDiagnostics.Add(Inf001At(0, "DB_PASWORD", "a-project", "a-env", "/app", DidYouMean("DB_PASSWORD")));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_client_call_is_checked_when_it_points_at_any_of_the_sources()
    {
        var test = Create(
            """
            class Client { public string? GetSecret(string secretName, string environment) => null; }
            class C
            {
                object M(Infisical.Client.NotYetShipped.NameTakingSecretsClient s) =>
                    (s.GetAsync({|#0:"STRIPE_APIKEY"|}, "staging"), s.GetAsync("STRIPE_APIKEY", "qa"));
            }
            """,
            TwoSources);
        test.TestState.AdditionalReferences.Add(Infrastructure.ClientAssembly.Reference);
        test.TestState.Sources.Add(("NameTakingApi.cs", Infrastructure.ClientAssembly.NameTakingApi));
        test.ExpectedDiagnostics.Add(Inf001At(0, "STRIPE_APIKEY", "7f3c-billing", "staging", "/billing/stripe", DidYouMean("STRIPE_API_KEY")));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("""{ "schemaVersion": 2, "secrets": [] }""", "the 'sources' array is missing (schema version 2)", 1)]
    [InlineData("""{ "schemaVersion": 2, "sources": [ { "environment": "dev" } ], "secrets": [ { "name": "A", "source": 1 } ] }""", "'source' must be the index of an entry of 'sources' (0 to 0)", 102)]
    public async Task Malformed_version_2_manifests_are_reported(string manifest, string message, int column)
    {
        var test = Create("class C { }", manifest);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.MalformedManifest, DiagnosticSeverity.Warning)
            .WithSpan(Infrastructure.TestManifests.Path, 1, column, 1, column + 1).WithArguments(message));
        await test.RunAsync();
    }
}
