namespace Infisical.Extensions.Configuration;

/// <summary>
/// The environment-variable names the runtime reads: the same names the build (Infisical.Build) and the Infisical
/// CLI read, kept in one place so the two halves cannot drift apart.
/// </summary>
internal static class InfisicalVariables
{
    public const string ApiUrl = "INFISICAL_API_URL";
    public const string Domain = "INFISICAL_DOMAIN";
    public const string AuthMethod = "INFISICAL_AUTH_METHOD";
    public const string Token = "INFISICAL_TOKEN";
    public const string UniversalAuthAccessToken = "INFISICAL_UNIVERSAL_AUTH_ACCESS_TOKEN";
    public const string UniversalAuthClientId = "INFISICAL_UNIVERSAL_AUTH_CLIENT_ID";
    public const string UniversalAuthClientSecret = "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET";
    public const string MachineIdentityId = "INFISICAL_MACHINE_IDENTITY_ID";
    public const string Jwt = "INFISICAL_JWT";
    public const string KubernetesTokenPath = "INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH";
    public const string LdapUsername = "INFISICAL_LDAP_USERNAME";
    public const string LdapPassword = "INFISICAL_LDAP_PASSWORD";
    public const string AzureMetadataHost = "AZURE_POD_IDENTITY_AUTHORITY_HOST";
    public const string AzureClientId = "AZURE_CLIENT_ID";
    public const string GcpMetadataHost = "GCE_METADATA_HOST";

    /// <summary>
    /// The host both sources use: the option, else INFISICAL_API_URL, else INFISICAL_DOMAIN, else Infisical Cloud
    /// (the build's order, without its .infisical.json step).
    /// </summary>
    public static string ResolveHost(string? option, System.Func<string, string?> getVariable) =>
        Value(option) ?? Value(getVariable(ApiUrl)) ?? Value(getVariable(Domain)) ?? "https://app.infisical.com";

    private static string? Value(string? s) => string.IsNullOrWhiteSpace(s) ? null : s!.Trim();
}
