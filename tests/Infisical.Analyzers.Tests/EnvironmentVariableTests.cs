using System.Threading.Tasks;
using Infisical.Analyzers.Tests.Infrastructure;
using Xunit;
using static Infisical.Analyzers.Tests.Infrastructure.Verifier;

namespace Infisical.Analyzers.Tests;

/// <summary>INF001 on Environment.GetEnvironmentVariable: exact, case-sensitive names.</summary>
public sealed class EnvironmentVariableTests
{
    [Fact]
    public Task Known_name_is_silent() => VerifyAsync("""
        class C { string? M() => System.Environment.GetEnvironmentVariable("DB_PASSWORD"); }
        """);

    [Fact]
    public Task Misspelled_name_is_reported_with_project_environment_path_and_suggestion() => VerifyAsync(
        """
        class C { string? M() => System.Environment.GetEnvironmentVariable({|#0:"DB_PASWORD"|}); }
        """,
        Inf001(0, "DB_PASWORD", DidYouMean("DB_PASSWORD")));

    [Fact]
    public Task Unknown_screaming_snake_name_without_close_match_is_reported_without_hint() => VerifyAsync(
        """
        class C { string? M() => System.Environment.GetEnvironmentVariable({|#0:"REDIS_HOST_NAME"|}); }
        """,
        Inf005(0, "REDIS_HOST_NAME"));

    [Fact]
    public Task Overload_with_target_is_checked() => VerifyAsync(
        """
        using System;
        class C { string? M() => Environment.GetEnvironmentVariable({|#0:"STRIPE_APIKEY"|}, EnvironmentVariableTarget.Process); }
        """,
        Inf001(0, "STRIPE_APIKEY", DidYouMean("STRIPE_API_KEY")));

    [Fact]
    public Task Case_only_difference_is_reported_because_linux_names_are_case_sensitive() => VerifyAsync(
        """
        class C { string? M() => System.Environment.GetEnvironmentVariable({|#0:"db_password"|}); }
        """,
        Inf001(0, "db_password", DidYouMean("DB_PASSWORD") + " (environment variable names are case-sensitive on Linux and macOS)"));

    [Fact]
    public async Task Case_only_difference_is_accepted_when_configured_case_insensitive()
    {
        var test = Create("""
            class C { string? M() => System.Environment.GetEnvironmentVariable("db_password"); }
            """);
        test.AddGlobalOptions("infisical.environment_variables_case_sensitive = false");
        await test.RunAsync();
    }

    [Fact]
    public Task Double_underscore_name_matches_the_secret_exactly() => VerifyAsync("""
        class C { string? M() => System.Environment.GetEnvironmentVariable("ConnectionStrings__Db"); }
        """);

    [Fact]
    public Task Configuration_key_form_is_not_an_environment_variable_name() => VerifyAsync(
        """
        class C { string? M() => System.Environment.GetEnvironmentVariable({|#0:"ConnectionStrings__Dbb"|}); }
        """,
        Inf001(0, "ConnectionStrings__Dbb", DidYouMean("ConnectionStrings__Db")));

    [Theory]
    [InlineData("ASPNETCORE_ENVIRONMENT")]
    [InlineData("DOTNET_RUNNING_IN_CONTAINER")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("AZURE_CLIENT_ID")]
    [InlineData("AWS_REGION")]
    [InlineData("KUBERNETES_SERVICE_HOST")]
    [InlineData("GITHUB_ACTIONS")]
    [InlineData("HOSTNAME")]
    [InlineData("PATH")]
    [InlineData("HOME")]
    [InlineData("CI")]
    [InlineData("INFISICAL_CLIENT_SECRET")]
    public Task Platform_variables_are_never_reported(string name) => VerifyAsync($$"""
        class C { string? M() => System.Environment.GetEnvironmentVariable("{{name}}"); }
        """);

    [Fact]
    public Task Lower_case_name_without_close_match_is_not_a_candidate() => VerifyAsync("""
        class C { string? M() => System.Environment.GetEnvironmentVariable("my_feature_flag"); }
        """);

    [Fact]
    public Task Non_constant_names_are_ignored() => VerifyAsync("""
        class C { string? M(string name) => System.Environment.GetEnvironmentVariable(name); }
        """);
}
