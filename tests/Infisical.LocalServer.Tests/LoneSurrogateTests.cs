using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>
/// A lone UTF-16 surrogate (<c>"\ud800"</c>) cannot become a .NET string that round-trips to UTF-8: in a seed it is a
/// <see cref="SeedException"/>, in a request body a 400, never an unhandled exception.
/// </summary>
public sealed class LoneSurrogateTests
{
    [Theory]
    [InlineData("""{"projects":[{"environments":["dev"],"secrets":[{"environment":"dev","key":"K","value":"a\ud800b"}]}]}""", "projects[0].secrets[0].value")]
    [InlineData("""{"projects":[{"environments":["dev"],"secrets":[{"environment":"dev","key":"\udfff","value":"v"}]}]}""", "projects[0].secrets[0].key")]
    [InlineData("""{"identities":[{"name":"\ud83d","clientId":"a","clientSecret":"b"}]}""", "identities[0].name")]
    [InlineData("""{"projects":[{"environments":["dev\ud800"]}]}""", "projects[0].environments[0]")]
    [InlineData("""{"projects":[{"\ud800":1}]}""", "projects[0]")]
    public async Task A_seed_with_a_lone_surrogate_is_a_SeedException_naming_where(string json, string where)
    {
        var ex = await Record.ExceptionAsync(async () =>
        {
            await using var server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(json) });
        });

        var seedError = Assert.IsType<SeedException>(ex);
        Assert.Contains(where, seedError.Message);
        Assert.Contains("surrogate", seedError.Message);
    }

    [Fact]
    public void A_seed_string_holding_a_raw_lone_surrogate_is_a_SeedException()
    {
        var json = "{\"identities\":[{\"name\":\"x" + '\ud800' + "\"}]}";

        var ex = Record.Exception(() => SeedDocument.Parse(json));

        Assert.IsType<SeedException>(ex);
    }

    [Fact]
    public async Task A_valid_surrogate_pair_in_a_seed_is_kept()
    {
        const string json = """{"identities":[{"name":"emoji \ud83d\ude00","clientId":"a","clientSecret":"b"}]}""";
        await using var server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(json) });

        lock (server.State.SyncRoot)
        {
            Assert.Contains(server.State.Identities, i => i.Name == "emoji \U0001F600");
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task A_request_body_with_a_lone_surrogate_is_a_400(CompatibilityLevel level)
    {
        await using var h = await Harness.StartAsync(level);
        var token = await h.LoginAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/secrets/raw/LONE")
        {
            Content = new StringContent(
                $$"""{"workspaceId":"{{Harness.DefaultProjectId}}","environment":"dev","secretValue":"x\ud800y"}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await h.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task A_login_body_with_a_lone_surrogate_is_a_400(CompatibilityLevel level)
    {
        await using var h = await Harness.StartAsync(level);
        using var content = new StringContent("""{"clientId":"\udc00","clientSecret":"s"}""", Encoding.UTF8, "application/json");

        using var response = await h.Http.PostAsync("/api/v1/auth/universal-auth/login", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public static TheoryData<CompatibilityLevel> Levels => new() { CompatibilityLevel.Current, CompatibilityLevel.Legacy2024 };
}
