using System;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client;
using Infisical.Client.Auth;

namespace Infisical.Extensions.Configuration;

/// <summary>
/// How the live source logs in: one factory per login method of <see cref="InfisicalClient"/>, or
/// <see cref="FromEnvironment()"/> to pick the method from the same variables the build reads.
/// </summary>
public sealed class InfisicalAuth
{
    private readonly Func<InfisicalClient, CancellationToken, Task>? _login;

    private InfisicalAuth(string description, string? token, Func<InfisicalClient, CancellationToken, Task>? login)
    {
        Description = description;
        AccessToken = token;
        _login = login;
    }

    /// <summary>Which method (and variables) are used; names only.</summary>
    public string Description { get; }

    internal string? AccessToken { get; }

    /// <summary>An existing access token (not renewed by the client).</summary>
    public static InfisicalAuth Token(string accessToken) => new("access token", Required(accessToken, nameof(accessToken)), null);

    /// <summary>Universal Auth with a client id and secret.</summary>
    public static InfisicalAuth UniversalAuth(string clientId, string clientSecret) =>
        Login("Universal Auth", (c, ct) => c.Auth.UniversalAuth.LoginAsync(clientId, clientSecret, ct));

    /// <summary>AWS IAM Auth with the standard AWS credential chain.</summary>
    public static InfisicalAuth AwsIam(string identityId) => Login("AWS IAM Auth", (c, ct) => c.Auth.AwsAuth.LoginAsync(identityId, ct));

    /// <summary>OIDC Auth with a JWT from the identity provider.</summary>
    public static InfisicalAuth Oidc(string identityId, string jwt) => Login("OIDC Auth", (c, ct) => c.Auth.OidcAuth.LoginAsync(identityId, jwt, ct));

    /// <summary>JWT Auth.</summary>
    public static InfisicalAuth Jwt(string identityId, string jwt) => Login("JWT Auth", (c, ct) => c.Auth.JwtAuth.LoginAsync(identityId, jwt, ct));

    /// <summary>Kubernetes Auth with the pod's service-account token file (null: the default path).</summary>
    public static InfisicalAuth Kubernetes(string identityId, string? tokenPath = null) =>
        Login("Kubernetes Auth", (c, ct) => c.Auth.KubernetesAuth.LoginAsync(identityId, tokenPath, ct));

    /// <summary>Azure Auth with a managed identity.</summary>
    public static InfisicalAuth Azure(string identityId, AzureAuthOptions? options = null) =>
        Login("Azure Auth", (c, ct) => c.Auth.AzureAuth.LoginAsync(identityId, options, ct));

    /// <summary>GCP Auth with an identity token from the metadata server.</summary>
    public static InfisicalAuth Gcp(string identityId, GcpAuthOptions? options = null) =>
        Login("GCP Auth", (c, ct) => c.Auth.GcpAuth.LoginAsync(identityId, options, ct));

    /// <summary>LDAP Auth.</summary>
    public static InfisicalAuth Ldap(string identityId, string username, string password) =>
        Login("LDAP Auth", (c, ct) => c.Auth.LdapAuth.LoginAsync(identityId, username, password, ct));

    /// <summary>
    /// Picks the method from environment variables the way the build does: INFISICAL_AUTH_METHOD names it; without
    /// one, INFISICAL_UNIVERSAL_AUTH_ACCESS_TOKEN or INFISICAL_TOKEN, then Universal Auth
    /// (INFISICAL_UNIVERSAL_AUTH_CLIENT_ID / _SECRET).
    /// </summary>
    public static InfisicalAuth FromEnvironment() => EnvironmentAuth.Resolve(System.Environment.GetEnvironmentVariable);

    internal static InfisicalAuth FromEnvironment(Func<string, string?> env) => EnvironmentAuth.Resolve(env);

    internal static InfisicalAuth Login(string description, Func<InfisicalClient, CancellationToken, Task> login) => new(description, null, login);

    internal static InfisicalAuth TokenFrom(string token, string variable) => new("access token from " + variable, token, null);

    internal Task LoginAsync(InfisicalClient client, CancellationToken cancellationToken) =>
        _login == null ? Task.CompletedTask : _login(client, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Description;

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("The value is empty.", name) : value;
}
