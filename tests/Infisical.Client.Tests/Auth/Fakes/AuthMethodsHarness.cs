using System.Text.Json.Nodes;

namespace Infisical.Client.Tests.Auth.Fakes;

/// <summary>
/// A local server seeded with <see cref="AuthMethodsSeed"/> together with the signing keys that seed trusts. The seed
/// embeds the keys' public half, so the two must be created and thrown away as one; one per test, like
/// <see cref="LocalServerHarness"/>.
/// <code>await using var h = await AuthMethodsHarness.StartAsync(level);
/// using var client = h.CreateClient();</code>
/// </summary>
public sealed class AuthMethodsHarness : IAsyncDisposable
{
    private AuthMethodsHarness(TestJwt keys, LocalServerHarness harness)
    {
        Keys = keys;
        Harness = harness;
    }

    /// <summary>The keys OIDC, JWT and GCP identities in the seed accept signatures from.</summary>
    public TestJwt Keys { get; }

    public LocalServerHarness Harness { get; }

    public LocalInfisicalServer Server => Harness.Server;

    public string BaseUrl => Harness.BaseUrl;

    public TestControls Controls => Harness.Controls;

    /// <summary>The server's fake clock: tokens must be minted against it, not the machine's clock.</summary>
    public DateTimeOffset Now => Server.Clock.UtcNow;

    public static async Task<AuthMethodsHarness> StartAsync(CompatibilityLevel compatibility = CompatibilityLevel.Current)
    {
        var keys = new TestJwt();
        try
        {
            return new AuthMethodsHarness(keys, await LocalServerHarness.StartAsync(compatibility, AuthMethodsSeed.Json(keys)));
        }
        catch
        {
            keys.Dispose();
            throw;
        }
    }

    /// <summary>A client that has not logged in (see <see cref="LocalServerHarness.CreateClient"/>).</summary>
    public InfisicalClient CreateClient(Action<InfisicalClientOptions>? configure = null) => Harness.CreateClient(configure);

    /// <summary>A client logged in as the seed's Universal Auth identity, which may mint tokens for others.</summary>
    public Task<InfisicalClient> LoginAsUniversalAsync() =>
        Harness.LoginAsync(clientId: AuthMethodsSeed.UniversalClientId, clientSecret: AuthMethodsSeed.UniversalClientSecret);

    /// <summary>A JWT with <paramref name="claims"/> signed by <see cref="Keys"/> at the server's current time.</summary>
    public string Mint(JsonObject claims) => Keys.Mint(claims, Now);

    public void AdvanceClock(TimeSpan by) => Harness.AdvanceClock(by);

    /// <summary>
    /// An authenticated call on the seed's project, which has no secrets: it succeeds only if the server accepts the
    /// client's token, so it proves a login really worked. A secret list exists on every server vintage (KMS does not).
    /// </summary>
    public static Task<ListSecretsResponse> ListProjectSecretsAsync(InfisicalClient client) =>
        client.Secrets.ListAsync(new ListSecretsOptions { ProjectId = AuthMethodsSeed.ProjectId, EnvironmentSlug = "dev", IncludeImports = false });

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        Keys.Dispose();
    }
}
