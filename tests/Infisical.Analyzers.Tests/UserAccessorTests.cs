using System.Threading.Tasks;
using Xunit;
using static Infisical.Analyzers.Tests.Infrastructure.Verifier;

namespace Infisical.Analyzers.Tests;

/// <summary>User-declared accessors (documentation-comment ids) from .editorconfig or the MSBuild property.</summary>
public sealed class UserAccessorTests
{
    private const string Source = """
        using Microsoft.Extensions.Configuration;
        namespace MyApp
        {
            public static class ConfigExtensions
            {
                public static string GetRequiredValue(this IConfiguration c, string key) => c[key]!;
            }
            public static class Hosting
            {
                public static void AddCache(string connectionName) { }
            }
            class C
            {
                void M(IConfiguration c)
                {
                    _ = c.GetRequiredValue("DB_PASSWORD");
                    _ = c.GetRequiredValue({|#0:"DB_PASWORD"|});
                    _ = c.GetSection("Identity").GetRequiredValue({|#1:"Ulr"|});
                    Hosting.AddCache("Db");
                    Hosting.AddCache({|#2:"Dbb"|});
                }
            }
        }
        """;

    private const string Accessors =
        "M:MyApp.ConfigExtensions.GetRequiredValue(Microsoft.Extensions.Configuration.IConfiguration,System.String)|M:MyApp.Hosting.AddCache(System.String)=ConnectionStrings";

    [Fact]
    public async Task Accessors_from_editorconfig_are_checked_with_composition_and_prefix()
    {
        var test = Create(Source);
        test.AddGlobalOptions("infisical.secret_accessors = " + Accessors);
        test.ExpectedDiagnostics.Add(Inf001(0, "DB_PASWORD", DidYouMean("DB_PASSWORD")));
        test.ExpectedDiagnostics.Add(Inf001(1, "Identity:Ulr", DidYouMean("Identity:Url")));
        test.ExpectedDiagnostics.Add(Inf001(2, "ConnectionStrings:Dbb", DidYouMean("ConnectionStrings:Db")));
        await test.RunAsync();
    }

    [Fact]
    public async Task Accessors_from_the_msbuild_property_and_ids_without_parameters_work()
    {
        var test = Create(Source);
        test.AddGlobalOptions("build_property.InfisicalSecretAccessors = M:MyApp.ConfigExtensions.GetRequiredValue|M:MyApp.Hosting.AddCache=ConnectionStrings");
        test.ExpectedDiagnostics.Add(Inf001(0, "DB_PASWORD", DidYouMean("DB_PASSWORD")));
        test.ExpectedDiagnostics.Add(Inf001(1, "Identity:Ulr", DidYouMean("Identity:Url")));
        test.ExpectedDiagnostics.Add(Inf001(2, "ConnectionStrings:Dbb", DidYouMean("ConnectionStrings:Db")));
        await test.RunAsync();
    }

    [Fact]
    public async Task Undeclared_helpers_are_not_checked()
    {
        var test = Create(Source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("|}", string.Empty));
        await test.RunAsync();
    }
}

/// <summary>INF004: option values the analyzer cannot use are reported, not silently dropped.</summary>
public sealed class InvalidOptionTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Inf004(string option, string message) =>
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticIds.InvalidOption, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithArguments(option, message);

    [Fact]
    public async Task Accessor_entries_that_are_not_method_ids_are_reported()
    {
        var test = Create("class C { }");
        test.AddGlobalOptions("infisical.secret_accessors = MyApp.Config.Get|T:MyApp.Config");
        test.ExpectedDiagnostics.Add(Inf004("infisical.secret_accessors",
            "'MyApp.Config.Get' is not a method documentation-comment id (expected 'M:Namespace.Type.Method(ParameterTypes)', entries separated by '|')"));
        test.ExpectedDiagnostics.Add(Inf004("infisical.secret_accessors",
            "'T:MyApp.Config' is not a method documentation-comment id (expected 'M:Namespace.Type.Method(ParameterTypes)', entries separated by '|')"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Invalid_candidate_pattern_is_reported_and_the_default_is_used()
    {
        var test = Create("""
            class C { string? M() => System.Environment.GetEnvironmentVariable({|#0:"SENDGRID_TOKEN"|}); }
            """);
        test.AddGlobalOptions("infisical.candidate_pattern = ^[A-Z");
        test.ExpectedDiagnostics.Add(Inf005(0, "SENDGRID_TOKEN"));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticIds.InvalidOption, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        await test.RunAsync();
    }

    [Fact]
    public async Task Accessor_ids_that_match_nothing_are_tolerated()
    {
        // Shared declarations (Directory.Build.props) name helpers that not every project references.
        var test = Create("class C { }");
        test.AddGlobalOptions("infisical.secret_accessors = M:Not.There.Get(System.String)");
        await test.RunAsync();
    }
}
