using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>Unknown routes, test controls (faults, request log, clock) and rate limiting.</summary>
public sealed class PipelineTests
{
    [Fact]
    public async Task Unknown_route_gets_fastify_404_body_without_reqId()
    {
        await using var h = await Harness.StartAsync();
        var (status, body) = await h.SendAsync(HttpMethod.Get, "/api/v9/nothing");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Route GET:/api/v9/nothing not found", body!["message"]!.GetValue<string>());
        Assert.Equal("Not Found", body["error"]!.GetValue<string>());
        Assert.Null(body["reqId"]);
        var (wrongMethod, wrongBody) = await h.SendAsync(HttpMethod.Put, "/api/v1/auth/universal-auth/login");
        Assert.Equal(HttpStatusCode.NotFound, wrongMethod);
        Assert.Equal("Route PUT:/api/v1/auth/universal-auth/login not found", wrongBody!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Injected_faults_hit_the_next_n_matching_requests_with_headers_then_stop()
    {
        await using var h = await Harness.StartAsync();
        var token = await h.LoginAsync();
        var (injected, _) = await h.SendAsync(HttpMethod.Post, "/__test/faults", new JsonObject { ["pathContains"] = "/api/v3/secrets/raw", ["count"] = 2, ["statusCode"] = 429, ["retryAfter"] = "3", ["rateLimitReset"] = "3" });
        Assert.Equal(HttpStatusCode.OK, injected);

        for (var i = 0; i < 2; i++)
        {
            var (response, _) = await h.RawAsync(HttpMethod.Get, h.ListUrl("environment=dev"), token: token);
            Assert.Equal((HttpStatusCode)429, response.StatusCode);
            Assert.Equal("3", response.Headers.GetValues("retry-after").Single());
            Assert.Equal("3", response.Headers.GetValues("x-ratelimit-reset").Single());
        }

        var (ok, _) = await h.RawAsync(HttpMethod.Get, h.ListUrl("environment=dev"), token: token);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Abort_fault_drops_the_connection()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Controls.InjectFault(new FaultRule { PathContains = "/api/status", Abort = true });
        await Assert.ThrowsAsync<HttpRequestException>(() => h.Http.GetAsync("/api/status"));
        var after = await h.Http.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Request_log_records_method_path_query_and_status_but_no_bodies()
    {
        await using var h = await Harness.StartAsync();
        var token = await h.LoginAsync();
        await h.GetAsync(h.ListUrl("environment=dev&recursive=false"), token);
        await h.GetAsync(h.GetUrl("NOPE", "environment=dev"), token);
        var (_, log) = await h.SendAsync(HttpMethod.Get, "/__test/requests");
        var entries = log!["requests"]!.AsArray();
        Assert.Equal(3, entries.Count);
        Assert.Equal("POST", entries[0]!["method"]!.GetValue<string>());
        Assert.Equal("/api/v1/auth/universal-auth/login", entries[0]!["path"]!.GetValue<string>());
        Assert.Contains("recursive=false", entries[1]!["query"]!.GetValue<string>());
        Assert.Equal(404, entries[2]!["status"]!.GetValue<int>());
        Assert.DoesNotContain(Harness.ClientSecret, log.ToJsonString());
        Assert.DoesNotContain(token, log.ToJsonString());

        await h.SendAsync(HttpMethod.Delete, "/__test/requests");
        Assert.Empty(h.Server.Controls.Requests);
    }

    [Fact]
    public async Task Clock_advance_over_http_expires_tokens()
    {
        await using var h = await Harness.StartAsync();
        var token = await h.LoginAsync("short-lived", "s3");
        var (advanced, _) = await h.SendAsync(HttpMethod.Post, "/__test/clock/advance", new JsonObject { ["seconds"] = 61 });
        Assert.Equal(HttpStatusCode.OK, advanced);
        var (status, body) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        ErrorAssert.Current(status, body, 403, "TokenError");
    }

    [Fact]
    public async Task Test_controls_are_absent_unless_enabled()
    {
        await using var h = await Harness.StartAsync(testControls: false);
        var (status, _) = await h.SendAsync(HttpMethod.Get, "/__test/requests");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Rate_limit_sets_headers_and_429s_per_route_while_other_routes_still_answer()
    {
        await using var h = await Harness.StartAsync(CompatibilityLevel.Legacy2024, rateLimit: new RateLimitOptions { Enabled = true, SecretsLimit = 2 });
        var token = await h.LoginAsync();
        var url = h.ListUrl("environment=dev");
        var (first, _) = await h.RawAsync(HttpMethod.Get, url, token: token);
        Assert.Equal("2", first.Headers.GetValues("x-ratelimit-limit").Single());
        Assert.Equal("1", first.Headers.GetValues("x-ratelimit-remaining").Single());
        Assert.True(int.Parse(first.Headers.GetValues("x-ratelimit-reset").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        await h.RawAsync(HttpMethod.Get, url, token: token);
        var (limited, text) = await h.RawAsync(HttpMethod.Get, url, token: token);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.NotEmpty(limited.Headers.GetValues("retry-after"));
        var body = JsonNode.Parse(text)!;
        Assert.Equal("Too Many Requests", body["error"]!.GetValue<string>());
        Assert.Equal("Rate limit exceeded, retry in 1 minute", body["message"]!.GetValue<string>());

        var (other, _) = await h.RawAsync(HttpMethod.Get, h.GetUrl("DB_USER", "environment=dev"), token: token);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        h.Server.Controls.AdvanceClock(TimeSpan.FromSeconds(61));
        var (again, _) = await h.RawAsync(HttpMethod.Get, url, token: token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task No_rate_limit_headers_by_default()
    {
        await using var h = await Harness.StartAsync();
        var token = await h.LoginAsync();
        var (response, _) = await h.RawAsync(HttpMethod.Get, h.ListUrl("environment=dev"), token: token);
        Assert.False(response.Headers.Contains("x-ratelimit-limit"));
    }

    [Fact]
    public async Task Delay_fault_with_status_zero_slows_the_real_handler_and_is_logged_as_faulted()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Controls.InjectFault(new FaultRule { PathContains = "/api/status", StatusCode = 0, DelayMilliseconds = 300 });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await h.Http.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 280, $"answered after {watch.ElapsedMilliseconds} ms");
        var entry = Assert.Single(h.Server.Controls.Requests);
        Assert.True(entry.Faulted);
        Assert.Equal(200, entry.Status);
    }

    [Fact]
    public async Task Head_is_answered_for_get_routes_with_headers_and_no_body()
    {
        await using var h = await Harness.LeaseAsync();
        var (get, getText) = await h.RawAsync(HttpMethod.Get, "/api/status");
        var (head, headText) = await h.RawAsync(HttpMethod.Head, "/api/status");
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(string.Empty, headText);
        Assert.NotEmpty(getText);
        Assert.NotNull(head.Headers.ETag);
    }
}
