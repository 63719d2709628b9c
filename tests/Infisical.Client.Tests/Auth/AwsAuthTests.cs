using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Infisical.Client.Auth;
using Infisical.Client.Auth.Methods.Aws;
using Infisical.Client.Tests.Auth.Fakes;

namespace Infisical.Client.Tests.Auth;

/// <summary>AWS IAM Auth against the local server, which re-checks the SigV4 signature independently.</summary>
[Collection(AwsEnvironmentCollection.Name)] // some tests read AWS_REGION
public sealed class AwsAuthTests
{
    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task LogsInWithUserCredentialsAndTheTokenWorks(CompatibilityLevel level)
    {
        await using var h = await AuthMethodsHarness.StartAsync(level);
        using var client = h.CreateClient();

        var credential = await client.Auth.AwsAuth.LoginAsync(AuthMethodsSeed.AwsIdentityId, Options(AuthMethodsSeed.UserKeyId, AuthMethodsSeed.UserSecret));

        Assert.False(string.IsNullOrEmpty(credential.AccessToken));
        Assert.Equal(credential.AccessToken, client.Auth.AccessToken);
        var page = await AuthMethodsHarness.ListProjectSecretsAsync(client);
        Assert.Empty(page.Secrets);
    }

    [Fact]
    public async Task AssumedRoleSessionCredentialsAreNormalisedToTheRoleAndCarryTheSessionToken()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();
        var options = new AwsAuthOptions
        {
            Credentials = new SessionAWSCredentials(AuthMethodsSeed.RoleKeyId, AuthMethodsSeed.RoleSecret, AuthMethodsSeed.RoleSessionToken),
            Region = "eu-west-1",
        };

        var credential = await client.Auth.AwsAuth.LoginAsync(AuthMethodsSeed.AwsIdentityId, options);

        Assert.False(string.IsNullOrEmpty(credential.AccessToken));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task AWrongSecretKeyFailsTheSignatureCheck(CompatibilityLevel level)
    {
        await using var h = await AuthMethodsHarness.StartAsync(level);
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.AwsAuth.LoginAsync(AuthMethodsSeed.AwsIdentityId, Options(AuthMethodsSeed.UserKeyId, "not-the-secret")));

        Assert.Equal(level == CompatibilityLevel.Current ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("SignatureDoesNotMatch", string.Join(" ", error.Messages));
        Assert.DoesNotContain("not-the-secret", error.Message);
        Assert.Null(client.Auth.AccessToken);
    }

    [Fact]
    public async Task AnAccountOutsideAllowedAccountIdsIsRefused()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.AwsAuth.LoginAsync(AuthMethodsSeed.AwsIdentityId, Options(AuthMethodsSeed.OtherAccountKeyId, "other-secret")));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Access denied: AWS account ID not allowed.", Assert.Single(error.Messages));
    }

    [Fact]
    public async Task APrincipalOutsideAllowedArnsIsRefusedNamingTheArn()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.AwsAuth.LoginAsync(AuthMethodsSeed.AwsIdentityId, Options(AuthMethodsSeed.WrongRoleKeyId, "wrong-role-secret")));

        Assert.Contains("principal-arn=arn:aws:iam::123456789012:role/other", Assert.Single(error.Messages));
    }

    [Fact]
    public async Task AnIdentityWithoutAwsAuthIs404()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.AwsAuth.LoginAsync(AuthMethodsSeed.LdapIdentityId, Options(AuthMethodsSeed.UserKeyId, AuthMethodsSeed.UserSecret)));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("AWS auth method not found for identity, did you configure AWS auth?", Assert.Single(error.Messages));
    }

    [Fact]
    public async Task AClockFarFromTheServersIsRefusedAsAStaleSignature()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient(o => o.TimeProvider = new TestClock(() => h.Now.AddHours(-1)));

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Auth.AwsAuth.LoginAsync(AuthMethodsSeed.AwsIdentityId, Options(AuthMethodsSeed.UserKeyId, AuthMethodsSeed.UserSecret)));

        Assert.Contains("too old", Assert.Single(error.Messages));
    }

    [Fact]
    public async Task TheRegionComesFromImdsV2WhenNotGiven()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_REGION")))
        {
            return; // AWS_REGION would win over metadata; this machine's environment decides, not the test.
        }

        await using var imds = await FakeMetadataServer.Ec2Async("ap-southeast-2");
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();
        var options = new AwsAuthOptions
        {
            Credentials = new BasicAWSCredentials(AuthMethodsSeed.UserKeyId, AuthMethodsSeed.UserSecret),
            InstanceMetadataEndpoint = imds.BaseUri,
        };

        await client.Auth.AwsAuth.LoginAsync(AuthMethodsSeed.AwsIdentityId, options);

        Assert.Equal(new[] { "PUT /latest/api/token", "GET /latest/dynamic/instance-identity/document" }, imds.Log.ToArray());
    }

    [Fact]
    public async Task AnUnreachableMetadataServiceGivesAClearError()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_REGION")))
        {
            return;
        }

        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();

        // A loopback port with nothing listening: refused at once.
        var options = new AwsAuthOptions
        {
            Credentials = new BasicAWSCredentials(AuthMethodsSeed.UserKeyId, AuthMethodsSeed.UserSecret),
            InstanceMetadataEndpoint = new Uri("http://127.0.0.1:9"),
        };

        var error = await Assert.ThrowsAsync<InfisicalException>(() => client.Auth.AwsAuth.LoginAsync(AuthMethodsSeed.AwsIdentityId, options));
        Assert.Contains("EC2 instance metadata", error.Message);
        Assert.Equal(0, h.Controls.Count("/api/v1/auth/aws-auth/login"));
    }

    [Fact]
    public void ThePayloadIsTheSignedStsCallEncodedAsTheSdksDo()
    {
        var signedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var payload = AwsIamLoginPayload.Build(
            "identity-1", new ImmutableCredentials(AuthMethodsSeed.UserKeyId, AuthMethodsSeed.UserSecret, "session-tok"), "us-west-2", signedAt);

        Assert.Equal("identity-1", payload.IdentityId);
        Assert.Equal("POST", payload.IamHttpRequestMethod);
        Assert.Equal("Action=GetCallerIdentity&Version=2011-06-15", Encoding.UTF8.GetString(Convert.FromBase64String(payload.IamRequestBody)));
        var headers = JsonSerializer.Deserialize<System.Collections.Generic.Dictionary<string, string>>(Convert.FromBase64String(payload.IamRequestHeaders))!;
        Assert.Equal("sts.us-west-2.amazonaws.com", headers["Host"]);
        Assert.Equal("20260102T030405Z", headers["X-Amz-Date"]);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", headers["Content-Type"]);
        Assert.Equal("session-tok", headers["X-Amz-Security-Token"]);
        Assert.DoesNotContain(headers.Keys, k => k.Equals("Accept", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(headers.Keys, k => k.Equals("Content-Length", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith(
            $"AWS4-HMAC-SHA256 Credential={AuthMethodsSeed.UserKeyId}/20260102/us-west-2/sts/aws4_request, "
            + "SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-security-token, Signature=",
            headers["Authorization"]);
        Assert.DoesNotContain(AuthMethodsSeed.UserSecret, Encoding.UTF8.GetString(Convert.FromBase64String(payload.IamRequestHeaders)));
    }

    private static AwsAuthOptions Options(string accessKey, string secretKey) => new()
    {
        Credentials = new BasicAWSCredentials(accessKey, secretKey),
        Region = "us-east-1",
    };
}
