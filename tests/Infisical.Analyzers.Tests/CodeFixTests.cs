using System.Threading.Tasks;
using Infisical.Analyzers.CodeFixes;
using Infisical.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Infisical.Analyzers.Tests;

/// <summary>The INF001 code fix: the suggested literal, or the generated InfisicalSecretNames constant.</summary>
public sealed class CodeFixTests
{
    private const string NamesClass = """
        namespace Demo.Generated
        {
            internal static class InfisicalSecretNames
            {
                public const string DB_PASSWORD = "DB_PASSWORD";
                public const string ConnectionStrings__Db = "ConnectionStrings__Db";
            }
        }
        """;

    private static CSharpCodeFixTest<SecretNameAnalyzer, SecretNameCodeFixProvider, DefaultVerifier> Create(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<SecretNameAnalyzer, SecretNameCodeFixProvider, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.WithConfiguration,
        };
        test.TestState.AdditionalFiles.Add((TestManifests.Path, TestManifests.Default));
        test.FixedState.AdditionalFiles.Add((TestManifests.Path, TestManifests.Default));
        return test;
    }

    [Fact]
    public Task Misspelled_environment_variable_becomes_the_suggestion() => Create(
        """class C { string? M() => System.Environment.GetEnvironmentVariable({|INF001:"DB_PASWORD"|}); }""",
        """class C { string? M() => System.Environment.GetEnvironmentVariable("DB_PASSWORD"); }""").RunAsync();

    [Fact]
    public Task Configuration_key_gets_the_colon_form() => Create(
        """
        using Microsoft.Extensions.Configuration;
        class C { string? M(IConfiguration c) => c[{|INF001:"Identity__Url"|}]; }
        """,
        """
        using Microsoft.Extensions.Configuration;
        class C { string? M(IConfiguration c) => c["Identity:Url"]; }
        """).RunAsync();

    [Fact]
    public Task Composed_key_replaces_only_the_part_written_at_the_call() => Create(
        """
        using Microsoft.Extensions.Configuration;
        class C { string? M(IConfiguration c) => c.GetSection("Identity")[{|INF001:"Ulr"|}] + c.GetConnectionString({|INF001:"Dbb"|}); }
        """,
        """
        using Microsoft.Extensions.Configuration;
        class C { string? M(IConfiguration c) => c.GetSection("Identity")["Url"] + c.GetConnectionString("Db"); }
        """).RunAsync();

    [Fact]
    public async Task Generated_constant_is_offered_first_when_the_class_exists()
    {
        var test = Create(
            """
            using Demo.Generated;
            class C { string? M() => System.Environment.GetEnvironmentVariable({|INF001:"DB_PASWORD"|}); }
            """,
            """
            using Demo.Generated;
            class C { string? M() => System.Environment.GetEnvironmentVariable(InfisicalSecretNames.DB_PASSWORD); }
            """);
        test.TestState.Sources.Add(("Names.g.cs", NamesClass));
        test.FixedState.Sources.Add(("Names.g.cs", NamesClass));
        test.CodeActionEquivalenceKey = SecretNameCodeFixProvider.UseGeneratedConstantKey;
        await test.RunAsync();
    }

    [Fact]
    public async Task Literal_is_still_offered_when_the_class_exists()
    {
        var test = Create(
            """class C { string? M() => System.Environment.GetEnvironmentVariable({|INF001:"DB_PASWORD"|}); }""",
            """class C { string? M() => System.Environment.GetEnvironmentVariable("DB_PASSWORD"); }""");
        test.TestState.Sources.Add(("Names.g.cs", NamesClass));
        test.FixedState.Sources.Add(("Names.g.cs", NamesClass));
        test.CodeActionEquivalenceKey = SecretNameCodeFixProvider.UseSuggestedNameKey;
        test.CodeActionIndex = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task Configuration_key_of_a_double_underscore_secret_is_not_replaced_by_the_constant()
    {
        // The constant holds "ConnectionStrings__Db", which IConfiguration would not find: only the literal fix applies.
        var test = Create(
            """
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c[{|INF001:"ConnectionStrings:Dbb"|}]; }
            """,
            """
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c["ConnectionStrings:Db"]; }
            """);
        test.TestState.Sources.Add(("Names.g.cs", NamesClass));
        test.FixedState.Sources.Add(("Names.g.cs", NamesClass));
        test.CodeActionEquivalenceKey = SecretNameCodeFixProvider.UseSuggestedNameKey;
        await test.RunAsync();
    }

    [Fact]
    public async Task Constant_from_the_generator_is_offered()
    {
        // No hand-written class: the constant comes from SecretNamesGenerator's output in the project's compilation.
        var test = new GeneratingCodeFixTest
        {
            TestCode = """
                namespace Demo;
                class C { string? M() => System.Environment.GetEnvironmentVariable({|INF001:"DB_PASWORD"|}); }
                """,
            FixedCode = """
                namespace Demo;
                class C { string? M() => System.Environment.GetEnvironmentVariable(InfisicalSecretNames.Variables.DB_PASSWORD); }
                """,
            ReferenceAssemblies = TestReferences.WithConfiguration,
            CodeActionEquivalenceKey = SecretNameCodeFixProvider.UseGeneratedConstantKey,
        };
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.AdditionalFiles.Add((TestManifests.Path, TestManifests.Default));
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task A_configuration_read_is_offered_the_generated_key_constant()
    {
        // DB_PASSWORD is in both nested classes with one value: the configuration read must get Keys, not Variables.
        var test = new GeneratingCodeFixTest
        {
            TestCode = """
                using Microsoft.Extensions.Configuration;
                class C { string? M(IConfiguration c) => c[{|INF001:"ConnectionStrings:Dbb"|}] + c[{|INF001:"DB_PASWORD"|}]; }
                """,
            FixedCode = """
                using Microsoft.Extensions.Configuration;
                class C { string? M(IConfiguration c) => c[InfisicalSecretNames.Keys.ConnectionStrings_Db] + c[InfisicalSecretNames.Keys.DB_PASSWORD]; }
                """,
            ReferenceAssemblies = TestReferences.WithConfiguration,
            CodeActionEquivalenceKey = SecretNameCodeFixProvider.UseGeneratedConstantKey,
        };
        test.TestState.AdditionalFiles.Add((TestManifests.Path, TestManifests.Default));
        test.FixedState.AdditionalFiles.Add((TestManifests.Path, TestManifests.Default));
        await test.RunAsync();
    }

    [Fact]
    public Task No_fix_without_a_suggestion_or_for_a_non_literal() => Create(
        """
        class N { public const string X = "DB_PASWORD"; }
        class C { string? M() => System.Environment.GetEnvironmentVariable({|INF005:"REDIS_HOST_NAME"|}) + System.Environment.GetEnvironmentVariable({|INF001:N.X|}); }
        """,
        """
        class N { public const string X = "DB_PASWORD"; }
        class C { string? M() => System.Environment.GetEnvironmentVariable({|INF005:"REDIS_HOST_NAME"|}) + System.Environment.GetEnvironmentVariable({|INF001:N.X|}); }
        """).RunAsync();

    /// <summary>
    /// A code fix test whose project references the analyzer assembly the way an IDE project does, so the
    /// workspace itself runs SecretNamesGenerator when the code fix asks for the compilation.
    /// </summary>
    private sealed class GeneratingCodeFixTest : CSharpCodeFixTest<SecretNameAnalyzer, SecretNameCodeFixProvider, DefaultVerifier>
    {
        public GeneratingCodeFixTest()
        {
            SolutionTransforms.Add((solution, projectId) => solution.AddAnalyzerReference(
                projectId,
                new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(
                    typeof(Infisical.Analyzers.Generation.SecretNamesGenerator).Assembly.Location, new LoadedAssemblyLoader())));
        }
    }

    /// <summary>The analyzer assembly is already loaded by the test; hand that instance to the workspace.</summary>
    private sealed class LoadedAssemblyLoader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }
}
