using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Infisical.LocalServer;

/// <summary>
/// Turns the token a login presents into its claims, using what the identity's seed section configures:
/// <list type="bullet">
/// <item><c>"tokens": {"&lt;token&gt;": {claims}}</c> — the verdict the cloud (TokenReview, Azure AD, Google) would give
/// for known tokens; any other token is refused.</item>
/// <item><c>"jwks": {...}</c> or <c>"publicKeysPem": [...]</c> — a real JWT signature check (RS*/PS*/ES*) plus
/// <c>exp</c>/<c>nbf</c> against the server clock.</item>
/// </list>
/// </summary>
internal static class SeededTokenVerifier
{
    /// <summary>Why a token was refused.</summary>
    internal enum Failure
    {
        None,
        Unknown,
        Malformed,
        BadSignature,
        Expired,
        NotConfigured,
    }

    public static async System.Threading.Tasks.Task<(JsonObject? Claims, Failure Failure)> VerifyAsync(JsonElement section, string token, DateTimeOffset now)
    {
        if (section.TryGetProperty("tokens", out var tokens) && tokens.ValueKind == JsonValueKind.Object)
        {
            return tokens.TryGetProperty(token, out var claims) && claims.ValueKind == JsonValueKind.Object
                ? (JsonNode.Parse(claims.GetRawText())!.AsObject(), Failure.None)
                : (null, Failure.Unknown);
        }

        var keys = SigningKeys(section);
        if (keys.Count == 0)
        {
            return (null, Failure.NotConfigured);
        }

        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token))
        {
            return (null, Failure.Malformed);
        }

        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        };
        var result = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, result.Exception is SecurityTokenMalformedException ? Failure.Malformed : Failure.BadSignature);
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload))!.AsObject();
        var seconds = now.ToUnixTimeSeconds();
        if ((payload["exp"] is JsonValue exp && exp.TryGetValue<long>(out var e) && seconds >= e)
            || (payload["nbf"] is JsonValue nbf && nbf.TryGetValue<long>(out var n) && seconds < n))
        {
            return (null, Failure.Expired);
        }

        return (payload, Failure.None);
    }

    private static List<SecurityKey> SigningKeys(JsonElement section)
    {
        var keys = new List<SecurityKey>();
        if (section.TryGetProperty("jwks", out var jwks) && jwks.ValueKind == JsonValueKind.Object)
        {
            keys.AddRange(new JsonWebKeySet(jwks.GetRawText()).GetSigningKeys());
        }

        if (section.TryGetProperty("publicKeysPem", out var pems) && pems.ValueKind == JsonValueKind.Array)
        {
            foreach (var pem in pems.EnumerateArray().Select(p => p.GetString()).Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                keys.Add(FromPem(pem!));
            }
        }

        return keys;
    }

    private static SecurityKey FromPem(string pem)
    {
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(pem);
            return new ECDsaSecurityKey(ecdsa);
        }
    }
}

/// <summary>Claim checks shared by the token-verifying logins (comma lists, <c>*</c> globs, string-or-array claims).</summary>
internal static class ClaimRules
{
    /// <summary>The configured values of a seed field given as a comma list or a JSON array; empty when absent.</summary>
    public static List<string> List(JsonElement section, string name)
    {
        if (!section.TryGetProperty(name, out var value))
        {
            return new List<string>();
        }

        IEnumerable<string?> raw = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()),
            JsonValueKind.String => value.GetString()!.Split(','),
            _ => Array.Empty<string>(),
        };
        return raw.Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
    }

    /// <summary>A string field of the seed section.</summary>
    public static string? Text(JsonElement section, string name) =>
        section.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The values of a claim (a string, or every string in an array).</summary>
    public static List<string> ClaimValues(JsonObject claims, string name) => claims[name] switch
    {
        JsonArray array => array.Select(v => v?.ToString() ?? string.Empty).ToList(),
        JsonValue value => new List<string> { value.ToString() },
        _ => new List<string>(),
    };

    /// <summary>Glob match where <c>*</c> stands for any run of characters.</summary>
    public static bool Glob(string pattern, string value)
    {
        var regex = "^" + string.Join(".*", pattern.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(value, regex);
    }

    /// <summary>True when nothing is configured, or some claim value matches some allowed pattern.</summary>
    public static bool Allowed(IReadOnlyCollection<string> allowed, IEnumerable<string> values) =>
        allowed.Count == 0 || values.Any(v => allowed.Any(a => Glob(a, v)));
}
