using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client;
using Infisical.Client.Auth;

namespace Infisical.Build.Core.Credentials;

/// <summary>
/// How the build gets an access token: a token handed over in the environment, or a login with one of the
/// machine-identity methods. Built from environment variables only (and ids that are not secrets); it knows
/// which strings must never be printed, and a one-way identity key for the token cache.
/// </summary>
internal sealed class LoginPlan
{
    private readonly Func<InfisicalClient, CancellationToken, Task<MachineIdentityCredential>>? _login;

    private LoginPlan(string method, string description, string? staticToken, string identityKey, IReadOnlyList<string?> sensitive, Func<InfisicalClient, CancellationToken, Task<MachineIdentityCredential>>? login)
    {
        Method = method;
        Description = description;
        StaticToken = staticToken;
        IdentityKey = identityKey;
        SensitiveValues = sensitive;
        _login = login;
    }

    /// <summary>The INFISICAL_AUTH_METHOD value in use, or <c>token</c>.</summary>
    public string Method { get; }

    /// <summary>Which method and variables are used, for logs (names only).</summary>
    public string Description { get; }

    /// <summary>An access token from the environment: used as it is, never cached, never renewed.</summary>
    public string? StaticToken { get; }

    /// <summary>Names the identity in the token cache without holding the credential: method, ids and a hash.</summary>
    public string IdentityKey { get; }

    /// <summary>The strings that must never appear in any message.</summary>
    public IReadOnlyList<string?> SensitiveValues { get; }

    /// <summary>Logs <paramref name="client"/> in; the client then holds the access token.</summary>
    public Task<MachineIdentityCredential> LoginAsync(InfisicalClient client, CancellationToken cancellationToken) =>
        _login == null ? throw new InvalidOperationException("A static token needs no login.") : _login(client, cancellationToken);

    public static LoginPlan WithToken(string token, string variable) =>
        new("token", "access token from " + variable, token, "token:" + Hash(token), new[] { token }, null);

    public static LoginPlan WithLogin(string method, string description, string identityKey, IReadOnlyList<string?> sensitive, Func<InfisicalClient, CancellationToken, Task<MachineIdentityCredential>> login) =>
        new(method, description, null, method + ":" + identityKey, sensitive, login);

    /// <summary>A short one-way fingerprint of a credential (only ever part of a cache key).</summary>
    public static string Hash(string value)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(value));
        return Convert.ToBase64String(hash, 0, 12).Replace('/', '_').Replace('+', '-');
    }
}
