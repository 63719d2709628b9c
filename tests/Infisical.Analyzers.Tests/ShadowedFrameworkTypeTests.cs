using System.Threading.Tasks;
using Xunit;
using static Infisical.Analyzers.Tests.Infrastructure.Verifier;

namespace Infisical.Analyzers.Tests;

/// <summary>
/// A project's own type with a framework type's full name (a common home for GetRequiredValue-style helpers)
/// must not hide the framework's API: every API shape is still recognised through the referenced assembly.
/// </summary>
public sealed class ShadowedFrameworkTypeTests
{
    private const string Shadows = """
        namespace Microsoft.Extensions.Configuration
        {
            public static class ConfigurationExtensions
            {
                public static string GetRequiredValue(this IConfiguration configuration, string key) =>
                    configuration[key] ?? throw new System.InvalidOperationException(key);
            }

            public static class ConfigurationBinder
            {
                public static int GetInt(this IConfiguration configuration, string key) => int.Parse(configuration[key] ?? "0");
            }
        }
        """;

    [Fact]
    public Task Typos_are_found_through_every_shape_despite_shadowing_classes() => VerifyAsync(
        Shadows + """

        namespace App
        {
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            class Options { }

            class C
            {
                void M(IConfiguration c, IServiceCollection services)
                {
                    _ = c.GetConnectionString({|#0:"Bd"|});
                    _ = c.GetRequiredSection({|#1:"Identiy"|});
                    _ = c.GetValue<string>({|#2:"DB_PASWORD"|});
                    _ = System.Environment.GetEnvironmentVariable({|#3:"SMTP_PASWORD"|});
                    _ = c.GetRequiredValue("anything: a user helper is not an API the analyzer knows");
                    services.AddOptions<Options>().BindConfiguration({|#4:"Identty"|});
                }
            }
        }
        """,
        Inf001(0, "ConnectionStrings:Bd", DidYouMean("ConnectionStrings:Db")),
        Inf001(1, "Identiy", DidYouMean("Identity")),
        Inf001(2, "DB_PASWORD", DidYouMean("DB_PASSWORD")),
        Inf001(3, "SMTP_PASWORD", DidYouMean("SMTP_PASSWORD")),
        Inf001(4, "Identty", DidYouMean("Identity")));
}
