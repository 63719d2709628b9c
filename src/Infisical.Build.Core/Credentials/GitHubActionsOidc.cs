using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Infisical.Build.Core.Credentials;

/// <summary>
/// GitHub Actions' OIDC token endpoint: a job with <c>id-token: write</c> gets ACTIONS_ID_TOKEN_REQUEST_URL and a
/// short-lived request token; a GET with that token (and an audience) returns <c>{"value": "&lt;jwt&gt;"}</c>. So a
/// workflow logs in to Infisical with OIDC Auth and no stored Infisical secret at all.
/// </summary>
internal sealed class GitHubActionsOidc
{
    private readonly string _url;

    private GitHubActionsOidc(string url, string requestToken)
    {
        _url = url;
        RequestToken = requestToken;
    }

    /// <summary>The request token (never printed).</summary>
    public string RequestToken { get; }

    public static GitHubActionsOidc? FromEnvironment(Func<string, string?> env, string? audience)
    {
        var url = env("ACTIONS_ID_TOKEN_REQUEST_URL")?.Trim();
        var token = env("ACTIONS_ID_TOKEN_REQUEST_TOKEN")?.Trim();
        if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(audience))
        {
            url += (url!.Contains("?") ? "&" : "?") + "audience=" + Uri.EscapeDataString(audience);
        }

        return new GitHubActionsOidc(url!, token!);
    }

    /// <summary>Fetches a fresh JWT (asked again at every login: they live minutes).</summary>
    public async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(_url, UriKind.Absolute, out var uri))
        {
            throw Failed("ACTIONS_ID_TOKEN_REQUEST_URL is not an absolute URL");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            throw Failed("ACTIONS_ID_TOKEN_REQUEST_URL must be https (or http to this machine)");
        }

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RequestToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw Failed($"the endpoint {uri.GetLeftPart(UriPartial.Authority)} could not be reached ({ex.GetType().Name})");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Failed($"the endpoint answered {(int)response.StatusCode}; check that the job has 'permissions: id-token: write'");
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("value", out var value)
                    && value.ValueKind == JsonValueKind.String
                    && !string.IsNullOrWhiteSpace(value.GetString()))
                {
                    return value.GetString()!;
                }
            }
            catch (JsonException)
            {
            }

            throw Failed("the endpoint's answer has no 'value' token");
        }
    }

    private static InfisicalBuildException Failed(string why) =>
        new(InfisicalBuildErrors.CiTokenUnavailable, $"Could not get an OIDC token from GitHub Actions: {why}. Or set INFISICAL_JWT.");
}
