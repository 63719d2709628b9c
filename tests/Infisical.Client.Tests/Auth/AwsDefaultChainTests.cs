using Infisical.Client.Auth;
using Infisical.Client.Tests.Auth.Fakes;

namespace Infisical.Client.Tests.Auth;

/// <summary>Tests that change AWS_* process variables; they share a collection with every test that reads them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AwsEnvironmentCollection
{
    public const string Name = "AWS environment variables";
}

[Collection(AwsEnvironmentCollection.Name)]
public sealed class AwsDefaultChainTests
{
    [Fact]
    public async Task WithoutExplicitCredentialsTheAwsDefaultChainReadsTheEnvironment()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();
        var saved = Save("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE");
        try
        {
            Environment.SetEnvironmentVariable("AWS_PROFILE", null);
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AuthMethodsSeed.RoleKeyId);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", AuthMethodsSeed.RoleSecret);
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", AuthMethodsSeed.RoleSessionToken);
            Environment.SetEnvironmentVariable("AWS_REGION", "ca-central-1");

            var credential = await client.Auth.AwsAuth.LoginAsync(AuthMethodsSeed.AwsIdentityId);

            Assert.False(string.IsNullOrEmpty(credential.AccessToken));
        }
        finally
        {
            Restore(saved);
        }
    }

    [Fact]
    public async Task AnInvalidAwsRegionVariableIsReportedBeforeSending()
    {
        await using var h = await AuthMethodsHarness.StartAsync();
        using var client = h.CreateClient();
        var saved = Save("AWS_REGION");
        try
        {
            Environment.SetEnvironmentVariable("AWS_REGION", "Not A Region");

            var error = await Assert.ThrowsAsync<InfisicalException>(() => client.Auth.AwsAuth.LoginAsync(
                AuthMethodsSeed.AwsIdentityId,
                new AwsAuthOptions { Credentials = new Amazon.Runtime.BasicAWSCredentials(AuthMethodsSeed.UserKeyId, AuthMethodsSeed.UserSecret) }));

            Assert.Contains("AWS_REGION", error.Message);
            Assert.Equal(0, h.Controls.Count("/api/v1/auth/aws-auth/login"));
        }
        finally
        {
            Restore(saved);
        }
    }

    private static (string Name, string? Value)[] Save(params string[] names) =>
        Array.ConvertAll(names, n => (n, Environment.GetEnvironmentVariable(n)));

    private static void Restore((string Name, string? Value)[] saved)
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
