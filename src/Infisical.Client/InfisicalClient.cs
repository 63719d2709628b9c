using System;
using Infisical.Client.Auth;
using Infisical.Client.Http;
using Infisical.Client.Kms;
using Infisical.Client.Secrets;

namespace Infisical.Client;

/// <summary>
/// Entry point: <c>new InfisicalClient(new InfisicalClientOptions { Host = ... })</c>, then log in through
/// <see cref="Auth"/> (or pass <see cref="InfisicalClientOptions.Token"/>) and use <see cref="Secrets"/> and <see cref="Kms"/>.
/// Thread-safe; create one per host and identity and reuse it.
/// </summary>
public sealed class InfisicalClient : IDisposable
{
    private readonly InfisicalConnection _connection;

    /// <summary>Creates a client with default options (https://app.infisical.com, 60 s cache).</summary>
    public InfisicalClient()
        : this(new InfisicalClientOptions())
    {
    }

    /// <summary>Creates a client. The options are copied; later changes to them have no effect.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public InfisicalClient(InfisicalClientOptions options)
    {
        if (options == null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var copy = options.Clone();
        OptionsValidator.Validate(copy);
        _connection = new InfisicalConnection(copy);
        Auth = new AuthClient(_connection);
        Secrets = new SecretsClient(_connection);
        Kms = new KmsClient(_connection);
        Projects = new Projects.ProjectsClient(_connection);
    }

    /// <summary>The normalized host every request goes to, e.g. <c>https://app.infisical.com</c>.</summary>
    public string Host => _connection.Host;

    /// <summary>Login methods and token operations.</summary>
    public AuthClient Auth { get; }

    /// <summary>Secrets: list, get, create, update, delete (cached reads).</summary>
    public SecretsClient Secrets { get; }

    /// <summary>KMS keys: encrypt, decrypt, sign, verify and key management.</summary>
    public KmsClient Kms { get; }

    /// <summary>Project facts: environments and folders.</summary>
    public Projects.ProjectsClient Projects { get; }

    internal InfisicalConnection Connection => _connection;

    /// <summary>Releases the HttpClient the client created itself (a caller-provided one is left alone) and the cache.</summary>
    public void Dispose()
    {
        Secrets.Dispose();
        _connection.Dispose();
    }
}
