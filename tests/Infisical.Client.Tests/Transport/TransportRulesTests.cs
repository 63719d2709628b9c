using System.Net.Http;
using System.Text.Json;
using Infisical.Client.Http;

namespace Infisical.Client.Tests.Transport;

/// <summary>Credentials travel only over https or to loopback, and never follow a redirect to another origin.</summary>
public sealed class TransportRulesTests
{
    private const string LoginPath = "/api/v1/auth/universal-auth/login";
    private const string LoginAnswer = """{"accessToken":"tok-from-login","expiresIn":7200,"accessTokenMaxTTL":86400,"tokenType":"Bearer"}""";

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.45.6.7", true)]
    [InlineData("[::1]", true)]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("[::ffff:127.0.0.1]", true)]
    [InlineData("128.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("localhost.example.com", false)]
    [InlineData("127.0.0.1.nip.io", false)]
    [InlineData("[::2]", false)]
    public void Loopback_means_127_0_0_0_slash_8_and_the_IPv6_loopback_and_localhost(string host, bool loopback)
    {
        Assert.Equal(loopback, TransportGuard.IsLoopback(new Uri($"http://{host}:8080/")));
    }

    [Fact]
    public async Task A_login_over_plain_http_to_a_remote_host_is_refused_before_anything_is_sent()
    {
        var stub = new StubHandler(_ => Json(200, LoginAnswer));
        using var http = new HttpClient(stub);
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = "http://infisical.example.com", HttpClient = http, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<InfisicalInsecureTransportException>(
            () => client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret));

        Assert.Empty(stub.Sent);
        Assert.Equal("http://infisical.example.com:80", error.Origin);
        Assert.Contains("AllowInsecureHttp", error.Message);
        Assert.DoesNotContain(TestSeed.ClientSecret, error.Message);
    }

    [Fact]
    public async Task A_bearer_token_over_plain_http_to_a_remote_host_is_refused_before_anything_is_sent()
    {
        var stub = new StubHandler(_ => Json(200, """{"secrets":[]}"""));
        using var http = new HttpClient(stub);
        using var client = new InfisicalClient(new InfisicalClientOptions
        {
            Host = "http://10.1.2.3:8080", HttpClient = http, Token = "static-token-xyz", CacheTtl = null, MaxRetries = 0,
        });

        await Assert.ThrowsAsync<InfisicalInsecureTransportException>(
            () => client.Secrets.ListAsync(new ListSecretsOptions { ProjectId = "p", EnvironmentSlug = "dev" }));

        Assert.Empty(stub.Sent);
    }

    [Fact]
    public async Task AllowInsecureHttp_lets_a_remote_plain_http_host_through()
    {
        var stub = new StubHandler(_ => Json(200, LoginAnswer));
        using var http = new HttpClient(stub);
        using var client = new InfisicalClient(new InfisicalClientOptions
        {
            Host = "http://infisical.example.com", HttpClient = http, AllowInsecureHttp = true,
        });

        var credential = await client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret);

        Assert.Equal("tok-from-login", credential.AccessToken);
        Assert.Equal(new[] { new Uri("http://infisical.example.com" + LoginPath) }, stub.Sent.ToArray());
    }

    [Fact]
    public async Task Plain_http_to_localhost_is_allowed_without_the_option()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = h.CreateClient(o => o.Host = h.BaseUrl.Replace("127.0.0.1", "localhost"));

        await client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret);

        Assert.Equal(1, h.Controls.Count(LoginPath));
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public async Task A_login_redirected_to_another_origin_is_an_error_and_the_body_goes_nowhere_else(int status)
    {
        await using var elsewhere = LoopbackHttpServer.Start(LoopbackReply.Json(200, LoginAnswer));
        await using var redirector = LoopbackHttpServer.Start(LoopbackReply.Redirect(status, elsewhere.BaseUrl + LoginPath + "?steal=1"));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = redirector.BaseUrl, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<InfisicalRedirectException>(
            () => client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret));

        Assert.Empty(elsewhere.Requests);
        Assert.Single(redirector.Requests);
        Assert.Equal(elsewhere.BaseUrl, error.TargetOrigin);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains(elsewhere.BaseUrl, error.Message);
        Assert.DoesNotContain("steal", error.Message);
    }

    [Fact]
    public async Task A_same_origin_307_is_followed_with_the_method_and_body()
    {
        await using var server = LoopbackHttpServer.Start((request, n) => n == 0
            ? LoopbackReply.Redirect(307, "/moved" + LoginPath)
            : LoopbackReply.Json(200, LoginAnswer));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, MaxRetries = 0 });

        await client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret);

        var second = server.Requests[1];
        Assert.Equal("POST", second.Method);
        Assert.Equal("/moved" + LoginPath, second.Target);
        Assert.Equal(TestSeed.ClientSecret, JsonDocument.Parse(second.Body).RootElement.GetProperty("clientSecret").GetString());
    }

    [Fact]
    public async Task A_same_origin_303_is_followed_as_a_GET_without_the_body()
    {
        await using var server = LoopbackHttpServer.Start((request, n) => n == 0
            ? LoopbackReply.Redirect(303, "/moved")
            : LoopbackReply.Json(200, LoginAnswer));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, MaxRetries = 0 });

        await client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret);

        var second = server.Requests[1];
        Assert.Equal("GET", second.Method);
        Assert.Equal(string.Empty, second.Body);
    }

    [Fact]
    public async Task A_redirect_loop_on_the_same_origin_stops_with_a_typed_error()
    {
        await using var server = LoopbackHttpServer.Start(LoopbackReply.Redirect(307, "/again"));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<InfisicalRedirectException>(
            () => client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret));

        Assert.Equal(server.BaseUrl, error.TargetOrigin);
        Assert.InRange(server.Requests.Count, 2, 10);
    }

    [Fact]
    public async Task An_injected_HttpClient_that_followed_a_redirect_to_another_origin_is_detected()
    {
        // The caller's handler follows redirects itself; the client can only notice afterwards (documented).
        await using var elsewhere = LoopbackHttpServer.Start(LoopbackReply.Json(200, LoginAnswer));
        await using var redirector = LoopbackHttpServer.Start(LoopbackReply.Redirect(307, elsewhere.BaseUrl + LoginPath));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true });
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = redirector.BaseUrl, HttpClient = http, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<InfisicalRedirectException>(
            () => client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret));

        Assert.Equal(elsewhere.BaseUrl, error.TargetOrigin);
        Assert.Null(client.Auth.AccessToken);
    }

    private static HttpResponseMessage Json(int status, string body) =>
        new((HttpStatusCode)status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
}
