using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Build.Core.Credentials;
using Infisical.Build.Core.Snapshots;
using Infisical.Client;

namespace Infisical.Build.Core.Fetching;

/// <summary>How a snapshot came back from the network.</summary>
internal enum FetchKind
{
    /// <summary>The server sent the folder's secrets.</summary>
    Fetched,

    /// <summary>The server answered 304 to the stored ETag: the stored secrets are current.</summary>
    Revalidated,
}

/// <summary>The network step: one conditional list per source, logging in only when no cached token lives.</summary>
internal sealed class SnapshotFetcher
{
    private const string HiddenMarker = "<hidden-by-infisical>";
    private readonly LoginPlan _plan;
    private readonly TokenCache _tokens;
    private readonly TimeSpan _timeout;
    private readonly Redactor _redactor;
    private readonly bool _allowInsecureHttp;

    public SnapshotFetcher(LoginPlan plan, TokenCache tokens, TimeSpan timeout, Redactor redactor, bool allowInsecureHttp = false)
    {
        _allowInsecureHttp = allowInsecureHttp;
        _plan = plan;
        _tokens = tokens;
        _timeout = timeout;
        _redactor = redactor;
        _redactor.AddRange(plan.SensitiveValues);
    }

    /// <summary>Set when this fetch logged in (rather than reusing a token), for the log line.</summary>
    public bool LoggedIn { get; private set; }

    /// <summary>Non-fatal findings (an existing but empty folder), as coded warnings.</summary>
    public List<BuildProblem> Warnings { get; } = new();

    public Task<(SecretSnapshot Snapshot, FetchKind Kind)> FetchAsync(SourceSpec source, SecretSnapshot? previous, CancellationToken cancellationToken) =>
        UseClientAsync(source, "list secrets", (client, ct) => ListAsync(source, client, previous, ct), cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> with a client logged in for <paramref name="source"/>'s host (a cached token
    /// when one lives, else a login), logs in once more if the server rejects a cached token, and maps every
    /// failure to a coded build error naming <paramref name="stage"/>.
    /// </summary>
    public async Task<T> UseClientAsync<T>(SourceSpec source, string stage, Func<InfisicalClient, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        var current = "log in";
        try
        {
            var (token, fromCache) = await GetTokenAsync(source, timeout.Token).ConfigureAwait(false);
            current = stage;
            try
            {
                using var client = new InfisicalClient(Options(source.Host, token));
                return await action(client, timeout.Token).ConfigureAwait(false);
            }
            catch (InfisicalApiException ex) when (fromCache && (ex.IsTokenError || (int)ex.StatusCode == 401))
            {
                // A cached token revoked or expired early on the server: forget it and log in once more.
                _tokens.Forget(source.Host, _plan.IdentityKey);
                current = "log in";
                token = await LoginAsync(source, timeout.Token).ConfigureAwait(false);
                current = stage;
                using var client = new InfisicalClient(Options(source.Host, token));
                return await action(client, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (InfisicalBuildException)
        {
            throw;
        }
        catch (InfisicalApiException ex)
        {
            throw ApiFailures.FromApiError(ex, current, source, _plan.Description);
        }
        catch (InfisicalTimeoutException)
        {
            throw ApiFailures.TimedOut(source, _timeout);
        }
        catch (InfisicalInsecureTransportException)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.InsecureHost,
                $"The Infisical host {source.Host} uses plain http to another machine; nothing was sent. Use https, or set InfisicalAllowInsecureHttp=true if the network path is trusted.");
        }
        catch (InfisicalRedirectException ex)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.RedirectRefused,
                $"{source.Host} redirected the '{current}' request to {ex.TargetOrigin}; credentials are never sent to another origin. Set InfisicalHost to the server's real address.");
        }
        catch (InfisicalResponseException ex)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.UnexpectedAnswer,
                $"Infisical at {source.Host} gave an unusable answer to '{current}' for {source.Describe()}: {ex.Message.TrimEnd('.')}. The previous files are kept; check the server and any proxy in front of it.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ApiFailures.TimedOut(source, _timeout);
        }
        catch (InfisicalException ex)
        {
            throw ApiFailures.Unreachable(source, current, ex);
        }
    }

    private async Task<(string Token, bool FromCache)> GetTokenAsync(SourceSpec source, CancellationToken cancellationToken)
    {
        if (_plan.StaticToken != null)
        {
            return (_plan.StaticToken, false);
        }

        var fromCache = false;
        var token = await _tokens.WithLockAsync(source.Host, _plan.IdentityKey, async cached =>
        {
            if (cached != null)
            {
                fromCache = true;
                return cached;
            }

            return await LoginUnlockedAsync(source, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        _redactor.AddRange(new[] { token });
        return (token, fromCache);
    }

    private Task<string> LoginAsync(SourceSpec source, CancellationToken cancellationToken) =>
        _tokens.WithLockAsync(source.Host, _plan.IdentityKey, _ => LoginUnlockedAsync(source, cancellationToken), cancellationToken);

    private async Task<string> LoginUnlockedAsync(SourceSpec source, CancellationToken cancellationToken)
    {
        using var client = new InfisicalClient(Options(source.Host, token: null));
        var credential = await _plan.LoginAsync(client, cancellationToken).ConfigureAwait(false);
        LoggedIn = true;

        // Registered before anything else can echo it (a proxy repeating the Authorization header, say).
        _redactor.AddRange(new[] { credential.AccessToken });
        _tokens.Store(source.Host, _plan.IdentityKey, credential.AccessToken, TimeSpan.FromSeconds(credential.ExpiresIn));
        return credential.AccessToken;
    }

    private async Task<(SecretSnapshot, FetchKind)> ListAsync(SourceSpec source, InfisicalClient client, SecretSnapshot? previous, CancellationToken cancellationToken)
    {
        var answer = await client.Secrets.ListIfChangedAsync(
            new ListSecretsOptions
            {
                ProjectId = source.ProjectId,
                ProjectSlug = source.ProjectSlug,
                EnvironmentSlug = source.Environment,
                SecretPath = source.SecretPath,
                Recursive = source.Recursive,
                IncludeImports = source.IncludeImports,
                ExpandSecretReferences = source.ExpandSecretReferences,
                ViewSecretValue = true,
                TagSlugs = source.TagSlugs?.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).ToArray(),
            },
            previous?.ETag,
            cancellationToken).ConfigureAwait(false);

        var now = DateTimeOffset.UtcNow;
        if (answer.NotModified && previous != null)
        {
            return (previous.ConfirmedAt(now, answer.ETag), FetchKind.Revalidated);
        }

        var response = answer.Response!;
        var secrets = Convert(response.Secrets, source);
        if (secrets.Count == 0 && response.Imports.Count == 0)
        {
            // An unknown environment or folder also answers an empty list: tell those apart from a real empty folder.
            Warnings.Add(await new SourceVerifier(client).ExplainEmptyAsync(source, cancellationToken).ConfigureAwait(false));
        }

        return (new SecretSnapshot(source, now, answer.ETag, secrets), FetchKind.Fetched);
    }

    private List<FetchedSecret> Convert(IEnumerable<BaseSecret> secrets, SourceSpec source)
    {
        var result = new List<FetchedSecret>();
        foreach (var secret in secrets)
        {
            var path = string.IsNullOrEmpty(secret.SecretPath) ? source.SecretPath : secret.SecretPath!;
            if (secret.SecretValueHidden == true || (secret.SecretValueHidden == null && secret.SecretValue == HiddenMarker))
            {
                throw new InfisicalBuildException(
                    InfisicalBuildErrors.ValueHidden,
                    $"Infisical hid the value of secret '{secret.SecretKey}' (in {path}): the machine identity may list it but not read its value. Grant it read access to secret values in environment '{source.Environment}'.");
            }

            if (secret.SecretValue == null)
            {
                throw new InfisicalBuildException(
                    InfisicalBuildErrors.UnexpectedAnswer,
                    $"Infisical answered secret '{secret.SecretKey}' (in {path}) without a value. The previous files are kept; check the server version and the identity's permissions.");
            }

            _redactor.AddRange(new[] { secret.SecretValue });
            result.Add(new FetchedSecret(secret.SecretKey, path, secret.SecretValue));
        }

        return result;
    }

    private InfisicalClientOptions Options(string host, string? token) => new()
    {
        Host = host,
        Token = token,

        // The store is the build's cache; the client's in-memory one would only hide a conditional request.
        CacheTtl = null,

        // A build should fail fast and clearly rather than sit in long back-offs.
        MaxRetries = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(500),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
        Timeout = _timeout,

        // The build checked the transport rule itself (TransportRule, INFB047) before anything was sent.
        AllowInsecureHttp = _allowInsecureHttp,
    };
}
