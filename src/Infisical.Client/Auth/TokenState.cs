using System;

namespace Infisical.Client.Auth;

/// <summary>The current token and the times that decide when to renew it or log in again.</summary>
internal sealed class TokenState
{
    // Lazily filled; a race only computes the same value twice.
    private string? _identity;
    private System.Threading.Tasks.Task<string>? _tokenTask;
    private System.Threading.Tasks.Task<TokenState>? _selfTask;

    private TokenState(string accessToken, DateTimeOffset loggedInAt, DateTimeOffset renewedAt, TimeSpan expiresIn, TimeSpan maxTtl, double renewalFraction)
    {
        AccessToken = accessToken;
        LoggedInAt = loggedInAt;
        RenewedAt = renewedAt;
        ExpiresIn = expiresIn;
        MaxTtl = maxTtl;
        RenewDueAt = expiresIn > TimeSpan.Zero
            ? renewedAt + TimeSpan.FromTicks((long)(expiresIn.Ticks * renewalFraction))
            : DateTimeOffset.MaxValue;
    }

    public string AccessToken { get; }

    /// <summary>Who the token speaks for, as read-cache keys name it (computed once per token, never the token itself).</summary>
    public string Identity => _identity ??= Caching.TokenIdentity.Describe(AccessToken);

    /// <summary>The token as a completed task, so the common case of "no renewal due" allocates nothing.</summary>
    public System.Threading.Tasks.Task<string> AccessTokenTask => _tokenTask ??= System.Threading.Tasks.Task.FromResult(AccessToken);

    /// <summary>This state as a completed task, for the same reason.</summary>
    public System.Threading.Tasks.Task<TokenState> AsTask => _selfTask ??= System.Threading.Tasks.Task.FromResult(this);

    public DateTimeOffset LoggedInAt { get; }

    public DateTimeOffset RenewedAt { get; }

    /// <summary>Zero when unknown or unlimited (a token given in the options).</summary>
    public TimeSpan ExpiresIn { get; }

    public TimeSpan MaxTtl { get; }

    /// <summary>When to renew; moved later after a failed renewal so one outage does not cause a request storm.</summary>
    public DateTimeOffset RenewDueAt { get; private set; }

    public DateTimeOffset ExpiresAt => ExpiresIn > TimeSpan.Zero ? RenewedAt + ExpiresIn : DateTimeOffset.MaxValue;

    public static TokenState Static(string token) =>
        new(token, DateTimeOffset.MinValue, DateTimeOffset.MinValue, TimeSpan.Zero, TimeSpan.Zero, 1);

    public static TokenState FromLogin(MachineIdentityCredential credential, DateTimeOffset now, double fraction) =>
        new(credential.AccessToken, now, now, TimeSpan.FromSeconds(credential.ExpiresIn), TimeSpan.FromSeconds(credential.AccessTokenMaxTtl), fraction);

    public TokenState Renewed(MachineIdentityCredential credential, DateTimeOffset now, double fraction) =>
        new(credential.AccessToken, LoggedInAt, now, TimeSpan.FromSeconds(credential.ExpiresIn), MaxTtl, fraction);

    /// <summary>
    /// The server refuses a renewal that would reach past login + maxTTL (and a 2024 server deletes the token when
    /// asked), so in that window a fresh login is the only way forward.
    /// </summary>
    public bool RenewalWouldPassMaxTtl(DateTimeOffset now) =>
        MaxTtl > TimeSpan.Zero && now + ExpiresIn > LoggedInAt + MaxTtl;

    public void PostponeRenewal(DateTimeOffset until) => RenewDueAt = until;
}
