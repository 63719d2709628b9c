using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infisical.LocalServer;

/// <summary>
/// Issues, validates, renews and revokes machine-identity access tokens (docs/infisical-api-notes.md, "Authentication" and "Token lifecycle"). Every login method
/// calls <see cref="Issue"/>; every authenticated route goes through <see cref="Authenticate"/> (via <see cref="AuthContext"/>).
/// </summary>
internal sealed class TokenService
{
    /// <summary>The <c>authTokenType</c> claim of machine-identity tokens.</summary>
    public const string IdentityAccessTokenType = "identityAccessToken";

    private readonly ServerState state;
    private readonly HmacJwt jwt;
    private readonly ApiErrors errors;

    /// <summary>Creates the service.</summary>
    public TokenService(ServerState state, HmacJwt jwt, ApiErrors errors)
    {
        this.state = state;
        this.jwt = jwt;
        this.errors = errors;
    }

    private bool IsLegacy => errors.IsLegacy;

    /// <summary>
    /// Issues a token for an identity and returns the login body <c>{accessToken, expiresIn, accessTokenMaxTTL, tokenType}</c>.
    /// <paramref name="extraClaims"/> are added to the JWT (e.g. <c>clientSecretId</c>, <c>identityAuth</c>).
    /// </summary>
    public JsonResponse Issue(Identity identity, string authMethod, long ttl, long maxTtl, long numUsesLimit, IReadOnlyDictionary<string, JsonNode?>? extraClaims = null)
    {
        var record = new AccessTokenRecord
        {
            Id = ServerState.NewId(),
            IdentityId = identity.Id,
            AuthMethod = authMethod,
            Ttl = ttl,
            MaxTtl = maxTtl,
            NumUsesLimit = numUsesLimit,
            CreatedAt = state.Clock.UtcNow,
        };
        var claims = new JsonObject
        {
            ["identityId"] = identity.Id,
            ["identityAccessTokenId"] = record.Id,
            ["authTokenType"] = IdentityAccessTokenType,
        };
        if (extraClaims != null)
        {
            foreach (var pair in extraClaims)
            {
                claims[pair.Key] = pair.Value?.DeepClone();
            }
        }

        // The 2024 server put the max TTL into exp; current servers use the TTL (docs/infisical-api-notes.md, "Access tokens").
        record.Jwt = jwt.Sign(claims, IsLegacy ? maxTtl : ttl);
        state.AddToken(record);
        return LoginBody(record.Jwt, ttl, maxTtl);
    }

    /// <summary>The login/renew response body.</summary>
    public static JsonResponse LoginBody(string accessToken, long expiresIn, long maxTtl) => JsonResponse.Ok(new JsonObject
    {
        ["accessToken"] = accessToken,
        ["expiresIn"] = expiresIn,
        ["accessTokenMaxTTL"] = maxTtl,
        ["tokenType"] = "Bearer",
    });

    /// <summary>
    /// Resolves the caller from an <c>Authorization</c> header value, counting one use of the token.
    /// Like the real server, the first 7 characters are dropped without checking that they say "Bearer ".
    /// </summary>
    public AuthOutcome Authenticate(string? authorizationHeader)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return AuthOutcome.Fail(errors.TokenMissing());
        }

        var token = authorizationHeader.Length > 7 ? authorizationHeader[7..] : string.Empty;
        if (token.StartsWith("st.", System.StringComparison.Ordinal))
        {
            // No service tokens exist here; the real server rejects unknown ones as unauthorized.
            return AuthOutcome.Fail(errors.Unauthorized("Invalid service token"));
        }

        var (claims, invalid) = VerifyIdentityToken(token, () => errors.Unauthorized("Invalid token type"));
        if (invalid != null)
        {
            return AuthOutcome.Fail(invalid);
        }

        lock (state.SyncRoot)
        {
            // A call names a missing row differently from renew and revoke in 2024 mode (docs/infisical-api-notes.md).
            var (record, missing) = FindLiveRecord(claims!);
            if (missing != null)
            {
                return AuthOutcome.Fail(errors.TokenNotFound());
            }

            var expired = CheckUsesAndTtl(record!);
            if (expired != null)
            {
                return AuthOutcome.Fail(expired);
            }

            var identity = state.FindIdentity(record!.IdentityId);
            if (identity == null)
            {
                return AuthOutcome.Fail(errors.BadRequest("Identity does not belong to any organization"));
            }

            record.NumUses++;
            return new AuthOutcome(identity, record, null);
        }
    }

    /// <summary>Handles <c>POST /api/v1/auth/token/renew</c> for a token string.</summary>
    public JsonResponse Renew(string accessToken)
    {
        var (claims, invalid) = VerifyIdentityToken(accessToken, () => errors.BadRequest("Only identity access tokens can be renewed"));
        if (invalid != null)
        {
            return invalid;
        }

        lock (state.SyncRoot)
        {
            var (record, missing) = FindLiveRecord(claims!);
            if (missing != null)
            {
                return missing;
            }

            var expired = CheckUsesAndTtl(record!);
            if (expired != null)
            {
                return expired;
            }

            var now = state.Clock.UtcNow;
            if (record!.MaxTtl > 0)
            {
                var maxExpiry = record.CreatedAt.AddSeconds(record.MaxTtl);
                if (now > maxExpiry)
                {
                    state.RemoveToken(record.Id);
                    return errors.Unauthorized("Failed to renew MI access token due to Max TTL expiration");
                }

                if (now.AddSeconds(record.Ttl) > maxExpiry)
                {
                    state.RemoveToken(record.Id);
                    return errors.Unauthorized("Failed to renew MI access token past its Max TTL expiration");
                }
            }

            record.LastRenewedAt = now;
            if (!IsLegacy)
            {
                // Current servers sign a fresh JWT (new exp); the 2024 server handed back the same string.
                var fresh = (JsonObject)claims!.DeepClone();
                fresh.Remove("iat");
                fresh.Remove("exp");
                record.Jwt = jwt.Sign(fresh, record.Ttl);
            }

            return LoginBody(record.Jwt, record.Ttl, record.MaxTtl);
        }
    }

    /// <summary>Handles <c>POST /api/v1/auth/token/revoke</c> for a token string.</summary>
    public JsonResponse Revoke(string accessToken)
    {
        var (claims, invalid) = VerifyIdentityToken(accessToken, () => errors.Unauthorized("Only identity access tokens can be revoked"));
        if (invalid != null)
        {
            return invalid;
        }

        lock (state.SyncRoot)
        {
            var (record, missing) = FindLiveRecord(claims!);
            if (missing != null)
            {
                return missing;
            }

            record!.IsRevoked = true;
        }

        return JsonResponse.Ok(new JsonObject { ["message"] = "Successfully revoked access token" });
    }

    // Signature and token-type checks shared by authenticate, renew and revoke; each answers a JWT of another
    // type differently, so the caller supplies that answer.
    private (JsonObject? Claims, JsonResponse? Error) VerifyIdentityToken(string token, System.Func<JsonResponse> wrongType)
    {
        var (claims, failure) = jwt.Verify(token);
        if (failure != null)
        {
            return (null, errors.InvalidJwt(failure.Value));
        }

        return Claim(claims!, "authTokenType") == IdentityAccessTokenType ? (claims, null) : (null, wrongType());
    }

    // The token row the claims name (call under the lock); a revoked row answers like a missing one.
    private (AccessTokenRecord? Record, JsonResponse? Error) FindLiveRecord(JsonObject claims)
    {
        var record = state.FindToken(Claim(claims, "identityAccessTokenId"));
        return record == null || record.IsRevoked ? (null, errors.Unauthorized("No identity access token found")) : (record, null);
    }

    // Use-limit and TTL checks shared by every request and by renew; both delete the row when they fail.
    private JsonResponse? CheckUsesAndTtl(AccessTokenRecord record)
    {
        if (record.NumUsesLimit > 0 && record.NumUses > 0 && record.NumUses >= record.NumUsesLimit)
        {
            state.RemoveToken(record.Id);
            return errors.BadRequest("Unable to renew because access token number of uses limit reached");
        }

        if (record.Ttl > 0 && state.Clock.UtcNow > (record.LastRenewedAt ?? record.CreatedAt).AddSeconds(record.Ttl))
        {
            state.RemoveToken(record.Id);
            return errors.Unauthorized("Failed to renew MI access token due to TTL expiration");
        }

        return null;
    }

    private static string? Claim(JsonObject claims, string name) =>
        claims[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}

/// <summary>Result of authenticating a request: the identity and token row, or the error to answer.</summary>
internal sealed record AuthOutcome(Identity? Identity, AccessTokenRecord? Token, JsonResponse? Error)
{
    /// <summary>A failed outcome.</summary>
    public static AuthOutcome Fail(JsonResponse error) => new(null, null, error);
}
