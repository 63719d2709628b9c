using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Infisical.Client.Tests.Kms;

/// <summary>
/// Server-side KMS rules the client never lets a request reach (it checks first), exercised with raw HTTP so the
/// local server's own validation is covered too.
/// </summary>
public sealed class KmsServerRulesTests
{
    [Fact]
    public async Task TheServerRefusesPlaintextOver4096Bytes()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var (status, body) = await PostAsync(h, client, $"/api/v1/kms/keys/{KmsSeed.KnownKeyId}/encrypt",
            new JsonObject { ["plaintext"] = Convert.ToBase64String(new byte[4097]) });

        Assert.Equal(422, status);
        Assert.Equal("ValidationFailure", body["error"]!.GetValue<string>());
        Assert.Contains("4096", body["message"]!.ToJsonString());
    }

    [Fact]
    public async Task TheServerRefusesNonBase64AndNonSlugNames()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var (encryptStatus, encryptBody) = await PostAsync(h, client, $"/api/v1/kms/keys/{KmsSeed.KnownKeyId}/encrypt",
            new JsonObject { ["plaintext"] = "%%%" });
        var (createStatus, _) = await PostAsync(h, client, "/api/v1/kms/keys",
            new JsonObject { ["projectId"] = KmsSeed.ProjectId, ["name"] = "has space" });
        var (longStatus, _) = await PostAsync(h, client, "/api/v1/kms/keys",
            new JsonObject { ["projectId"] = KmsSeed.ProjectId, ["name"] = new string('a', 33) });

        Assert.Equal(422, encryptStatus);
        Assert.Contains("plaintext must be base64 encoded", encryptBody["message"]!.ToJsonString());
        Assert.Equal(422, createStatus);
        Assert.Equal(422, longStatus);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task KmsRoutesNeedATokenWhereTheyExist(CompatibilityLevel level)
    {
        await using var h = await LocalServerHarness.StartAsync(level, KmsSeed.Json);
        using var http = new HttpClient();

        using var response = await http.GetAsync($"{h.BaseUrl}/api/v1/kms/keys/{KmsSeed.KnownKeyId}");

        // A 2024 server has no KMS routes, so the unknown-route 404 answers before any token check.
        Assert.Equal(level == CompatibilityLevel.Current ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownButWellFormedKeyIdIs404()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var (status, body) = await PostAsync(h, client, $"/api/v1/kms/keys/{Guid.NewGuid()}/decrypt",
            new JsonObject { ["ciphertext"] = "AAAA" });

        Assert.Equal(404, status);
        Assert.Equal("Key not found", body["message"]!.GetValue<string>());
        Assert.StartsWith("req-", body["reqId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownOrderDirectionIs422()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{h.BaseUrl}/api/v1/kms/keys?projectId={KmsSeed.ProjectId}&orderDirection=sideways");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Auth.AccessToken);

        using var response = await http.SendAsync(request);

        Assert.Equal(422, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("[ { \"name\": \"Bad Name\" } ]", "name")]
    [InlineData("[ { \"name\": \"k\", \"keyUsage\": \"sign-verify\", \"encryptionAlgorithm\": \"aes-256-gcm\" } ]", "keyUsage")]
    [InlineData("[ { \"name\": \"k\", \"keyMaterial\": \"AAAA\" } ]", "keyMaterial")]
    [InlineData("[ { \"name\": \"k\" }, { \"name\": \"k\" } ]", "used twice")]
    public async Task ABadKmsSeedFailsStartupNamingTheEntry(string keys, string expected)
    {
        var seed = "{ \"projects\": [ { \"id\": \"" + KmsSeed.ProjectId + "\", \"slug\": \"p\", \"kmsKeys\": " + keys + " } ] }";

        var error = await Assert.ThrowsAsync<SeedException>(() => LocalServerHarness.StartAsync(CompatibilityLevel.Current, seed));

        Assert.Contains("kmsKeys[", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private static async Task<(int Status, JsonObject Body)> PostAsync(LocalServerHarness h, InfisicalClient client, string path, JsonObject body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, h.BaseUrl + path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Auth.AccessToken);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
