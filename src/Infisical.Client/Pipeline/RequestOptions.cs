namespace Infisical.Client.Pipeline;

/// <summary>
/// How the pipeline treats one request, by name rather than by position: which retry rules apply and whether the
/// access token is attached. Logins, renewals and revocations carry no Authorization header (renew and revoke name
/// the token in their body).
/// </summary>
internal sealed record RequestOptions
{
    /// <summary>A read with the access token: retried on transient failures.</summary>
    public static readonly RequestOptions Read = new() { Kind = RequestKind.Read };

    /// <summary>A write with the access token: retried only when it provably never reached the server.</summary>
    public static readonly RequestOptions Write = new() { Kind = RequestKind.Write };

    /// <summary>A login body, no token: retried only on answers the server never processed.</summary>
    public static readonly RequestOptions Login = new() { Kind = RequestKind.Login, Authenticated = false };

    /// <summary>Decides the retry policy.</summary>
    public RequestKind Kind { get; init; } = RequestKind.Read;

    /// <summary>Whether the authentication policy attaches the current access token.</summary>
    public bool Authenticated { get; init; } = true;
}
