using System;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Auth.Methods;

namespace Infisical.Client.Auth;

/// <summary>
/// A login method that presents a JWT issued elsewhere. OIDC Auth and JWT Auth differ only in the route and in how
/// the server verifies the token, so they share this shape.
/// </summary>
public abstract class JwtPresentingAuthClient
{
    private readonly TokenManager _tokens;
    private readonly string _methodName;
    private readonly string _path;

    private protected JwtPresentingAuthClient(TokenManager tokens, string methodName, string path)
    {
        _tokens = tokens;
        _methodName = methodName;
        _path = path;
    }

    /// <summary>
    /// Logs in with a JWT and makes the client use the access token. A later re-login presents the same JWT;
    /// use the overload taking a token source when the JWT expires sooner than the session.
    /// </summary>
    /// <exception cref="InfisicalApiException">The server refused the JWT (issuer, audience, subject, signature or expiry).</exception>
    public Task<MachineIdentityCredential> LoginAsync(string identityId, string jwt, CancellationToken cancellationToken = default)
    {
        var token = LoginArguments.Required(jwt, nameof(jwt), $"The {_methodName} token (jwt)");
        return LoginAsync(identityId, _ => Task.FromResult(token), cancellationToken);
    }

    /// <summary>Logs in with a JWT obtained from <paramref name="jwtSource"/>, which is asked again at every re-login.</summary>
    public Task<MachineIdentityCredential> LoginAsync(
        string identityId, Func<CancellationToken, Task<string>> jwtSource, CancellationToken cancellationToken = default)
    {
        var id = LoginArguments.Required(identityId, nameof(identityId), "The machine identity id").Trim();
        if (jwtSource == null)
        {
            throw new ArgumentNullException(nameof(jwtSource));
        }

        return _tokens.LoginAsync(new JwtLoginMethod(_methodName, _path, id, jwtSource), cancellationToken);
    }
}

/// <summary>OIDC Auth: a JWT from any OpenID Connect provider (e.g. a CI system's workload token).</summary>
public sealed class OidcAuthClient : JwtPresentingAuthClient
{
    internal OidcAuthClient(TokenManager tokens) : base(tokens, "OIDC Auth", "/api/v1/auth/oidc-auth/login")
    {
    }
}

/// <summary>JWT Auth: a JWT signed by keys configured on the identity (static public keys or a JWKS URL).</summary>
public sealed class JwtAuthClient : JwtPresentingAuthClient
{
    internal JwtAuthClient(TokenManager tokens) : base(tokens, "JWT Auth", "/api/v1/auth/jwt-auth/login")
    {
    }
}

/// <summary>Kubernetes Auth: the pod's service-account token, read from its projected file at every login.</summary>
public sealed class KubernetesAuthClient
{
    /// <summary>Where Kubernetes mounts the service-account token by default.</summary>
    public const string DefaultTokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private const string Path = "/api/v1/auth/kubernetes-auth/login";
    private readonly TokenManager _tokens;

    internal KubernetesAuthClient(TokenManager tokens) => _tokens = tokens;

    /// <summary>
    /// Logs in with the service-account token. The file is read again at each re-login because kubelet rotates it.
    /// </summary>
    /// <param name="identityId">The machine identity id; null reads <c>INFISICAL_MACHINE_IDENTITY_ID</c>.</param>
    /// <param name="serviceAccountTokenPath">Token file; null means <see cref="DefaultTokenPath"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InfisicalException">The token file is missing or unreadable (the message names the path).</exception>
    public Task<MachineIdentityCredential> LoginAsync(
        string? identityId = null, string? serviceAccountTokenPath = null, CancellationToken cancellationToken = default)
    {
        var id = LoginArguments.IdentityId(identityId, "Kubernetes Auth", "INFISICAL_KUBERNETES_AUTH_IDENTITY_ID");
        var path = string.IsNullOrWhiteSpace(serviceAccountTokenPath) ? DefaultTokenPath : serviceAccountTokenPath!;
        return _tokens.LoginAsync(
            new JwtLoginMethod("Kubernetes Auth", Path, id, _ => Task.FromResult(ReadToken(path))), cancellationToken);
    }

    private static string ReadToken(string path)
    {
        try
        {
            return System.IO.File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InfisicalException(
                $"Kubernetes Auth: cannot read the service-account token at '{path}' ({e.GetType().Name}). "
                + "Run inside a pod with a mounted service account, or pass serviceAccountTokenPath.", e);
        }
    }
}
