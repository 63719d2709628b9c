using System.Threading.Tasks;
using Infisical.Analyzers.Tests.Infrastructure;
using Xunit;
using static Infisical.Analyzers.Tests.Infrastructure.Verifier;

namespace Infisical.Analyzers.Tests;

/// <summary>INF001 on the Infisical client (the real assembly): options initializers and secretName parameters.</summary>
public sealed class InfisicalClientTests
{
    private static Task VerifyWithClientAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = Create(source);
        test.TestState.AdditionalReferences.Add(ClientAssembly.Reference);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task VerifyWithNameTakingApiAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = Create(source);
        test.TestState.AdditionalReferences.Add(ClientAssembly.Reference);
        test.TestState.Sources.Add(("NameTakingApi.cs", ClientAssembly.NameTakingApi));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Options_initializer_with_known_name_is_silent() => VerifyWithClientAsync("""
        using Infisical.Client;
        using Infisical.Client.Secrets;
        class C { object M(SecretsClient s) => s.GetByNameAsync(new GetSecretOptions { SecretName = "DB_PASSWORD" }); }
        """);

    [Fact]
    public Task Options_initializer_with_misspelled_name_is_reported() => VerifyWithClientAsync(
        """
        using Infisical.Client;
        using Infisical.Client.Secrets;
        class C { object M(SecretsClient s) => s.GetByNameAsync(new GetSecretOptions { SecretName = {|#0:"DB_PASWORD"|} }); }
        """,
        Inf001(0, "DB_PASWORD", DidYouMean("DB_PASSWORD")));

    [Fact]
    public Task Client_names_are_case_sensitive_and_exact() => VerifyWithClientAsync(
        """
        using Infisical.Client;
        using Infisical.Client.Secrets;
        class C
        {
            void M(SecretsClient s)
            {
                _ = s.GetByNameAsync(new GetSecretOptions { SecretName = {|#0:"Db_Password"|} });
                _ = s.GetByNameAsync(new GetSecretOptions { SecretName = {|#1:"Identity:Url"|} });
            }
        }
        """,
        Inf001(0, "Db_Password", DidYouMean("DB_PASSWORD") + " (Infisical secret names are case-sensitive)"),
        Inf001(1, "Identity:Url", DidYouMean("Identity__Url")));

    [Fact]
    public Task Any_name_is_a_candidate_for_the_client() => VerifyWithClientAsync(
        """
        using Infisical.Client;
        class C { object M(InfisicalClient c) => c.Secrets.GetByNameAsync(new GetSecretOptions { SecretName = {|#0:"some-lowercase-name"|} }); }
        """,
        Inf001(0, "some-lowercase-name"));

    [Fact]
    public Task Update_and_delete_options_are_checked_but_create_is_not() => VerifyWithNameTakingApiAsync(
        """
        using Infisical.Client;
        using Infisical.Client.NotYetShipped;
        using Infisical.Client.Secrets;
        class C
        {
            void M(SecretsClient s, NameTakingSecretsClient n)
            {
                _ = s.UpdateAsync(new UpdateSecretOptions { SecretName = {|#0:"SMTP_PASWORD"|}, NewSecretName = "BRAND_NEW" });
                _ = s.DeleteByNameAsync(new DeleteSecretOptions { SecretName = {|#1:"STRIPE_KEY"|} });
                _ = s.CreateAsync(new CreateSecretOptions { SecretName = "BRAND_NEW_SECRET", SecretValue = "v" });
                _ = n.CreateAsync("ANOTHER_NEW_SECRET", "v");
            }
        }
        """,
        Inf001(0, "SMTP_PASWORD", DidYouMean("SMTP_PASSWORD")),
        Inf001(1, "STRIPE_KEY"));

    [Fact]
    public Task SecretName_parameter_is_checked() => VerifyWithNameTakingApiAsync(
        """
        using Infisical.Client.NotYetShipped;
        class C { object M(NameTakingSecretsClient n) => n.GetAsync({|#0:"STRIPE_API_KY"|}); }
        """,
        Inf001(0, "STRIPE_API_KY", DidYouMean("STRIPE_API_KEY")));

    [Fact]
    public Task With_expression_on_options_is_checked() => VerifyWithClientAsync(
        """
        using Infisical.Client;
        using Infisical.Client.Secrets;
        class C
        {
            static readonly GetSecretOptions Base = new() { EnvironmentSlug = "dev" };
            object M(SecretsClient s) => s.GetByNameAsync(Base with { SecretName = {|#0:"DB_PASWORD"|} });
        }
        """,
        Inf001(0, "DB_PASWORD", DidYouMean("DB_PASSWORD")));

    [Fact]
    public Task Another_environment_path_or_project_is_not_checked() => VerifyWithNameTakingApiAsync("""
        using Infisical.Client;
        using Infisical.Client.NotYetShipped;
        using Infisical.Client.Secrets;
        class C
        {
            void M(SecretsClient s, NameTakingSecretsClient n)
            {
                _ = s.GetByNameAsync(new GetSecretOptions { SecretName = "PROD_ONLY", EnvironmentSlug = "prod" });
                _ = s.GetByNameAsync(new GetSecretOptions { SecretName = "NESTED_ONLY", SecretPath = "/billing" });
                _ = s.GetByNameAsync(new GetSecretOptions { SecretName = "OTHER_PROJECT", ProjectSlug = "other" });
                _ = n.GetAsync("PROD_ONLY", "prod");
            }
        }
        """);

    [Fact]
    public Task Same_environment_and_path_spelled_out_are_still_checked() => VerifyWithClientAsync(
        """
        using Infisical.Client;
        using Infisical.Client.Secrets;
        class C
        {
            object M(SecretsClient s) => s.GetByNameAsync(
                new GetSecretOptions { SecretName = {|#0:"DB_PASWORD"|}, EnvironmentSlug = "dev", SecretPath = "/", ProjectSlug = "demo" });
        }
        """,
        Inf001(0, "DB_PASWORD", DidYouMean("DB_PASSWORD")));
}
