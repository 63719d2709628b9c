using System.Collections.Concurrent;
using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;

namespace Infisical.Client.Tests.Pipeline;

/// <summary>The public <see cref="InfisicalClientOptions.TimeProvider"/> is the client's only clock.</summary>
public sealed class TimeProviderOptionTests
{
    private static readonly ListSecretsOptions Dev = new() { ProjectId = "p1", EnvironmentSlug = "dev" };

    [Fact]
    public async Task A_cached_read_stays_fresh_until_the_configured_clock_passes_the_ttl_then_is_revalidated()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var conditions = new ConcurrentQueue<string>();
        var stub = new StubHandler(r =>
        {
            conditions.Enqueue(r.Headers.IfNoneMatch.ToString());
            var answer = r.Headers.IfNoneMatch.Count > 0
                ? new HttpResponseMessage(HttpStatusCode.NotModified)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"secrets\":[]}") };
            answer.Headers.ETag = new EntityTagHeaderValue("\"v1\"");
            return answer;
        });
        using var http = new HttpClient(stub);
        using var client = new InfisicalClient(new InfisicalClientOptions
        {
            Host = "https://infisical.test",
            HttpClient = http,
            Token = "static-token-abcdef",
            TimeProvider = time,
        });

        await client.Secrets.ListAsync(Dev);
        time.Advance(TimeSpan.FromSeconds(59));
        await client.Secrets.ListAsync(Dev);
        Assert.Single(stub.Sent);

        time.Advance(TimeSpan.FromSeconds(2));
        await client.Secrets.ListAsync(Dev);

        Assert.Equal(new[] { string.Empty, "\"v1\"" }, conditions);
    }

    [Fact]
    public void A_null_clock_is_refused_naming_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => new InfisicalClient(new InfisicalClientOptions { TimeProvider = null! }));

        Assert.Contains("InfisicalClientOptions.TimeProvider", error.Message);
    }
}
