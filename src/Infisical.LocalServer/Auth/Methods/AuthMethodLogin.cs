using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Infisical.LocalServer;

/// <summary>
/// Steps every non-universal login shares: body validation, finding the identity's seed section for the method
/// (404 "… auth method not found for identity …" when absent, as the real server answers for unknown identities
/// too), and issuing the token with the section's TTL overrides.
/// </summary>
internal static class AuthMethodLogin
{
    /// <summary>What a login handler works with once the common checks pass.</summary>
    internal sealed record Start(Identity Identity, JsonElement Section, JsonObject Body, ApiErrors Errors, Dictionary<string, string> Fields);

    /// <summary>Reads the body, checks the required string fields and resolves the identity and its section.</summary>
    public static async Task<(Start? Start, IResult? Error)> BeginAsync(
        HttpContext http, ServerState state, string sectionName, string displayName, bool identityIdIsUuid, params string[] requiredFields)
    {
        var (body, bodyError) = await RequestBody.ReadAsync(http);
        if (bodyError != null)
        {
            return (null, bodyError);
        }

        var errors = ApiErrors.From(http);
        var input = new InputReader(errors.Compatibility);
        var identityId = input.String(body!, "identityId", required: true);
        if (identityIdIsUuid && identityId != null && !Guid.TryParse(identityId, out _))
        {
            input.Add(ZodIssues.InvalidUuid(errors.Compatibility, "identityId"));
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in requiredFields)
        {
            // Passwords are compared as typed; every other field is trimmed like the routes' zod schemas do.
            var value = input.String(body!, name, required: true, trim: name != "password");
            if (value != null && value.Length == 0)
            {
                input.Add(ZodIssues.TooSmall(errors.Compatibility, new[] { name }, 1));
            }
            else if (value != null)
            {
                fields[name] = value;
            }
        }

        if (input.HasIssues)
        {
            return (null, errors.Validation(input.Issues));
        }

        var (identity, section, notFound) = FindMethod(state, errors, identityId, sectionName, displayName);
        return notFound != null ? (null, notFound) : (new Start(identity!, section, body!, errors, fields), null);
    }

    /// <summary>The identity and its seed section for a method, or the 404 the real server gives when either is missing.</summary>
    public static (Identity? Identity, JsonElement Section, JsonResponse? Error) FindMethod(
        ServerState state, ApiErrors errors, string? identityId, string sectionName, string displayName)
    {
        var identity = state.FindIdentity(identityId);
        if (identity == null || !identity.TryGetSeedSection(sectionName, out var section) || section.ValueKind != JsonValueKind.Object)
        {
            return (null, default, errors.NotFound($"{displayName} auth method not found for identity, did you configure {displayName} auth?"));
        }

        return (identity, section, null);
    }

    /// <summary>Issues the access token; the section may override the identity's TTLs and use limit.</summary>
    public static IResult Issue(TokenService tokens, Start start, string authMethod, JsonObject identityAuth)
    {
        long Number(string name, long fallback) =>
            start.Section.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : fallback;

        var identity = start.Identity;
        return tokens.Issue(
            identity,
            authMethod,
            Number("accessTokenTTL", identity.AccessTokenTtl),
            Number("accessTokenMaxTTL", identity.AccessTokenMaxTtl),
            Number("accessTokenNumUsesLimit", identity.AccessTokenNumUsesLimit),
            new Dictionary<string, JsonNode?> { ["identityAuth"] = identityAuth });
    }
}
