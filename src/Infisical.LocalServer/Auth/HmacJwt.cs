using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infisical.LocalServer;

/// <summary>
/// HS256 JWTs signed with a random per-server secret (the real server's <c>AUTH_SECRET</c>). Verification reports
/// failures the way the jsonwebtoken library classifies them, because the real server's error depends on it.
/// </summary>
internal sealed class HmacJwt
{
    private readonly byte[] secret = RandomNumberGenerator.GetBytes(32);
    private readonly ServerClock clock;

    /// <summary>Creates a signer on the server clock.</summary>
    public HmacJwt(ServerClock clock) => this.clock = clock;

    /// <summary>Signs claims; adds <c>iat</c>, and <c>exp</c> = now + <paramref name="expiresInSeconds"/> when that is above 0.</summary>
    public string Sign(JsonObject claims, long expiresInSeconds)
    {
        var payload = (JsonObject)claims.DeepClone();
        var now = clock.UtcNow.ToUnixTimeSeconds();
        payload["iat"] = now;
        if (expiresInSeconds > 0)
        {
            payload["exp"] = now + expiresInSeconds;
        }

        var header = Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        var body = Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signingInput = header + "." + body;
        return signingInput + "." + Base64Url(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>Verifies a token; returns its claims or the reason it failed.</summary>
    public (JsonObject? Claims, JwtFailure? Failure) Verify(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, JwtFailure.Missing);
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return (null, JwtFailure.Malformed);
        }

        JsonObject? header;
        JsonObject? claims;
        try
        {
            header = JsonNode.Parse(FromBase64Url(parts[0])) as JsonObject;
            claims = JsonNode.Parse(FromBase64Url(parts[1])) as JsonObject;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return (null, JwtFailure.InvalidToken);
        }

        if (header == null || claims == null)
        {
            return (null, JwtFailure.InvalidToken);
        }

        if (header["alg"]?.GetValueKind() != JsonValueKind.String || header["alg"]!.GetValue<string>() != "HS256")
        {
            return (null, JwtFailure.InvalidAlgorithm);
        }

        var expected = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        byte[] actual;
        try
        {
            actual = FromBase64Url(parts[2]);
        }
        catch (FormatException)
        {
            return (null, JwtFailure.InvalidSignature);
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return (null, JwtFailure.InvalidSignature);
        }

        if (claims["exp"] is JsonValue exp && exp.GetValueKind() == JsonValueKind.Number &&
            clock.UtcNow.ToUnixTimeSeconds() >= exp.GetValue<long>())
        {
            return (null, JwtFailure.Expired);
        }

        return (claims, null);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return Convert.FromBase64String(s);
    }
}
