using System.Collections.Generic;

using Xunit;

namespace Infisical.Build.Core.Tests;

public class HostResolverTests
{
    [Theory]
    [InlineData("https://app.infisical.com", "https://app.infisical.com")]
    [InlineData("https://app.infisical.com/", "https://app.infisical.com")]
    [InlineData("https://app.infisical.com/api", "https://app.infisical.com")]
    [InlineData("https://my.instance.example/api/", "https://my.instance.example")]
    [InlineData(" http://127.0.0.1:8080/API ", "http://127.0.0.1:8080")]
    [InlineData("https://host.example/infisical/api", "https://host.example/infisical")]
    public void Accepts_sdk_and_cli_host_forms(string raw, string expected) =>
        Assert.Equal(expected, HostResolver.Normalize(raw, "test"));

    [Theory]
    [InlineData("app.infisical.com")]
    [InlineData("ftp://host")]
    [InlineData("https://host/?x=1")]
    [InlineData("https://user:password@host")]
    public void Rejects_what_is_not_an_http_url(string raw)
    {
        var ex = Assert.Throws<InfisicalBuildException>(() => HostResolver.Normalize(raw, "test"));
        Assert.Equal("INFB005", ex.Code);
    }

    [Fact]
    public void Precedence_is_property_then_api_url_then_domain_then_project_file_then_cloud()
    {
        var env = new Dictionary<string, string?> { ["INFISICAL_API_URL"] = "https://a.example/api", ["INFISICAL_DOMAIN"] = "https://b.example/api" };
        Assert.Equal("https://p.example", HostResolver.Resolve("https://p.example", n => env.GetValueOrDefault(n), "https://f.example").Host);
        Assert.Equal("https://a.example", HostResolver.Resolve("", n => env.GetValueOrDefault(n), "https://f.example").Host);
        env.Remove("INFISICAL_API_URL");
        Assert.Equal("https://b.example", HostResolver.Resolve(null, n => env.GetValueOrDefault(n), "https://f.example").Host);
        env.Clear();
        Assert.Equal("https://f.example", HostResolver.Resolve(null, n => env.GetValueOrDefault(n), "https://f.example/api").Host);
        Assert.Equal("https://app.infisical.com", HostResolver.Resolve(null, n => env.GetValueOrDefault(n), null).Host);
    }
}
