using System.Text.Json;

namespace Infisical.LocalServer;

/// <summary>A machine identity. Every identity may read and write every project.</summary>
internal sealed class Identity
{
    /// <summary>Identity id (UUID): the seed's <c>id</c> or generated.</summary>
    public required string Id { get; init; }

    /// <summary>Display name (seed <c>name</c>, default <c>identity-N</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Universal Auth client id; null when the identity has no Universal Auth.</summary>
    public string? ClientId { get; init; }

    /// <summary>Universal Auth client secret.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>Access-token TTL in seconds (default 2592000, as the real server).</summary>
    public long AccessTokenTtl { get; init; } = 2592000;

    /// <summary>Access-token max TTL in seconds; 0 = none.</summary>
    public long AccessTokenMaxTtl { get; init; } = 2592000;

    /// <summary>Uses allowed per token; 0 = unlimited.</summary>
    public long AccessTokenNumUsesLimit { get; init; }

    /// <summary>
    /// The identity's seed object as written, so auth methods can read their own sections
    /// (e.g. <c>"awsAuth"</c>, <c>"oidcAuth"</c>) without this class knowing them.
    /// </summary>
    public JsonElement Raw { get; init; }

    /// <summary>Reads a section of the seed object, e.g. <c>TryGetSeedSection("awsAuth", out var aws)</c>.</summary>
    public bool TryGetSeedSection(string name, out JsonElement section)
    {
        if (Raw.ValueKind == JsonValueKind.Object && Raw.TryGetProperty(name, out section) && section.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        section = default;
        return false;
    }
}
