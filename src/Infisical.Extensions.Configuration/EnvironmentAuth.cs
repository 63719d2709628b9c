using System;
using Infisical.Client.Auth;
using V = Infisical.Extensions.Configuration.InfisicalVariables;

namespace Infisical.Extensions.Configuration;

/// <summary>
/// The build's credential rules at run time, over the same variable names (<see cref="InfisicalVariables"/>).
/// Messages name variables, never their values.
/// </summary>
internal static class EnvironmentAuth
{
    public static InfisicalAuth Resolve(Func<string, string?> getVariable)
    {
        string? Env(string name) => getVariable(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        string Identity(string method) => Env(V.MachineIdentityId)
            ?? throw Missing($"{V.AuthMethod}={method} needs the machine identity id in {V.MachineIdentityId}.");

        InfisicalAuth? Token()
        {
            foreach (var name in new[] { V.UniversalAuthAccessToken, V.Token })
            {
                if (Env(name) is { } token)
                {
                    return InfisicalAuth.TokenFrom(token, name);
                }
            }

            return null;
        }

        InfisicalAuth? Universal()
        {
            var id = Env(V.UniversalAuthClientId);
            var secret = Env(V.UniversalAuthClientSecret);
            return id == null || secret == null
                ? null
                : InfisicalAuth.Login("Universal Auth (" + V.UniversalAuthClientId + ")", (c, ct) => c.Auth.UniversalAuth.LoginAsync(id, secret, ct));
        }

        var method = Env(V.AuthMethod);
        if (method == null)
        {
            return Token() ?? Universal() ?? throw Missing(
                $"No Infisical credentials found. Set {V.UniversalAuthClientId} and {V.UniversalAuthClientSecret} (Universal Auth), "
                + $"{V.Token} with an access token, or {V.AuthMethod} to another login method (aws-iam, oidc-auth, kubernetes, azure, gcp-id-token, jwt, ldap).");
        }

        switch (method.ToLowerInvariant())
        {
            case "universal-auth":
                return Universal() ?? throw Missing($"Universal Auth needs {V.UniversalAuthClientId} and {V.UniversalAuthClientSecret}.");
            case "token":
            case "token-auth":
                return Token() ?? throw Missing($"{V.AuthMethod}=token needs {V.Token} (or {V.UniversalAuthAccessToken}).");
            case "aws-iam":
                return InfisicalAuth.AwsIam(Identity("aws-iam"));
            case "oidc-auth":
                return InfisicalAuth.Oidc(Identity("oidc-auth"), Env(V.Jwt) ?? throw Missing($"OIDC Auth needs the identity provider's JWT in {V.Jwt}."));
            case "jwt":
            case "jwt-auth":
                return InfisicalAuth.Jwt(Identity("jwt"), Env(V.Jwt) ?? throw Missing($"JWT Auth needs the JWT in {V.Jwt}."));
            case "kubernetes":
                return InfisicalAuth.Kubernetes(Identity("kubernetes"), Env(V.KubernetesTokenPath));
            case "azure":
                var azure = new AzureAuthOptions { ManagedIdentityClientId = Env(V.AzureClientId) };
                if (Env(V.AzureMetadataHost) is { } metadata)
                {
                    azure.MetadataEndpoint = new Uri(metadata);
                }

                return InfisicalAuth.Azure(Identity("azure"), azure);
            case "gcp-id-token":
                var gcp = new GcpAuthOptions();
                if (Env(V.GcpMetadataHost) is { } host)
                {
                    // Google's libraries give host[:port] without a scheme.
                    gcp.MetadataEndpoint = new Uri("http://" + host.TrimEnd('/'));
                }

                return InfisicalAuth.Gcp(Identity("gcp-id-token"), gcp);
            case "ldap":
            case "ldap-auth":
                var user = Env(V.LdapUsername);
                var password = Env(V.LdapPassword);
                return user == null || password == null
                    ? throw Missing($"LDAP Auth needs {V.LdapUsername} and {V.LdapPassword}.")
                    : InfisicalAuth.Ldap(Identity("ldap"), user, password);
            default:
                throw Missing($"The Infisical auth method '{method}' ({V.AuthMethod}) is not supported. Use universal-auth, token, aws-iam, oidc-auth, kubernetes, azure, gcp-id-token, jwt or ldap.");
        }
    }

    private static InfisicalConfigurationException Missing(string message) => new(message);
}
