using System.Threading.Tasks;
using Infisical.Analyzers.Generation;
using Xunit;
using static Infisical.Analyzers.Tests.Infrastructure.Verifier;

namespace Infisical.Analyzers.Tests;

/// <summary>
/// The analyzer never reports the generator's own constants, whatever API they are passed to, while literals and
/// other constants with the same values are still checked.
/// </summary>
public sealed class GeneratedConstantsTests
{
    private static readonly string NamesClass = SecretNamesSource.Write(
        new[]
        {
            new SecretNameEntry("ConnectionStrings__Db", "dev", "/"),
            new SecretNameEntry("Identity__Url", "dev", "/"),
            new SecretNameEntry("DB_PASSWORD", "dev", "/"),
        },
        @namespace: null);

    [Fact]
    public async Task Keys_and_variables_are_silent_on_every_api_and_a_literal_typo_beside_them_is_not()
    {
        var test = Create("""
            using Microsoft.Extensions.Configuration;
            class C
            {
                string? M(IConfiguration c) =>
                    c[InfisicalSecretNames.Keys.ConnectionStrings_Db] + c.GetSection(InfisicalSecretNames.Keys.Identity_Url).Value
                    + c[InfisicalSecretNames.Variables.ConnectionStrings__Db] + c.GetValue<string>(InfisicalSecretNames.Variables.Identity__Url)
                    + c.GetConnectionString(InfisicalSecretNames.Keys.ConnectionStrings_Db)
                    + System.Environment.GetEnvironmentVariable(InfisicalSecretNames.Keys.Identity_Url)
                    + System.Environment.GetEnvironmentVariable(InfisicalSecretNames.Variables.DB_PASSWORD)
                    + c[{|#0:"Identity:Urll"|}];
            }
            """);
        test.TestState.Sources.Add((SecretNamesSource.HintName, NamesClass));
        test.ExpectedDiagnostics.Add(Inf001(0, "Identity:Urll", DidYouMean("Identity:Url")));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_constant_of_another_class_holding_a_raw_name_is_still_reported_as_a_key()
    {
        // The exemption is for the generated class, not for any constant whose value happens to be a secret name.
        var test = Create("""
            using Microsoft.Extensions.Configuration;
            static class Mine { public const string Db = "ConnectionStrings__Db"; }
            class C { string? M(IConfiguration c) => c[{|#0:Mine.Db|}]; }
            """);
        test.TestState.Sources.Add((SecretNamesSource.HintName, NamesClass));
        test.ExpectedDiagnostics.Add(Inf001(0, "ConnectionStrings__Db", DidYouMean("ConnectionStrings:Db")));
        await test.RunAsync();
    }
}
