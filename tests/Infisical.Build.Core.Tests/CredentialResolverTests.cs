using System.Collections.Generic;
using Xunit;

namespace Infisical.Build.Core.Tests;

/// <summary>Which login the environment selects, and what a missing piece says.</summary>
public sealed class CredentialResolverTests
{
    [Theory]
    [InlineData("universal-auth", "universal-auth")]
    [InlineData("aws-iam", "aws-iam")]
    [InlineData("oidc-auth", "oidc-auth")]
    [InlineData("jwt", "jwt")]
    [InlineData("kubernetes", "kubernetes")]
    [InlineData("azure", "azure")]
    [InlineData("gcp-id-token", "gcp-id-token")]
    [InlineData("ldap", "ldap")]
    [InlineData("token", "token")]
    public void INFISICAL_AUTH_METHOD_picks_the_method(string variable, string method)
    {
        var env = Everything();
        env["INFISICAL_AUTH_METHOD"] = variable;
        Assert.Equal(method, new CredentialResolver(n => env.GetValueOrDefault(n)).Resolve().Method);
    }

    [Fact]
    public void Without_a_method_a_token_wins_then_universal_auth()
    {
        var env = Everything();
        Assert.Equal("token", new CredentialResolver(n => env.GetValueOrDefault(n)).Resolve().Method);
        env.Remove("INFISICAL_TOKEN");
        Assert.Equal("universal-auth", new CredentialResolver(n => env.GetValueOrDefault(n)).Resolve().Method);
    }

    [Fact]
    public void The_property_wins_over_the_variable_and_an_unknown_method_is_INFB045()
    {
        var env = Everything();
        env["INFISICAL_AUTH_METHOD"] = "ldap";
        Assert.Equal("jwt", new CredentialResolver(n => env.GetValueOrDefault(n)) { AuthMethod = "jwt" }.Resolve().Method);
        var error = Assert.Throws<InfisicalBuildException>(() => new CredentialResolver(n => env.GetValueOrDefault(n)) { AuthMethod = "kerberos" }.Resolve());
        Assert.Equal(InfisicalBuildErrors.UnknownAuthMethod, error.Code);
    }

    [Theory]
    [InlineData("oidc-auth", "INFISICAL_JWT", "ACTIONS_ID_TOKEN_REQUEST_URL")]
    [InlineData("kubernetes", "INFISICAL_MACHINE_IDENTITY_ID", "InfisicalIdentityId")]
    [InlineData("ldap", "INFISICAL_LDAP_PASSWORD", "INFISICAL_LDAP_PASSWORD")]
    [InlineData("universal-auth", "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET", "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET is missing")]
    public void A_missing_piece_is_INFB002_naming_it(string method, string removed, string named)
    {
        var env = Everything();
        env["INFISICAL_AUTH_METHOD"] = method;
        env.Remove(removed);
        var error = Assert.Throws<InfisicalBuildException>(() => new CredentialResolver(n => env.GetValueOrDefault(n)).Resolve());
        Assert.Equal(InfisicalBuildErrors.MissingCredentials, error.Code);
        Assert.Contains(named, error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
    }

    [Fact]
    public void The_identity_key_holds_no_credential_and_tells_identities_apart()
    {
        var env = Everything();
        env.Remove("INFISICAL_TOKEN");
        var plan = new CredentialResolver(n => env.GetValueOrDefault(n)).Resolve();
        Assert.DoesNotContain("ua-s3cr3t", plan.IdentityKey);
        Assert.Contains("ua-s3cr3t", plan.SensitiveValues);
        env["INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"] = "other-s3cr3t";
        Assert.NotEqual(plan.IdentityKey, new CredentialResolver(n => env.GetValueOrDefault(n)).Resolve().IdentityKey);
    }

    private static Dictionary<string, string?> Everything() => new()
    {
        ["INFISICAL_TOKEN"] = "token-s3cr3t",
        ["INFISICAL_UNIVERSAL_AUTH_CLIENT_ID"] = "ua-id",
        ["INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"] = "ua-s3cr3t",
        ["INFISICAL_MACHINE_IDENTITY_ID"] = "a1000000-0000-4000-8000-000000000002",
        ["INFISICAL_JWT"] = "jwt-s3cr3t",
        ["INFISICAL_LDAP_USERNAME"] = "alice",
        ["INFISICAL_LDAP_PASSWORD"] = "ldap-s3cr3t",
        ["ACTIONS_ID_TOKEN_REQUEST_URL"] = null,
    };
}
