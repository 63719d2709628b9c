using System.Threading.Tasks;
using Xunit;
using static Infisical.Analyzers.Tests.Infrastructure.Verifier;

namespace Infisical.Analyzers.Tests;

/// <summary>Names are compile-time constants in many spellings: const fields, interpolation, concatenation, nameof.</summary>
public sealed class ConstantFoldingTests
{
    [Fact]
    public Task Const_field_is_checked_at_the_use_site() => VerifyAsync(
        """
        class Names { public const string Db = "DB_PASWORD"; }
        class C { string? M() => System.Environment.GetEnvironmentVariable({|#0:Names.Db|}); }
        """,
        Inf001(0, "DB_PASWORD", DidYouMean("DB_PASSWORD")));

    [Fact]
    public Task Const_local_is_checked() => VerifyAsync(
        """
        class C { string? M() { const string name = "SMTP_PASWORD"; return System.Environment.GetEnvironmentVariable({|#0:name|}); } }
        """,
        Inf001(0, "SMTP_PASWORD", DidYouMean("SMTP_PASSWORD")));

    [Fact]
    public Task Constant_interpolation_and_concatenation_are_folded() => VerifyAsync(
        """
        using Microsoft.Extensions.Configuration;
        class C
        {
            const string Prefix = "STRIPE";
            void M(IConfiguration c)
            {
                _ = c[$"{Prefix}_API_KEY"];
                _ = c[{|#0:$"{Prefix}_API_KYE"|}];
                _ = c[{|#1:Prefix + "_APIKEY"|}];
            }
        }
        """,
        Inf001(0, "STRIPE_API_KYE", DidYouMean("STRIPE_API_KEY")),
        Inf001(1, "STRIPE_APIKEY", DidYouMean("STRIPE_API_KEY")));

    [Fact]
    public Task Nameof_is_a_name() => VerifyAsync(
        """
        using Microsoft.Extensions.Configuration;
        class Identity { }
        class DB_PASWORD { }
        class C
        {
            void M(IConfiguration c)
            {
                _ = c.GetSection(nameof(Identity))["Url"];
                _ = c[{|#0:nameof(DB_PASWORD)|}];
            }
        }
        """,
        Inf001(0, "DB_PASWORD", DidYouMean("DB_PASSWORD")));

    [Fact]
    public Task Non_constant_interpolation_is_ignored() => VerifyAsync("""
        using Microsoft.Extensions.Configuration;
        class C { string? M(IConfiguration c, string env) => c[$"DB_{env}_PASWORD"]; }
        """);
}
