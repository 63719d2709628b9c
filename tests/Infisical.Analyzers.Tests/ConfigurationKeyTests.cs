using System.Threading.Tasks;
using Xunit;
using static Infisical.Analyzers.Tests.Infrastructure.Verifier;

namespace Infisical.Analyzers.Tests;

/// <summary>INF001 on IConfiguration reads: indexer, GetValue, GetSection, GetRequiredSection, GetConnectionString, binding.</summary>
public sealed class ConfigurationKeyTests
{
    private const string Usings = "using Microsoft.Extensions.Configuration;\n";

    [Fact]
    public Task Indexer_with_known_name_is_silent() => VerifyAsync(Usings + """
        class C { string? M(IConfiguration c) => c["DB_PASSWORD"]; }
        """);

    [Fact]
    public Task Indexer_with_misspelled_name_is_reported() => VerifyAsync(
        Usings + """
        class C { string? M(IConfiguration c) => c[{|#0:"DB_PASWORD"|}]; }
        """,
        Inf001(0, "DB_PASWORD", DidYouMean("DB_PASSWORD")));

    [Fact]
    public Task Indexer_on_concrete_configuration_types_is_checked() => VerifyAsync(
        Usings + """
        class C { string? M(ConfigurationManager c) => c[{|#0:"SMTP_PASWORD"|}]; }
        """,
        Inf001(0, "SMTP_PASWORD", DidYouMean("SMTP_PASSWORD")));

    [Fact]
    public Task Indexer_writes_are_not_reads() => VerifyAsync(Usings + """
        class C { void M(IConfiguration c) { c["NEW_SETTING_KEY"] = "x"; } }
        """);

    [Fact]
    public Task Case_only_difference_matches_for_configuration() => VerifyAsync(Usings + """
        class C { string? M(IConfiguration c) => c["db_password"] + c["identity:url"] + c["CONNECTIONSTRINGS:DB"]; }
        """);

    [Fact]
    public Task Double_underscore_secret_is_read_under_colon_key() => VerifyAsync(Usings + """
        class C { string? M(IConfiguration c) => c["Identity:Url"] + c["Payments:Provider:ApiKey"]; }
        """);

    [Fact]
    public Task Double_underscore_in_a_configuration_key_is_reported_with_the_colon_form() => VerifyAsync(
        Usings + """
        class C { string? M(IConfiguration c) => c[{|#0:"Identity__Url"|}]; }
        """,
        Inf001(0, "Identity__Url", DidYouMean("Identity:Url")));

    [Fact]
    public Task GetValue_generic_and_with_default_are_checked() => VerifyAsync(
        Usings + """
        class C
        {
            void M(IConfiguration c)
            {
                _ = c.GetValue<string>("STRIPE_API_KEY");
                _ = c.GetValue<string>({|#0:"STRIPE_API_KYE"|});
                _ = c.GetValue({|#1:"STRIPE_APIKEY"|}, "fallback");
                _ = c.GetValue(typeof(string), {|#2:"SMTP_PASWORD"|});
            }
        }
        """,
        Inf001(0, "STRIPE_API_KYE", DidYouMean("STRIPE_API_KEY")),
        Inf001(1, "STRIPE_APIKEY", DidYouMean("STRIPE_API_KEY")),
        Inf001(2, "SMTP_PASWORD", DidYouMean("SMTP_PASSWORD")));

    [Fact]
    public Task GetConnectionString_reads_the_ConnectionStrings_section() => VerifyAsync(
        Usings + """
        class C
        {
            void M(IConfiguration c)
            {
                _ = c.GetConnectionString("Db");
                _ = c.GetConnectionString("db");
                _ = c.GetConnectionString({|#0:"Dbb"|});
            }
        }
        """,
        Inf001(0, "ConnectionStrings:Dbb", DidYouMean("ConnectionStrings:Db")));

    [Fact]
    public Task GetSection_then_indexer_composes_the_key() => VerifyAsync(
        Usings + """
        class C
        {
            void M(IConfiguration c)
            {
                _ = c.GetSection("Identity")["Url"];
                _ = c.GetSection("Identity")[{|#0:"Ulr"|}];
                _ = c.GetSection("Payments").GetSection("Provider")[{|#1:"ApiKye"|}];
                _ = c.GetRequiredSection("Identity").GetValue<string>({|#2:"ClientSecrets"|});
            }
        }
        """,
        Inf001(0, "Identity:Ulr", DidYouMean("Identity:Url")),
        Inf001(1, "Payments:Provider:ApiKye", DidYouMean("Payments:Provider:ApiKey")),
        Inf001(2, "Identity:ClientSecrets", DidYouMean("Identity:ClientSecret")));

    [Fact]
    public Task Section_through_an_unchanged_local_composes_the_key() => VerifyAsync(
        Usings + """
        class C
        {
            void M(IConfiguration c)
            {
                var identity = c.GetSection("Identity");
                _ = identity["Url"];
                _ = identity[{|#0:"Ulr"|}];
            }
        }
        """,
        Inf001(0, "Identity:Ulr", DidYouMean("Identity:Url")));

    [Fact]
    public Task Reassigned_local_section_is_not_guessed() => VerifyAsync(Usings + """
        class C
        {
            void M(IConfiguration c, bool b)
            {
                var s = c.GetSection("Identity");
                if (b) s = c.GetSection("Other");
                _ = s["Ulr"];
            }
        }
        """);

    [Fact]
    public Task Section_of_unknown_origin_is_not_checked() => VerifyAsync(Usings + """
        class C { string? M(IConfigurationSection s) => s["DB_PASWORD"]; }
        """);

    [Fact]
    public Task Section_reads_are_present_when_anything_lives_under_them() => VerifyAsync(Usings + """
        class C { object M(IConfiguration c) => c.GetSection("Identity").GetChildren(); }
        """);

    [Fact]
    public Task Misspelled_section_read_on_its_own_is_reported() => VerifyAsync(
        Usings + """
        class C { object M(IConfiguration c) => c.GetSection({|#0:"Identiti:Url"|}).Value!; }
        """,
        Inf001(0, "Identiti:Url", DidYouMean("Identity:Url")));

    [Fact]
    public Task Options_binding_section_is_checked_as_a_section() => VerifyAsync(
        Usings + """
        using Microsoft.Extensions.DependencyInjection;
        class Opts { public string Url { get; set; } = ""; }
        class C
        {
            void M(IServiceCollection services, IConfiguration c)
            {
                services.AddOptions<Opts>().BindConfiguration("Identity");
                services.AddOptions<Opts>().BindConfiguration({|#0:"Identiti"|});
                c.Bind("Payments", new Opts());
            }
        }
        """,
        Inf001(0, "Identiti", DidYouMean("Identity")));

    [Fact]
    public Task Lower_case_keys_without_a_close_match_are_not_candidates() => VerifyAsync(Usings + """
        class C { string? M(IConfiguration c) => c["Features:EnableBeta"] + c.GetConnectionString("Redis"); }
        """);

    [Fact]
    public Task Screaming_snake_keys_are_candidates_even_without_a_close_match() => VerifyAsync(
        Usings + """
        class C { string? M(IConfiguration c) => c[{|#0:"SENDGRID_TOKEN"|}]; }
        """,
        Inf005(0, "SENDGRID_TOKEN"));

    [Fact]
    public Task Conditional_access_shapes_pass_the_syntactic_filter() => VerifyAsync(
        Usings + """
        class C
        {
            string? M(IConfiguration? c) =>
                c?[{|#0:"DB_PASWORD"|}] + c?.GetSection({|#1:"Identiy"|})?.Value + c?.GetConnectionString({|#2:"Bd"|});
        }
        """,
        Inf001(0, "DB_PASWORD", DidYouMean("DB_PASSWORD")),
        Inf001(1, "Identiy", DidYouMean("Identity")),
        Inf001(2, "ConnectionStrings:Bd", DidYouMean("ConnectionStrings:Db")));
}
