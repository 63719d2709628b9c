using System.Text.Json.Nodes;
using Infisical.Client.Auth;
using Infisical.Client.Tests.Auth.Fakes;

namespace Infisical.Client.Tests.Auth;

/// <summary>Azure and GCP Auth: tokens fetched from loopback stand-ins of the cloud metadata services.</summary>
public sealed class CloudMetadataAuthTests
{
    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task AzureLoginFetchesAManagedIdentityTokenAndUsesIt(CompatibilityLevel level)
    {
        await using var imds = await FakeMetadataServer.AzureAsync(AuthMethodsSeed.AzureResource, "azure-token-good");
        await using var h = await AuthMethodsHarness.StartAsync(level);
        using var client = h.CreateClient();

        await client.Auth.AzureAuth.LoginAsync(AuthMethodsSeed.AzureIdentityId, new AzureAuthOptions { MetadataEndpoint = imds.BaseUri });

        var request = Assert.Single(imds.Log);
        Assert.Equal(
            "GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=" + Uri.EscapeDataString(AuthMethodsSeed.AzureResource),
            request);
        await AuthMethodsHarness.ListProjectSecretsAsync(client);
    }

    [Fact]
    public async Task AzureServicePrincipalOutsideTheAllowListIsRefused()
    {
        await using var imds = await FakeMetadataServer.AzureAsync(AuthMethodsSeed.AzureResource, "azure-token-other-sp");
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.AzureAuth.LoginAsync(AuthMethodsSeed.AzureIdentityId, new AzureAuthOptions { MetadataEndpoint = imds.BaseUri }));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Access denied: Azure service principal not allowed.", Assert.Single(error.Messages));
    }

    [Fact]
    public async Task AzureMetadataRefusalIsReportedWithoutCallingInfisical()
    {
        await using var imds = await FakeMetadataServer.AzureAsync("https://vault.azure.net", "azure-token-good");
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalException>(() =>
            client.Auth.AzureAuth.LoginAsync(AuthMethodsSeed.AzureIdentityId, new AzureAuthOptions { MetadataEndpoint = imds.BaseUri }));

        Assert.Contains("Azure instance metadata service", error.Message);
        Assert.Contains("400", error.Message);
        Assert.Equal(0, h.Controls.Count("/api/v1/auth/azure-auth/login"));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task GcpLoginUsesAnIdentityTokenForTheIdentityAsAudience(CompatibilityLevel level)
    {
        await using var h = await AuthMethodsHarness.StartAsync(level);
        await using var metadata = await FakeMetadataServer.GcpAsync(audience => h.Mint(GcpClaims(audience, AuthMethodsSeed.GcpServiceAccount)));
        using var client = h.CreateClient();

        await client.Auth.GcpAuth.LoginAsync(AuthMethodsSeed.GcpIdentityId, new GcpAuthOptions { MetadataEndpoint = metadata.BaseUri });

        Assert.Equal(
            $"GET /computeMetadata/v1/instance/service-accounts/default/identity?audience={AuthMethodsSeed.GcpIdentityId}&format=full",
            Assert.Single(metadata.Log));
        await AuthMethodsHarness.ListProjectSecretsAsync(client);
    }

    [Fact]
    public async Task GcpWrongAudienceOrServiceAccountIsRefused()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        await using var metadata = await FakeMetadataServer.GcpAsync(audience => h.Mint(GcpClaims(audience, "intruder@proj.iam.gserviceaccount.com")));
        using var client = h.CreateClient();

        var wrongAccount = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.GcpAuth.LoginAsync(AuthMethodsSeed.GcpIdentityId, new GcpAuthOptions { MetadataEndpoint = metadata.BaseUri }));
        var wrongAudience = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Auth.GcpAuth.LoginAsync(
            AuthMethodsSeed.GcpIdentityId, new GcpAuthOptions { MetadataEndpoint = metadata.BaseUri, Audience = "https://elsewhere" }));

        Assert.Equal("Access denied: GCP service account not allowed.", Assert.Single(wrongAccount.Messages));
        Assert.Equal("Access denied: GCP audience not allowed.", Assert.Single(wrongAudience.Messages));
        Assert.Contains(metadata.Log, r => r.Contains("audience=https%3A%2F%2Felsewhere", StringComparison.Ordinal));
    }

    private static JsonObject GcpClaims(string audience, string email) => new()
    {
        ["iss"] = "https://accounts.google.com",
        ["aud"] = audience,
        ["sub"] = "1234567890",
        ["email"] = email,
        ["email_verified"] = true,
    };
}
