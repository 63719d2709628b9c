using System.Threading.Tasks;
using Xunit;
using static Infisical.Analyzers.Tests.Infrastructure.Verifier;

namespace Infisical.Analyzers.Tests;

/// <summary>Keys provided by other sources are not reported; .editorconfig options change what is checked.</summary>
public sealed class OtherSourcesAndOptionsTests
{
    private const string ReadsScreamingKeys = """
        using Microsoft.Extensions.Configuration;
        class C
        {
            void M(IConfiguration c)
            {
                _ = c["SENDGRID_TOKEN"];
                _ = c.GetSection("Mail")["SMTP_HOST"];
                _ = System.Environment.GetEnvironmentVariable("LOCAL_ONLY_FLAG");
            }
        }
        """;

    [Fact]
    public async Task Keys_from_appsettings_and_launchSettings_are_not_reported()
    {
        var test = Create(ReadsScreamingKeys);
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", """{ "SENDGRID_TOKEN": "", "Logging": { "LogLevel": { "Default": "Information" } } }"""));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.Development.json", """{ "mail": { "smtp_host": "localhost" } }"""));
        test.TestState.AdditionalFiles.Add(("/0/Properties/launchSettings.json", """
            { "profiles": { "http": { "environmentVariables": { "LOCAL_ONLY_FLAG": "1", "ASPNETCORE_ENVIRONMENT": "Development" } } } }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_the_other_sources_the_same_keys_are_reported()
    {
        var test = Create(ReadsScreamingKeys.Replace("\"SENDGRID_TOKEN\"", "{|#0:\"SENDGRID_TOKEN\"|}")
            .Replace("\"SMTP_HOST\"", "{|#1:\"SMTP_HOST\"|}").Replace("\"LOCAL_ONLY_FLAG\"", "{|#2:\"LOCAL_ONLY_FLAG\"|}"));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ this is not json"));
        test.ExpectedDiagnostics.Add(Inf005(0, "SENDGRID_TOKEN"));
        test.ExpectedDiagnostics.Add(Inf005(1, "Mail:SMTP_HOST"));
        test.ExpectedDiagnostics.Add(Inf005(2, "LOCAL_ONLY_FLAG"));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_generated_appsettings_Infisical_json_is_not_another_source()
    {
        var test = Create("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c[{|#0:"SENDGRID_TOKEN"|}]; }
            """);
        test.TestState.AdditionalFiles.Add(("/0/obj/infisical/appsettings.Infisical.json", """{ "SENDGRID_TOKEN": "value" }"""));
        test.ExpectedDiagnostics.Add(Inf005(0, "SENDGRID_TOKEN"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Ignored_names_and_prefixes_are_not_reported()
    {
        var test = Create(ReadsScreamingKeys);
        test.AddGlobalOptions("infisical.ignored_names = SENDGRID_TOKEN, LOCAL_ONLY_FLAG\ninfisical.ignored_prefixes = Mail:");
        await test.RunAsync();
    }

    [Fact]
    public async Task Candidate_keys_near_misses_only_silences_unrelated_screaming_names()
    {
        var test = Create("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c["SENDGRID_TOKEN"] + c[{|#0:"DB_PASWORD"|}]; }
            """);
        test.AddGlobalOptions("infisical.candidate_keys = near_misses");
        test.ExpectedDiagnostics.Add(Inf001(0, "DB_PASWORD", DidYouMean("DB_PASSWORD")));
        await test.RunAsync();
    }

    [Fact]
    public async Task Candidate_keys_manifest_sections_checks_keys_under_sections_the_manifest_uses()
    {
        var test = Create("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c.GetConnectionString({|#0:"Redis"|}) + c["Features:Beta"]; }
            """);
        test.AddGlobalOptions("infisical.candidate_keys = manifest_sections");
        test.ExpectedDiagnostics.Add(Inf005(0, "ConnectionStrings:Redis"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Candidate_keys_all_checks_every_key_but_platform_ones()
    {
        var test = Create("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c[{|#0:"Features:Beta"|}] + c["Logging:LogLevel:Default"] + c["AllowedHosts"]; }
            """);
        test.AddGlobalOptions("infisical.candidate_keys = all");
        test.ExpectedDiagnostics.Add(Inf005(0, "Features:Beta"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Custom_candidate_pattern_replaces_screaming_snake()
    {
        var test = Create("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c["SENDGRID_TOKEN"] + c[{|#0:"Secrets:Mailer"|}]; }
            """);
        test.AddGlobalOptions("infisical.candidate_pattern = ^Secrets:");
        test.ExpectedDiagnostics.Add(Inf005(0, "Secrets:Mailer"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Per_file_editorconfig_options_apply()
    {
        var test = Create("""
            using Microsoft.Extensions.Configuration;
            class C { string? M(IConfiguration c) => c["SENDGRID_TOKEN"]; }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ninfisical.ignored_names = SENDGRID_TOKEN\n"));
        await test.RunAsync();
    }
}
