using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;

namespace Infisical.Build.Tests.Support;

/// <summary>
/// Reads the secrets straight from the local server over raw HTTP (no client library), so the expected values
/// of a test are what the server really answers (values are trimmed on write, like the real server does).
/// </summary>
internal static class ServerTruth
{
    public static async Task<Dictionary<string, string>> ListAsync(string baseUrl, string environment)
    {
        using var http = new HttpClient();
        var login = await http.PostAsJsonAsync(baseUrl + "/api/v1/auth/universal-auth/login", new { clientId = Seeds.ClientId, clientSecret = Seeds.ClientSecret });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/api/v3/secrets/raw?workspaceId={Seeds.ProjectId}&environment={environment}&secretPath=%2F&expandSecretReferences=true&include_imports=true");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var result = new Dictionary<string, string>();
        foreach (var secret in body.GetProperty("secrets").EnumerateArray())
        {
            result[secret.GetProperty("secretKey").GetString()!] = secret.GetProperty("secretValue").GetString()!;
        }

        return result;
    }
}
