using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>
/// The real server's auth hook runs before the body is parsed: an unauthenticated write with a malformed body is 401,
/// and only an authenticated one reaches the 400 for the body. Pinned here because every write route shares that step.
/// </summary>
public sealed class AuthBeforeBodyTests
{
    private const string MalformedJson = "{\"secretValue\":";

    [Theory]
    [InlineData("POST", "/api/v3/secrets/raw/ORDER_CHECK")]
    [InlineData("PATCH", "/api/v4/secrets/batch")]
    [InlineData("POST", "/api/v1/folders")]
    [InlineData("POST", "/api/v1/kms/keys")]
    public async Task Missing_token_wins_over_malformed_body(string method, string url)
    {
        await using var h = await Harness.LeaseAsync();
        var (status, body) = await SendMalformedAsync(h, method, url, token: null);
        ErrorAssert.Current(status, body, 401, "UnauthorizedError", "Token missing");
    }

    [Theory]
    [InlineData("POST", "/api/v3/secrets/raw/ORDER_CHECK")]
    [InlineData("PATCH", "/api/v4/secrets/batch")]
    [InlineData("POST", "/api/v1/folders")]
    [InlineData("POST", "/api/v1/kms/keys")]
    public async Task Authenticated_malformed_body_is_400(string method, string url)
    {
        await using var h = await Harness.LeaseAsync();
        var (status, _) = await SendMalformedAsync(h, method, url, await h.LoginAsync());
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SendMalformedAsync(Harness h, string method, string url, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent(MalformedJson, Encoding.UTF8, "application/json"),
        };
        if (token != null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await h.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }
}
