using System;
using Infisical.Client.Auth;

namespace Infisical.Build.Core.Credentials;

/// <summary>
/// Picks the login from environment variables, the way the Infisical CLI does: INFISICAL_AUTH_METHOD (or the
/// InfisicalAuthMethod property) names the method; without one, a token variable wins, then Universal Auth.
/// Secrets only ever come from the environment or files it names; ids and audiences may be properties.
/// </summary>
internal sealed class CredentialResolver
{
    private readonly Func<string, string?> _env;

    public CredentialResolver(Func<string, string?> getEnvironmentVariable) => _env = getEnvironmentVariable;

    /// <summary>InfisicalAuthMethod; empty reads INFISICAL_AUTH_METHOD.</summary>
    public string? AuthMethod { get; set; }

    /// <summary>InfisicalIdentityId; empty reads INFISICAL_MACHINE_IDENTITY_ID (an id, not a secret).</summary>
    public string? IdentityId { get; set; }

    /// <summary>InfisicalOidcAudience: the audience asked of GitHub Actions' OIDC token endpoint.</summary>
    public string? OidcAudience { get; set; }

    /// <summary>InfisicalAzureResource: the token audience for Azure Auth.</summary>
    public string? AzureResource { get; set; }

    /// <summary>Returns the plan, or throws INFB002 (nothing usable) / INFB045 (unknown method) naming what to set.</summary>
    public LoginPlan Resolve()
    {
        var method = Value(AuthMethod) ?? Env("INFISICAL_AUTH_METHOD");
        if (method == null)
        {
            return TokenFromEnvironment() ?? UniversalAuth(required: false) ?? throw Missing(
                "No Infisical credentials found. Set INFISICAL_UNIVERSAL_AUTH_CLIENT_ID and INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET (Universal Auth), "
                + "INFISICAL_TOKEN with an access token, or INFISICAL_AUTH_METHOD to another login method (aws-iam, oidc-auth, kubernetes, azure, gcp-id-token, jwt, ldap)."
                + UniversalAuthHint());
        }

        switch (method.ToLowerInvariant())
        {
            case "universal-auth":
                return UniversalAuth(required: true)!;
            case "token":
            case "token-auth":
                return TokenFromEnvironment() ?? throw Missing("INFISICAL_AUTH_METHOD=token needs INFISICAL_TOKEN (or INFISICAL_UNIVERSAL_AUTH_ACCESS_TOKEN) with an access token.");
            case "aws-iam":
                return AwsIam();
            case "oidc-auth":
                return Oidc();
            case "jwt":
            case "jwt-auth":
                return Jwt();
            case "kubernetes":
                return Kubernetes();
            case "azure":
                return Azure();
            case "gcp-id-token":
                return Gcp();
            case "ldap":
            case "ldap-auth":
                return Ldap();
            default:
                throw new InfisicalBuildException(
                    InfisicalBuildErrors.UnknownAuthMethod,
                    $"The Infisical auth method '{method}' is not supported. Use universal-auth, token, aws-iam, oidc-auth, kubernetes, azure, gcp-id-token, jwt or ldap (INFISICAL_AUTH_METHOD or InfisicalAuthMethod).");
        }
    }

    private LoginPlan? TokenFromEnvironment()
    {
        foreach (var name in new[] { "INFISICAL_UNIVERSAL_AUTH_ACCESS_TOKEN", "INFISICAL_TOKEN" })
        {
            if (Env(name) is { } token)
            {
                return LoginPlan.WithToken(token, name);
            }
        }

        return null;
    }

    private LoginPlan? UniversalAuth(bool required)
    {
        var clientId = Env("INFISICAL_UNIVERSAL_AUTH_CLIENT_ID");
        var clientSecret = Env("INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET");
        if (clientId == null || clientSecret == null)
        {
            return required
                ? throw Missing("Universal Auth needs INFISICAL_UNIVERSAL_AUTH_CLIENT_ID and INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET." + UniversalAuthHint())
                : null;
        }

        return LoginPlan.WithLogin(
            "universal-auth", "Universal Auth (INFISICAL_UNIVERSAL_AUTH_CLIENT_ID)", clientId + ":" + LoginPlan.Hash(clientSecret), new[] { clientSecret },
            (client, ct) => client.Auth.UniversalAuth.LoginAsync(clientId, clientSecret, ct));
    }

    private string UniversalAuthHint() =>
        (Env("INFISICAL_UNIVERSAL_AUTH_CLIENT_ID") != null, Env("INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET") != null) switch
        {
            (true, false) => " INFISICAL_UNIVERSAL_AUTH_CLIENT_ID is set but INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET is missing.",
            (false, true) => " INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET is set but INFISICAL_UNIVERSAL_AUTH_CLIENT_ID is missing.",
            _ => string.Empty,
        };

    private LoginPlan AwsIam()
    {
        // The standard AWS chain (environment, profile, container and instance credentials) is read by the
        // client's AWS support when the login runs, so that assembly loads only for this method.
        var identity = RequireIdentity("aws-iam");
        var accessKey = Env("AWS_ACCESS_KEY_ID");
        return LoginPlan.WithLogin(
            "aws-iam", "AWS IAM Auth (the AWS credential chain)", identity + ":" + (accessKey ?? "chain"), new[] { Env("AWS_SECRET_ACCESS_KEY"), Env("AWS_SESSION_TOKEN") },
            (client, ct) => client.Auth.AwsAuth.LoginAsync(identity, ct));
    }

    private LoginPlan Oidc()
    {
        var identity = RequireIdentity("oidc-auth");
        var jwt = Env("INFISICAL_JWT");
        if (jwt != null)
        {
            return LoginPlan.WithLogin(
                "oidc-auth", "OIDC Auth (INFISICAL_JWT)", identity, new[] { jwt },
                (client, ct) => client.Auth.OidcAuth.LoginAsync(identity, jwt, ct));
        }

        var github = GitHubActionsOidc.FromEnvironment(_env, Value(OidcAudience))
            ?? throw Missing("OIDC Auth needs a JWT: set INFISICAL_JWT, or run in GitHub Actions with 'permissions: id-token: write' (which provides ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN).");
        return LoginPlan.WithLogin(
            "oidc-auth", "OIDC Auth (GitHub Actions OIDC token)", identity, new[] { github.RequestToken },
            (client, ct) => client.Auth.OidcAuth.LoginAsync(identity, github.FetchAsync, ct));
    }

    private LoginPlan Jwt()
    {
        var identity = RequireIdentity("jwt");
        var jwt = Env("INFISICAL_JWT") ?? throw Missing("JWT Auth needs the JWT in INFISICAL_JWT.");
        return LoginPlan.WithLogin("jwt", "JWT Auth (INFISICAL_JWT)", identity, new[] { jwt }, (client, ct) => client.Auth.JwtAuth.LoginAsync(identity, jwt, ct));
    }

    private LoginPlan Kubernetes()
    {
        var identity = RequireIdentity("kubernetes");
        var path = Env("INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH") ?? KubernetesAuthClient.DefaultTokenPath;
        return LoginPlan.WithLogin(
            "kubernetes", "Kubernetes Auth (service-account token file)", identity, Array.Empty<string?>(),
            (client, ct) => client.Auth.KubernetesAuth.LoginAsync(identity, path, ct));
    }

    private LoginPlan Azure()
    {
        var identity = RequireIdentity("azure");
        var options = new AzureAuthOptions();
        if (Value(AzureResource) is { } resource)
        {
            options.Resource = resource;
        }

        // Azure.Identity's override for the instance metadata service; it also lets tests stand in for Azure.
        if (Env("AZURE_POD_IDENTITY_AUTHORITY_HOST") is { } metadata)
        {
            options.MetadataEndpoint = new Uri(metadata);
        }

        options.ManagedIdentityClientId = Env("AZURE_CLIENT_ID");
        return LoginPlan.WithLogin("azure", "Azure Auth (managed identity)", identity, Array.Empty<string?>(), (client, ct) => client.Auth.AzureAuth.LoginAsync(identity, options, ct));
    }

    private LoginPlan Gcp()
    {
        var identity = RequireIdentity("gcp-id-token");
        var options = new GcpAuthOptions();

        // The variable Google's own libraries honour for the metadata server (host[:port], no scheme).
        if (Env("GCE_METADATA_HOST") is { } metadata)
        {
            options.MetadataEndpoint = new Uri("http://" + metadata.TrimEnd('/'));
        }

        return LoginPlan.WithLogin("gcp-id-token", "GCP Auth (identity token from the metadata server)", identity, Array.Empty<string?>(), (client, ct) => client.Auth.GcpAuth.LoginAsync(identity, options, ct));
    }

    private LoginPlan Ldap()
    {
        var identity = RequireIdentity("ldap");
        var user = Env("INFISICAL_LDAP_USERNAME");
        var password = Env("INFISICAL_LDAP_PASSWORD");
        if (user == null || password == null)
        {
            throw Missing("LDAP Auth needs INFISICAL_LDAP_USERNAME and INFISICAL_LDAP_PASSWORD.");
        }

        return LoginPlan.WithLogin(
            "ldap", "LDAP Auth (INFISICAL_LDAP_USERNAME)", identity + ":" + user + ":" + LoginPlan.Hash(password), new[] { password },
            (client, ct) => client.Auth.LdapAuth.LoginAsync(identity, user, password, ct));
    }

    private string RequireIdentity(string method) =>
        Value(IdentityId) ?? Env("INFISICAL_MACHINE_IDENTITY_ID")
        ?? throw Missing($"INFISICAL_AUTH_METHOD={method} needs the machine identity id: set INFISICAL_MACHINE_IDENTITY_ID or the InfisicalIdentityId property.");

    private string? Env(string name) => Value(_env(name));

    private static string? Value(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private static InfisicalBuildException Missing(string message) => new(InfisicalBuildErrors.MissingCredentials, message);
}
