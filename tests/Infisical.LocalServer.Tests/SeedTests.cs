using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>Seed parsing: clear errors and raw sections kept for other modules.</summary>
public sealed class SeedTests
{
    [Theory]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"identities\": [ { \"clientId\": \"a\" } ]}", "identities[0] needs both")]
    [InlineData("{\"projects\": [ { \"environments\": [\"dev\"], \"secrets\": [ { \"environment\": \"qa\", \"key\": \"K\", \"value\": \"v\" } ] } ]}", "projects[0].secrets[0] names environment 'qa'")]
    [InlineData("{\"identities\": [ { \"clientId\": \"a\", \"clientSecret\": \"b\", \"accessTokenTTL\": \"x\" } ]}", "accessTokenTTL must be a non-negative integer")]
    [InlineData("{ not json", "not valid JSON")]
    public async Task Bad_seeds_fail_with_a_message_naming_the_field_and_never_a_value(string json, string expected)
    {
        var ex = await Record.ExceptionAsync(async () =>
        {
            await using var server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(json) });
        });
        var seedError = Assert.IsType<SeedException>(ex);
        Assert.Contains(expected, seedError.Message);
        Assert.DoesNotContain("\"v\"", seedError.Message);
    }

    [Fact]
    public async Task Unknown_sections_are_kept_raw_for_other_modules()
    {
        await using var h = await Harness.StartAsync();
        lock (h.Server.State.SyncRoot)
        {
            var identity = h.Server.State.Identities.Single(i => i.ClientId == "no-expiry");
            Assert.True(identity.TryGetSeedSection("awsAuth", out var aws));
            Assert.Equal("123", aws.GetProperty("allowedAccountIds").GetString());
            Assert.True(System.Guid.TryParse(identity.Id, out _));
            Assert.True(h.Server.State.Projects[0].TryGetSeedSection("kmsKeys", out var keys));
            Assert.Equal(1, keys.GetArrayLength());
        }
    }

    [Fact]
    public async Task Base_url_is_loopback_with_a_free_port()
    {
        await using var a = await LocalInfisicalServer.StartAsync(new LocalServerOptions());
        await using var b = await LocalInfisicalServer.StartAsync(new LocalServerOptions());
        Assert.StartsWith("http://127.0.0.1:", a.BaseUrl);
        Assert.NotEqual(a.Port, b.Port);
    }
}
