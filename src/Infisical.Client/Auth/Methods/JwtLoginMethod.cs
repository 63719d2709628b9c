using System;
using System.Threading;
using System.Threading.Tasks;

namespace Infisical.Client.Auth.Methods;

/// <summary>
/// A login that posts <c>{identityId, jwt}</c> to one of the token-verifying routes (OIDC, JWT, Kubernetes, Azure,
/// GCP). The token comes from a source that is asked again at every login, so a re-login after expiry presents a
/// fresh token (a rotated service-account file, a new metadata token) rather than the stale one.
/// </summary>
internal sealed class JwtLoginMethod : ILoginMethod
{
    private readonly string _path;
    private readonly string _identityId;
    private readonly string _methodName;
    private readonly Func<CancellationToken, Task<string>> _tokenSource;

    public JwtLoginMethod(string methodName, string path, string identityId, Func<CancellationToken, Task<string>> tokenSource)
    {
        _methodName = methodName;
        _path = path;
        _identityId = identityId;
        _tokenSource = tokenSource;
    }

    public async Task<MachineIdentityCredential> LoginAsync(LoginChannel channel, CancellationToken cancellationToken)
    {
        var jwt = await _tokenSource(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(jwt))
        {
            throw new InfisicalException($"{_methodName} login: the token to present is empty.");
        }

        return await channel.LoginAsync(
            _path,
            new JwtLoginRequest { IdentityId = _identityId, Jwt = jwt.Trim() },
            AuthMethodsJsonContext.Default.JwtLoginRequest,
            cancellationToken).ConfigureAwait(false);
    }

    public override string ToString() => _methodName;
}

/// <summary>Argument checks shared by the login methods; messages name the argument and never echo a credential.</summary>
internal static class LoginArguments
{
    /// <summary>The identity id argument, else <c>INFISICAL_MACHINE_IDENTITY_ID</c> (the CLI's variable).</summary>
    public static string IdentityId(string? identityId, string methodName, params string[] extraEnvironmentVariables)
    {
        if (!string.IsNullOrWhiteSpace(identityId))
        {
            return identityId!.Trim();
        }

        foreach (var name in extraEnvironmentVariables)
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(name);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return fromEnvironment!.Trim();
            }
        }

        var fallback = Environment.GetEnvironmentVariable("INFISICAL_MACHINE_IDENTITY_ID");
        if (!string.IsNullOrWhiteSpace(fallback))
        {
            return fallback!.Trim();
        }

        var names = string.Join(", ", extraEnvironmentVariables);
        throw new ArgumentException(
            $"{methodName} login needs the machine identity id: pass it, or set "
            + (names.Length > 0 ? names + " or " : string.Empty) + "INFISICAL_MACHINE_IDENTITY_ID.",
            nameof(identityId));
    }

    public static string Required(string? value, string parameterName, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{what} is empty.", parameterName);
        }

        return value!;
    }
}
