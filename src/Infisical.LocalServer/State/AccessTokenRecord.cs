using System;

namespace Infisical.LocalServer;

/// <summary>The server-side row of an issued access token (docs/infisical-api-notes.md, "Token lifecycle").</summary>
internal sealed class AccessTokenRecord
{
    /// <summary>Token row id (<c>identityAccessTokenId</c> claim).</summary>
    public required string Id { get; init; }

    /// <summary>Owner.</summary>
    public required string IdentityId { get; init; }

    /// <summary>Auth method that issued it, e.g. <c>universal-auth</c>.</summary>
    public required string AuthMethod { get; init; }

    /// <summary>TTL in seconds; 0 = no expiry.</summary>
    public long Ttl { get; init; }

    /// <summary>Max TTL in seconds; 0 = none.</summary>
    public long MaxTtl { get; init; }

    /// <summary>Uses allowed; 0 = unlimited.</summary>
    public long NumUsesLimit { get; init; }

    /// <summary>Authenticated requests made so far.</summary>
    public long NumUses { get; set; }

    /// <summary>Creation time (server clock).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last renewal, if any.</summary>
    public DateTimeOffset? LastRenewedAt { get; set; }

    /// <summary>Set by revoke.</summary>
    public bool IsRevoked { get; set; }

    /// <summary>The JWT last handed out (2024 renew returns it again).</summary>
    public string Jwt { get; set; } = string.Empty;
}
