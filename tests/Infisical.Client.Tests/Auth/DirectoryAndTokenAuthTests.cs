using System.IO;
using Infisical.Client.Tests.Auth.Fakes;

namespace Infisical.Client.Tests.Auth;

/// <summary>Kubernetes, LDAP and Token Auth against the local server.</summary>
public sealed class DirectoryAndTokenAuthTests : IDisposable
{
    private readonly string _tokenFile = Path.Combine(Path.GetTempPath(), "infisical-sa-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => File.Delete(_tokenFile);

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task KubernetesLoginReadsTheServiceAccountTokenFile(CompatibilityLevel level)
    {
        await using var h = await AuthMethodsHarness.StartAsync(level);
        using var client = h.CreateClient();
        await File.WriteAllTextAsync(_tokenFile, "sa-token-1\n");

        await client.Auth.KubernetesAuth.LoginAsync(AuthMethodsSeed.KubernetesIdentityId, _tokenFile);

        await AuthMethodsHarness.ListProjectSecretsAsync(client);
    }

    [Fact]
    public async Task KubernetesReLoginReadsTheRotatedToken()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();
        await File.WriteAllTextAsync(_tokenFile, "sa-token-1");
        await client.Auth.KubernetesAuth.LoginAsync(AuthMethodsSeed.KubernetesIdentityId, _tokenFile);

        // kubelet rotated the file; the re-login must present the new token, not a remembered copy.
        await File.WriteAllTextAsync(_tokenFile, "sa-token-2");
        h.AdvanceClock(TimeSpan.FromSeconds(61));
        await AuthMethodsHarness.ListProjectSecretsAsync(client);

        Assert.Equal(2, h.Controls.Count("/api/v1/auth/kubernetes-auth/login"));
        // The server records the verified claims in the access token: sa-token-2's are {sub}, sa-token-1's {namespace, name}.
        var claims = JwtPayload(client.Auth.AccessToken!)["identityAuth"]!["kubernetes"]!["claims"]!.AsObject();
        Assert.Equal("system:serviceaccount:build:runner", claims["sub"]!.GetValue<string>());
        Assert.False(claims.ContainsKey("namespace"));
    }

    private static System.Text.Json.Nodes.JsonNode JwtPayload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        return System.Text.Json.Nodes.JsonNode.Parse(Convert.FromBase64String(part))!;
    }

    [Fact]
    public async Task KubernetesNamespaceOutsideTheAllowListIsRefused()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();
        await File.WriteAllTextAsync(_tokenFile, "sa-token-kube-system");

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.KubernetesAuth.LoginAsync(AuthMethodsSeed.KubernetesIdentityId, _tokenFile));

        Assert.Equal("Access denied: Kubernetes namespace not allowed.", Assert.Single(error.Messages));
    }

    [Fact]
    public async Task AMissingTokenFileIsAClearErrorNamingThePath()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalException>(() =>
            client.Auth.KubernetesAuth.LoginAsync(AuthMethodsSeed.KubernetesIdentityId, _tokenFile));

        Assert.Contains(_tokenFile, error.Message);
        Assert.Equal(0, h.Controls.Count("/api/v1/auth/kubernetes-auth/login"));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task LdapAcceptsTheRightPasswordOnly(CompatibilityLevel level)
    {
        await using var h = await AuthMethodsHarness.StartAsync(level);
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.LdapAuth.LoginAsync(AuthMethodsSeed.LdapIdentityId, "alice", "wrong horse"));
        await client.Auth.LdapAuth.LoginAsync(AuthMethodsSeed.LdapIdentityId, "alice", "correct horse");

        Assert.Equal(level == CompatibilityLevel.Current ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, error.StatusCode);
        Assert.DoesNotContain("horse", error.Message);
        await AuthMethodsHarness.ListProjectSecretsAsync(client);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task LdapNeedsAUuidIdentityId(CompatibilityLevel level)
    {
        await using var h = await AuthMethodsHarness.StartAsync(level);
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.LdapAuth.LoginAsync("not-a-uuid", "alice", "correct horse"));

        Assert.Equal(level == CompatibilityLevel.Current ? (HttpStatusCode)422 : HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("ValidationFailure", error.Error);
    }

    [Fact]
    public async Task TokenAuthUsesTheGivenTokenWithoutALogin()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var minter = await h.LoginAsUniversalAsync();
        using var client = h.CreateClient();

        await client.Auth.TokenAuth.LoginAsync(minter.Auth.AccessToken!);
        var page = await AuthMethodsHarness.ListProjectSecretsAsync(client);

        Assert.Empty(page.Secrets);
        Assert.Equal(1, h.Controls.Count("/api/v1/auth/"));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task ABadGivenTokenSurfacesTheServersRefusal(CompatibilityLevel level)
    {
        await using var h = await AuthMethodsHarness.StartAsync(level);
        using var client = h.CreateClient();
        await client.Auth.TokenAuth.LoginAsync("not.a.jwt");

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            AuthMethodsHarness.ListProjectSecretsAsync(client));

        Assert.True(error.IsTokenError);
        Assert.Equal(1, h.Controls.Count("/api/v3/secrets/raw"));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task ATokenMintedWithTokenAuthWorksInAnotherClient(CompatibilityLevel level)
    {
        await using var h = await AuthMethodsHarness.StartAsync(level);
        using var admin = await h.LoginAsUniversalAsync();
        using var client = h.CreateClient();

        var minted = await admin.Auth.TokenAuth.CreateTokenAsync(AuthMethodsSeed.TokenIdentityId, "build-agent");
        await client.Auth.TokenAuth.LoginAsync(minted.AccessToken);
        await AuthMethodsHarness.ListProjectSecretsAsync(client);

        Assert.Equal(0, minted.ExpiresIn);
        Assert.NotEqual(admin.Auth.AccessToken, minted.AccessToken);
    }

    [Fact]
    public async Task TokenAuthCannotMintForAnIdentityWithoutIt()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var admin = await h.LoginAsUniversalAsync();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => admin.Auth.TokenAuth.CreateTokenAsync(AuthMethodsSeed.LdapIdentityId));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }
}
