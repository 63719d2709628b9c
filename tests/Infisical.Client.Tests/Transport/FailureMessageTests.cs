using System.Collections.Concurrent;

namespace Infisical.Client.Tests.Transport;

/// <summary>Each failure says what happened, and server text never carries a credential back into a message.</summary>
public sealed class FailureMessageTests
{
    private const string LoginPath = "/api/v1/auth/universal-auth/login";
    private static readonly ListSecretsOptions Dev = new() { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", IncludeImports = false };

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_login_to_a_wrong_path_says_the_URL_is_not_an_Infisical_API(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = h.CreateClient(o => o.Host = h.BaseUrl + "/foo");

        var error = await Assert.ThrowsAsync<InfisicalApiException>(
            () => client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret));

        Assert.True(error.IsUnknownRoute);
        Assert.Contains("does not look like an Infisical API", error.Message);
        Assert.Contains(h.BaseUrl + "/foo", error.Message);
    }

    [Fact]
    public async Task A_404_page_from_something_else_is_an_unknown_route_too()
    {
        await using var server = LoopbackHttpServer.Start(LoopbackReply.Json(404, "<html>nope</html>", contentType: "text/html"));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Auth.UniversalAuth.LoginAsync("id", "secret"));

        Assert.True(error.IsUnknownRoute);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task An_unknown_client_id_is_not_an_unknown_route(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => h.LoginAsync(clientId: "no-such-client"));

        Assert.False(error.IsUnknownRoute);
        Assert.DoesNotContain("does not look like an Infisical API", error.Message);
    }

    [Fact]
    public async Task A_reset_connection_says_so()
    {
        await using var server = LoopbackHttpServer.Start(new LoopbackReply.Reset());
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, Token = "t", MaxRetries = 0, CacheTtl = null });

        var error = await Assert.ThrowsAsync<InfisicalNetworkException>(() => client.Secrets.ListAsync(Dev));

        Assert.Equal(InfisicalNetworkFailure.ConnectionReset, error.Failure);
        Assert.Contains("the connection was reset by the server or a proxy", error.Message);
        Assert.DoesNotContain("An error occurred while sending the request", error.Message);
    }

    [Fact]
    public async Task A_TLS_failure_names_the_certificate_problem()
    {
        await using var server = LoopbackHttpServer.Start((_, _) => LoopbackReply.Json(200, "{}"), tls: true);
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, Token = "t", MaxRetries = 0, CacheTtl = null });

        var error = await Assert.ThrowsAsync<InfisicalNetworkException>(() => client.Secrets.ListAsync(Dev));

        Assert.Equal(InfisicalNetworkFailure.Tls, error.Failure);
        Assert.Contains("certificate", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("see inner exception", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_429_with_a_long_Retry_After_says_how_long_the_server_asked_to_wait()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await h.LoginAsync();
        h.Controls.InjectFault(new FaultRule { PathContains = "/api/v3/secrets/raw", Method = "GET", StatusCode = 429, RetryAfter = "120" });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(Dev));

        Assert.Contains("asked to wait 120 s", error.Message);
    }

    [Fact]
    public async Task A_429_after_the_retries_are_used_up_says_how_long_the_server_asked_to_wait()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var delays = new ConcurrentQueue<TimeSpan>();
        using var client = await h.LoginAsync(o => { o.MaxRetries = 1; o.TimeProvider = new TestClock(() => DateTimeOffset.UtcNow, delays.Enqueue); });
        h.Controls.InjectFault(new FaultRule { PathContains = "/api/v3/secrets/raw", Method = "GET", StatusCode = 429, RetryAfter = "2", Count = 5 });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(Dev));

        Assert.Single(delays);
        Assert.Contains("asked to wait 2 s", error.Message);
    }

    [Fact]
    public async Task A_cut_off_body_says_the_answer_was_cut_off()
    {
        const string partial = """{"secrets":[{"secretKey":"A","secretValue":"v""";
        await using var server = LoopbackHttpServer.Start(LoopbackReply.Json(200, partial));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, Token = "t", MaxRetries = 0, CacheTtl = null });

        var error = await Assert.ThrowsAsync<InfisicalResponseException>(() => client.Secrets.ListAsync(Dev));

        Assert.True(error.IsTruncated);
        Assert.Contains("cut off", error.Message);
        Assert.DoesNotContain("network", error.Message);
    }

    [Fact]
    public async Task A_connection_closed_before_the_announced_length_says_the_answer_was_cut_off()
    {
        await using var server = LoopbackHttpServer.Start(new LoopbackReply.Raw(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"secrets\":["));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, Token = "t", MaxRetries = 0, CacheTtl = null });

        var error = await Assert.ThrowsAsync<InfisicalNetworkException>(() => client.Secrets.ListAsync(Dev));

        Assert.Equal(InfisicalNetworkFailure.ResponseCutOff, error.Failure);
        Assert.Contains("cut off", error.Message);
    }

    [Fact]
    public async Task A_malformed_body_says_it_is_not_valid_JSON()
    {
        await using var server = LoopbackHttpServer.Start(LoopbackReply.Json(200, """{"secrets": [}"""));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, Token = "t", MaxRetries = 0, CacheTtl = null });

        var error = await Assert.ThrowsAsync<InfisicalResponseException>(() => client.Secrets.ListAsync(Dev));

        Assert.False(error.IsTruncated);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public async Task An_echoed_bearer_token_is_scrubbed_from_the_error()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var login = await h.LoginAsync();
        var token = login.Auth.AccessToken!;
        // A proxy that echoes the request's Authorization header in its error body and reason.
        var echo = $$"""{"statusCode":502,"error":"Bearer {{token}}","message":"upstream rejected Authorization: Bearer {{token}}"}""";
        await using var proxy = LoopbackHttpServer.Start(LoopbackReply.Json(502, echo));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = proxy.BaseUrl, Token = token, MaxRetries = 0, CacheTtl = null });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(Dev));

        Assert.Contains("Bearer " + token, proxy.Requests[0].Headers["Authorization"]);
        Assert.DoesNotContain(token, error.Message);
        Assert.DoesNotContain(token, string.Join("\n", error.Messages));
        Assert.DoesNotContain(token, error.Error);
        Assert.Contains("upstream rejected Authorization", error.Message);
    }

    [Fact]
    public async Task A_token_obtained_at_run_time_is_scrubbed_when_a_later_answer_echoes_it()
    {
        await using var server = LoopbackHttpServer.Start((request, n) => n == 0
            ? LoopbackReply.Json(200, """{"accessToken":"runtime-token-abc123","expiresIn":7200,"accessTokenMaxTTL":86400}""")
            : LoopbackReply.Json(400, $$"""{"statusCode":400,"error":"BadRequest","message":"you sent {{request.Headers["Authorization"]}}"}"""));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, MaxRetries = 0, CacheTtl = null });
        await client.Auth.UniversalAuth.LoginAsync("id", "secret");

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(Dev));

        Assert.Contains("runtime-token-abc123", server.Requests[1].Headers["Authorization"]);
        Assert.DoesNotContain("runtime-token-abc123", error.Message);
        Assert.DoesNotContain("runtime-token-abc123", string.Join("\n", error.Messages));
    }

    [Fact]
    public async Task An_echoed_client_secret_is_scrubbed_from_a_login_error()
    {
        await using var server = LoopbackHttpServer.Start((request, _) =>
            LoopbackReply.Json(401, $$"""{"statusCode":401,"error":"UnauthorizedError","message":"bad body {{request.Body.Replace("\"", "'")}}"}"""));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Auth.UniversalAuth.LoginAsync("the-id", "the-client-secret-42"));

        Assert.Contains("the-client-secret-42", server.Requests[0].Body);
        Assert.DoesNotContain("the-client-secret-42", error.Message);
        Assert.DoesNotContain("the-client-secret-42", string.Join("\n", error.Messages));
        Assert.Contains("bad body", error.Message);
    }

    [Theory]
    [InlineData("x-ratelimit-reset: 99999999999999")]
    [InlineData("x-ratelimit-reset: Infinity")]
    public async Task An_absurd_rate_limit_reset_is_a_typed_429_not_an_overflow(string header)
    {
        // Found by ResponseFuzzTests: TimeSpan.FromSeconds overflowed on a huge x-ratelimit-reset.
        await using var server = LoopbackHttpServer.Start(LoopbackReply.Json(429, """{"statusCode":429,"error":"RateLimitExceeded","message":"slow down"}""", header + "\r\n"));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, Token = "t", MaxRetries = 2, CacheTtl = null });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(Dev));

        Assert.Equal((HttpStatusCode)429, error.StatusCode);
        Assert.Single(server.Requests);
    }
}
