using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Infisical.Client.Auth.Methods.Aws;
using Infisical.Client.Tests.Auth.Fakes;

namespace Infisical.Client.Tests.Auth;

/// <summary>The local server's offline STS checks (docs/infisical-api-notes.md, "AWS IAM Auth"), fed raw login bodies the client would never send.</summary>
public sealed class AwsServerRulesTests
{
    [Fact]
    public async Task ARegionThatIsNotARegionIs400()
    {
        var (status, message) = await LoginAsync(headers => headers["Authorization"] = headers["Authorization"].Replace("/us-east-1/", "/US_EAST_1/"));

        Assert.Equal(400, status);
        Assert.Equal("Invalid AWS region", message);
    }

    [Fact]
    public async Task HeadersThatAreNotBase64JsonAre400()
    {
        var (status, _) = await LoginAsync(null, body => body["iamRequestHeaders"] = "%%%not-base64");

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task AnotherStsActionIsRefused()
    {
        var (status, message) = await LoginAsync(null, body =>
            body["iamRequestBody"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("Action=AssumeRole&Version=2011-06-15")));

        Assert.Equal(401, status);
        Assert.Contains("GetCallerIdentity", message);
    }

    [Fact]
    public async Task AnAcceptHeaderIsRefusedBecauseStsWouldAnswerXml()
    {
        var (status, message) = await LoginAsync(headers => headers["Accept"] = "application/xml");

        Assert.Equal(401, status);
        Assert.Contains("Accept", message);
    }

    [Fact]
    public async Task AnAlteredSignedHeaderBreaksTheSignature()
    {
        var (status, message) = await LoginAsync(headers => headers["Content-Type"] = "application/json");

        Assert.Equal(401, status);
        Assert.Contains("SignatureDoesNotMatch", message);
    }

    [Fact]
    public async Task TheUntamperedBodyLogsIn()
    {
        var (status, _) = await LoginAsync(null);

        Assert.Equal(200, status);
    }

    private static async Task<(int Status, string Message)> LoginAsync(
        Action<Dictionary<string, string>>? editHeaders, Action<JsonObject>? editBody = null)
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        var payload = AwsIamLoginPayload.Build(
            AuthMethodsSeed.AwsIdentityId, new ImmutableCredentials(AuthMethodsSeed.UserKeyId, AuthMethodsSeed.UserSecret, null),
            "us-east-1", h.Now.UtcDateTime);
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(Convert.FromBase64String(payload.IamRequestHeaders))!;
        editHeaders?.Invoke(headers);
        var body = new JsonObject
        {
            ["identityId"] = payload.IdentityId,
            ["iamHttpRequestMethod"] = payload.IamHttpRequestMethod,
            ["iamRequestBody"] = payload.IamRequestBody,
            ["iamRequestHeaders"] = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(headers)),
        };
        editBody?.Invoke(body);

        using var http = new HttpClient();
        using var response = await http.PostAsync(
            h.BaseUrl + "/api/v1/auth/aws-auth/login", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((int)response.StatusCode, answer["message"]?.ToString() ?? string.Empty);
    }
}
