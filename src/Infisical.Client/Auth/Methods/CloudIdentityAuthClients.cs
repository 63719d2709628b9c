using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Auth.Methods;

namespace Infisical.Client.Auth;

/// <summary>Settings for <see cref="AzureAuthClient"/>; the defaults suit a VM, App Service or AKS pod with a managed identity.</summary>
public sealed class AzureAuthOptions
{
    /// <summary>The token audience the identity is configured with. Defaults to <c>https://management.azure.com/</c>.</summary>
    public string Resource { get; set; } = "https://management.azure.com/";

    /// <summary>For a user-assigned managed identity: its client id. Null uses the system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Azure's instance metadata service. Defaults to <c>http://169.254.169.254</c>; tests point it at loopback.</summary>
    public Uri MetadataEndpoint { get; set; } = new("http://169.254.169.254");
}

/// <summary>Settings for <see cref="GcpAuthClient"/>.</summary>
public sealed class GcpAuthOptions
{
    /// <summary>The <c>aud</c> of the identity token; null means the machine identity id.</summary>
    public string? Audience { get; set; }

    /// <summary>GCP's metadata server. Defaults to <c>http://metadata.google.internal</c>; tests point it at loopback.</summary>
    public Uri MetadataEndpoint { get; set; } = new("http://metadata.google.internal");
}

/// <summary>Azure Auth: a managed-identity access token from Azure's instance metadata service.</summary>
public sealed class AzureAuthClient
{
    private const string Path = "/api/v1/auth/azure-auth/login";
    private readonly TokenManager _tokens;

    internal AzureAuthClient(TokenManager tokens) => _tokens = tokens;

    /// <summary>Fetches a managed-identity token (again at every re-login) and logs in with it.</summary>
    /// <param name="identityId">The machine identity id; null reads <c>INFISICAL_AZURE_AUTH_IDENTITY_ID</c>, then <c>INFISICAL_MACHINE_IDENTITY_ID</c>.</param>
    /// <param name="options">Resource and metadata endpoint; null uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<MachineIdentityCredential> LoginAsync(
        string? identityId = null, AzureAuthOptions? options = null, CancellationToken cancellationToken = default)
    {
        var id = LoginArguments.IdentityId(identityId, "Azure Auth", "INFISICAL_AZURE_AUTH_IDENTITY_ID");
        var settings = options ?? new AzureAuthOptions();
        LoginArguments.Required(settings.Resource, nameof(options), "AzureAuthOptions.Resource");
        return _tokens.LoginAsync(
            new JwtLoginMethod("Azure Auth", Path, id, ct => FetchTokenAsync(settings, ct)), cancellationToken);
    }

    internal static async Task<string> FetchTokenAsync(AzureAuthOptions options, CancellationToken cancellationToken)
    {
        var query = "api-version=2018-02-01&resource=" + Uri.EscapeDataString(options.Resource);
        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            query += "&client_id=" + Uri.EscapeDataString(options.ManagedIdentityClientId!.Trim());
        }

        var url = new Uri(options.MetadataEndpoint, "/metadata/identity/oauth2/token?" + query);
        var body = await MetadataHttp.SendAsync(
            HttpMethod.Get, url, new[] { new KeyValuePair<string, string>("Metadata", "true") },
            "Azure instance metadata service", cancellationToken).ConfigureAwait(false);
        AzureTokenResponse? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(body, AuthMethodsJsonContext.Default.AzureTokenResponse);
        }
        catch (JsonException e)
        {
            throw new InfisicalException("Azure instance metadata service answered with something other than a token.", e);
        }

        return string.IsNullOrEmpty(parsed?.AccessToken)
            ? throw new InfisicalException("Azure instance metadata service answered without an access_token.")
            : parsed!.AccessToken!;
    }
}

/// <summary>GCP Auth (ID token): a signed identity token from the GCP metadata server.</summary>
public sealed class GcpAuthClient
{
    private const string Path = "/api/v1/auth/gcp-auth/login";
    private readonly TokenManager _tokens;

    internal GcpAuthClient(TokenManager tokens) => _tokens = tokens;

    /// <summary>Fetches an identity token (again at every re-login) and logs in with it.</summary>
    /// <param name="identityId">The machine identity id; null reads <c>INFISICAL_GCP_AUTH_IDENTITY_ID</c>, then <c>INFISICAL_MACHINE_IDENTITY_ID</c>.</param>
    /// <param name="options">Audience and metadata endpoint; null uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<MachineIdentityCredential> LoginAsync(
        string? identityId = null, GcpAuthOptions? options = null, CancellationToken cancellationToken = default)
    {
        var id = LoginArguments.IdentityId(identityId, "GCP Auth", "INFISICAL_GCP_AUTH_IDENTITY_ID");
        var settings = options ?? new GcpAuthOptions();
        var audience = string.IsNullOrWhiteSpace(settings.Audience) ? id : settings.Audience!.Trim();
        return _tokens.LoginAsync(
            new JwtLoginMethod("GCP Auth", Path, id, ct => FetchTokenAsync(settings.MetadataEndpoint, audience, ct)),
            cancellationToken);
    }

    internal static async Task<string> FetchTokenAsync(Uri metadataEndpoint, string audience, CancellationToken cancellationToken)
    {
        var url = new Uri(
            metadataEndpoint,
            "/computeMetadata/v1/instance/service-accounts/default/identity?audience=" + Uri.EscapeDataString(audience) + "&format=full");
        var token = await MetadataHttp.SendAsync(
            HttpMethod.Get, url, new[] { new KeyValuePair<string, string>("Metadata-Flavor", "Google") },
            "GCP metadata server", cancellationToken).ConfigureAwait(false);
        return token.Trim();
    }
}
