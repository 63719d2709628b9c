using System.Collections.Generic;
using Xunit;

namespace Infisical.Extensions.Configuration.Tests;

/// <summary>The run-time credential rules read the build's variable names and name what is missing, never values.</summary>
public sealed class EnvironmentAuthTests
{
    private static InfisicalAuth Resolve(Dictionary<string, string?> env) => InfisicalAuth.FromEnvironment(n => env.TryGetValue(n, out var v) ? v : null);

    [Fact]
    public void A_token_variable_wins_over_universal_auth_without_a_method()
    {
        var auth = Resolve(new() { ["INFISICAL_TOKEN"] = "tok-value", ["INFISICAL_UNIVERSAL_AUTH_CLIENT_ID"] = "id", ["INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"] = "s" });
        Assert.Equal("access token from INFISICAL_TOKEN", auth.Description);
        Assert.Equal("tok-value", auth.AccessToken);
        Assert.DoesNotContain("tok-value", auth.ToString());
    }

    [Theory]
    [InlineData("ldap", "INFISICAL_LDAP_USERNAME")]
    [InlineData("jwt", "INFISICAL_JWT")]
    [InlineData("oidc-auth", "INFISICAL_JWT")]
    [InlineData("universal-auth", "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET")]
    public void A_named_method_without_its_variables_names_them(string method, string variable)
    {
        var e = Assert.Throws<InfisicalConfigurationException>(() => Resolve(new() { ["INFISICAL_AUTH_METHOD"] = method, ["INFISICAL_MACHINE_IDENTITY_ID"] = "ident" }));
        Assert.Contains(variable, e.Message);
    }

    [Fact]
    public void A_method_needing_an_identity_names_the_identity_variable()
    {
        var e = Assert.Throws<InfisicalConfigurationException>(() => Resolve(new() { ["INFISICAL_AUTH_METHOD"] = "kubernetes" }));
        Assert.Contains("INFISICAL_MACHINE_IDENTITY_ID", e.Message);
    }

    [Theory]
    [InlineData("aws-iam", "AWS IAM Auth")]
    [InlineData("kubernetes", "Kubernetes Auth")]
    [InlineData("azure", "Azure Auth")]
    [InlineData("gcp-id-token", "GCP Auth")]
    public void Cloud_methods_resolve_with_only_the_identity(string method, string description)
    {
        var auth = Resolve(new() { ["INFISICAL_AUTH_METHOD"] = method, ["INFISICAL_MACHINE_IDENTITY_ID"] = "ident" });
        Assert.Equal(description, auth.Description);
        Assert.Null(auth.AccessToken);
    }

    [Fact]
    public void An_unknown_method_is_a_typed_error()
    {
        var e = Assert.Throws<InfisicalConfigurationException>(() => Resolve(new() { ["INFISICAL_AUTH_METHOD"] = "carrier-pigeon" }));
        Assert.Contains("carrier-pigeon", e.Message);
        Assert.Contains("universal-auth", e.Message);
    }
}
