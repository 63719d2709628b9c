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
