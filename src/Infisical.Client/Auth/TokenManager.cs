using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Json;
using Infisical.Client.Pipeline;
using Microsoft.Extensions.Logging;

namespace Infisical.Client.Auth;

/// <summary>
/// Owns the access token: logs in through an <see cref="ILoginMethod"/>, renews ahead of expiry (timed from
/// <c>expiresIn</c>, never the JWT <c>exp</c>, which older servers set to the max TTL), logs in again when renewal
/// is refused, and makes concurrent callers share one in-flight login or renewal.
/// </summary>
internal sealed class TokenManager : IAccessTokenSource
{
    private const string RenewPath = "/api/v1/auth/token/renew";
    private const string RevokePath = "/api/v1/auth/token/revoke";
    private static readonly TimeSpan RenewalBackoff = TimeSpan.FromSeconds(10);

    private readonly LoginChannel _channel;
    private readonly ILogger _logger;
    private readonly double _fraction;
    private readonly object _gate = new();
    private TokenState? _state;
    private ILoginMethod? _method;
    private Task<TokenState>? _inFlight;

    public TokenManager(LoginChannel channel, string? staticToken, double renewalFraction, ILogger logger)
    {
        _channel = channel;
        _logger = logger;
        _fraction = Math.Min(Math.Max(renewalFraction, 0.1), 1.0);
        if (!string.IsNullOrWhiteSpace(staticToken))
        {
            _state = TokenState.Static(staticToken!.Trim());
        }
    }

    /// <summary>The token requests carry right now, or null before any login.</summary>
    public string? CurrentToken => Volatile.Read(ref _state)?.AccessToken;

    /// <summary>True when a login method is known, so a rejected token can be replaced.</summary>
    public bool CanReauthenticate => Volatile.Read(ref _method) != null;

    /// <summary>Logs in now with <paramref name="method"/> and keeps it for later re-logins. Never retried.</summary>
    public async Task<MachineIdentityCredential> LoginAsync(ILoginMethod method, CancellationToken cancellationToken)
    {
        var credential = await method.LoginAsync(_channel, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _method = method;
            _state = TokenState.FromLogin(credential, Now, _fraction);
        }

        _logger.LogInformation(
            "Logged in to Infisical with {Method}; token valid for {ExpiresIn} s.", method.GetType().Name, credential.ExpiresIn);
        return credential;
    }

    /// <summary>Uses <paramref name="token"/> from now on; forgets any login method (the token cannot be re-obtained).</summary>
    public void SetToken(string token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("The access token is empty.", nameof(token));
        }

        lock (_gate)
        {
            _method = null;
            _state = TokenState.Static(token.Trim());
        }
    }

    /// <summary>The token to send, renewing or logging in first when due. Shared by concurrent callers.</summary>
    public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        UsableState() is { } state ? state.AccessTokenTask : GetAccessTokenSlowAsync(cancellationToken);

    /// <summary>The token's state (with its identity, see <see cref="TokenState.Identity"/>), renewing or logging in first when due.</summary>
    public Task<TokenState> GetStateAsync(CancellationToken cancellationToken) =>
        UsableState() is { } state ? state.AsTask : GetStateSlowAsync(cancellationToken);

    /// <summary>
    /// The current token when it can be sent as it is (not due for renewal), else null: the synchronous check that
    /// lets a cache hit answer without an await.
    /// </summary>
    public TokenState? UsableState()
    {
        var state = Volatile.Read(ref _state);
        return state != null && Now < state.RenewDueAt ? state : null;
    }

    private async Task<string> GetAccessTokenSlowAsync(CancellationToken cancellationToken) =>
        (await GetStateSlowAsync(cancellationToken).ConfigureAwait(false)).AccessToken;

    private async Task<TokenState> GetStateSlowAsync(CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _state);
        if (state == null)
        {
            if (!CanReauthenticate)
            {
                throw new InfisicalException(
                    "The Infisical client has no access token: call client.Auth.<method>.LoginAsync(...) first, "
                    + "or set InfisicalClientOptions.Token.");
            }

            return await RunShared(null, () => LoginWithKnownMethodAsync(), cancellationToken).ConfigureAwait(false);
        }

        if (Now >= state.RenewDueAt)
        {
            var current = state;
            return await RunShared(current, () => RefreshAsync(current), cancellationToken).ConfigureAwait(false);
        }

        return state;
    }

    /// <summary>
    /// Replaces a token the server rejected by logging in again, unless another caller already replaced it.
    /// </summary>
    public Task ReauthenticateAsync(string? rejectedToken, CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _state);
        if (state != null && rejectedToken != null && state.AccessToken != rejectedToken)
        {
            return Task.CompletedTask;
        }

        return RunShared(state, () => LoginWithKnownMethodAsync(), cancellationToken);
    }

    /// <summary>Renews the current token now (public <c>client.Auth.RenewTokenAsync</c>).</summary>
    public async Task<MachineIdentityCredential> RenewNowAsync(CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _state)
            ?? throw new InfisicalException("There is no access token to renew: log in first.");
        var credential = await SendRenewAsync(state.AccessToken, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (ReferenceEquals(_state, state))
            {
                _state = state.Renewed(credential, Now, _fraction);
            }
        }

        return credential;
    }

    /// <summary>Revokes the current token on the server and forgets it and the login method.</summary>
    public async Task RevokeAsync(CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _state)
            ?? throw new InfisicalException("There is no access token to revoke.");
        await _channel.Sender.SendAsync(TokenRequest(RevokePath, state.AccessToken), ClientJsonContext.Default.MessageResponse, cancellationToken)
            .ConfigureAwait(false);
        lock (_gate)
        {
            _state = null;
            _method = null;
        }
    }

    private DateTimeOffset Now => _channel.Time.GetUtcNow();

    private async Task<TokenState> RefreshAsync(TokenState current)
    {
        if (CanReauthenticate && current.RenewalWouldPassMaxTtl(Now))
        {
            _logger.LogInformation("The Infisical token is near its max TTL; logging in again instead of renewing.");
            return await LoginWithKnownMethodAsync().ConfigureAwait(false);
        }

        try
        {
            var credential = await SendRenewAsync(current.AccessToken, CancellationToken.None).ConfigureAwait(false);
            // Always adopt the returned token: current servers sign a new JWT, 2024 servers return the same one.
            return Publish(current.Renewed(credential, Now, _fraction));
        }
        catch (InfisicalApiException e) when (CanReauthenticate && IsRenewalRefused(e))
        {
            _logger.LogInformation(
                "Infisical refused to renew the token ({Status} {Error}); logging in again.", (int)e.StatusCode, e.Error);
            return await LoginWithKnownMethodAsync().ConfigureAwait(false);
        }
        catch (InfisicalException e) when (e is not InfisicalApiException && Now < current.ExpiresAt)
        {
            // The network failed but the token is still valid: keep using it and try again a little later.
            _logger.LogWarning("Renewing the Infisical token failed ({Reason}); keeping the current token for now.", e.Message);
            current.PostponeRenewal(Now + RenewalBackoff);
            return current;
        }
    }

    private static bool IsRenewalRefused(InfisicalApiException e) =>
        e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        // "Unable to renew because access token number of uses limit reached" (the row is gone too).
        || (e.StatusCode == HttpStatusCode.BadRequest && MentionsUsesLimit(e));

    private static bool MentionsUsesLimit(InfisicalApiException e)
    {
        foreach (var message in e.Messages)
        {
            if (message.IndexOf("uses limit", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<MachineIdentityCredential> SendRenewAsync(string token, CancellationToken cancellationToken)
    {
        var dto = await _channel.Sender.SendAsync(TokenRequest(RenewPath, token), ClientJsonContext.Default.AccessTokenResponse, cancellationToken)
            .ConfigureAwait(false);
        return dto.ToCredential(RenewPath);
    }

    // Renew and revoke name the token in the body, not the Authorization header.
    private static InfisicalRequest TokenRequest(string path, string token) =>
        new InfisicalRequest(HttpMethod.Post, path, new RequestOptions { Kind = RequestKind.Write, Authenticated = false })
            .WithJsonBody(new AccessTokenRequest { AccessToken = token }, ClientJsonContext.Default.AccessTokenRequest);

    private async Task<TokenState> LoginWithKnownMethodAsync()
    {
        var method = Volatile.Read(ref _method)
            ?? throw new InfisicalException("The access token was rejected and no login method is known to obtain a new one.");
        MachineIdentityCredential credential;
        try
        {
            credential = await method.LoginAsync(_channel, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InfisicalApiException e)
        {
            // The server judged the credentials and said no. Trying again on every later call would count towards
            // the identity's lockout, so automatic logins stop until the caller logs in explicitly.
            lock (_gate)
            {
                if (ReferenceEquals(_method, method))
                {
                    _method = null;
                }
            }

            _logger.LogWarning(
                "Automatic login to Infisical with {Method} was refused ({Status} {Error}); no further automatic logins.",
                method.GetType().Name, (int)e.StatusCode, e.Error);
            throw;
        }

        _logger.LogInformation("Logged in to Infisical again with {Method}.", method.GetType().Name);
        return Publish(TokenState.FromLogin(credential, Now, _fraction));
    }

    private TokenState Publish(TokenState state)
    {
        lock (_gate)
        {
            _state = state;
        }

        return state;
    }

    /// <summary>
    /// Runs <paramref name="operation"/> unless one is already running, in which case the caller joins it.
    /// The shared work is not tied to any one caller's cancellation token; each caller can still stop waiting.
    /// </summary>
    private Task<TokenState> RunShared(TokenState? seen, Func<Task<TokenState>> operation, CancellationToken cancellationToken)
    {
        Task<TokenState> task;
        lock (_gate)
        {
            if (_inFlight is { IsCompleted: false })
            {
                task = _inFlight;
            }
            else if (seen != null && !ReferenceEquals(_state, seen) && _state != null && Now < _state.RenewDueAt)
            {
                // Someone finished the same work between our check and the lock.
                task = Task.FromResult(_state);
            }
            else
            {
                task = _inFlight = Task.Run(operation);
            }
        }

        return WaitAsync(task, cancellationToken);
    }

    private static async Task<TokenState> WaitAsync(Task<TokenState> task, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || task.IsCompleted)
        {
            return await task.ConfigureAwait(false);
        }

        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
        {
            if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }

        return await task.ConfigureAwait(false);
    }
}
