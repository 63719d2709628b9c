using System.Net.Http;
using System.Text;
using System.Threading;

namespace Infisical.Client.Tests.Core;

/// <summary>
/// Which error answers mean "log in again" (both server vintages), decided by the label where the server gives one:
/// the 2024 server uses the same text for a deleted token and for a permission denial.
/// </summary>
public sealed class TokenFailureClassificationTests
{
    private const string NotAllowed = "You are not allowed to access this resource";

    [Theory]
    [InlineData(401, "UnauthorizedError", "No identity access token found")]      // current: revoked
    [InlineData(401, "UnauthorizedError", "Token missing")]                      // current: no token
    [InlineData(403, "TokenError", "Your token has expired. Please re-authenticate.")]
    [InlineData(403, "UnauthorizedError", NotAllowed)]                           // 2024: revoked or deleted
    [InlineData(403, "UnauthorizedError", "Failed to renew MI access token due to TTL expiration")]
    [InlineData(403, "Unauthorized access", "Token missing")]                    // 2024: no token
    [InlineData(500, "Internal Server Error", "jwt malformed")]                  // 2024: not a JWT
    [InlineData(500, "Internal Server Error", "invalid signature")]
    public void Token_failures_of_both_vintages_are_recognised(int status, string error, string message) =>
        Assert.True(ErrorClassifier.IsTokenFailure(status, error, new[] { message }));

    [Theory]
    [InlineData(403, "PermissionDenied", NotAllowed)]
    [InlineData(403, "PermissionDenied", "You are not allowed to read on secrets; token scope")]
    [InlineData(403, "ValidationFailure", "accessToken: Required")]
    [InlineData(403, "ForbiddenError", "You are not allowed to access this project")]
    [InlineData(404, "NotFound", "Identity access token not found")]
    [InlineData(500, "InternalServerError", "Something went wrong")]
    public void Other_refusals_are_not_token_failures(int status, string error, string message) =>
        Assert.False(ErrorClassifier.IsTokenFailure(status, error, new[] { message }));

    [Theory]
    [InlineData("UnauthorizedError", 2, 2)]
    [InlineData("PermissionDenied", 1, 1)]
    public async Task Only_a_token_failure_is_answered_with_one_login_and_one_replay(string label, int logins, int calls)
    {
        var handler = new RefusingHandler(label);
        using var client = new InfisicalClient(new InfisicalClientOptions
        {
            // A stub handler stands in for the network, so plain http to a made-up host is allowed on purpose.
            Host = "http://infisical.test", AllowInsecureHttp = true, HttpClient = new HttpClient(handler), CacheTtl = null, MaxRetries = 0,
        });
        await client.Auth.UniversalAuth.LoginAsync("id", "secret");

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(
            new ListSecretsOptions { ProjectId = "p", EnvironmentSlug = "dev" }));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(label, error.Error);
        Assert.Equal(logins, handler.Logins);
        Assert.Equal(calls, handler.Calls);
    }

    /// <summary>Logs anyone in; refuses every other call with the 2024 server's 403 text under the given label.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        private readonly string _label;

        public RefusingHandler(string label) => _label = label;

        public int Logins { get; private set; }

        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body;
            HttpStatusCode status;
            if (request.RequestUri!.AbsolutePath.EndsWith("/login", StringComparison.Ordinal))
            {
                Logins++;
                status = HttpStatusCode.OK;
                body = $$"""{"accessToken":"token-{{Logins}}","expiresIn":3600,"accessTokenMaxTTL":7200,"tokenType":"Bearer"}""";
            }
            else
            {
                Calls++;
                status = HttpStatusCode.Forbidden;
                body = $$"""{"statusCode":403,"message":"{{NotAllowed}}","error":"{{_label}}"}""";
            }

            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
