using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Infisical.Client.Caching;

/// <summary>
/// A stable name for "who is asking", used in cache keys so identities never share entries. Machine-identity JWTs
/// are named by their <c>identityId</c> claim (it survives renewals, which mint new JWTs); anything else by a hash.
/// The token itself is never stored.
/// </summary>
internal static class TokenIdentity
{
    public static string Describe(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return "anonymous";
        }

        var identityId = TryReadIdentityId(token!);
        return identityId != null ? "identity:" + identityId : "token:" + Hash(token!);
    }

    private static string? TryReadIdentityId(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var doc = JsonDocument.Parse(Convert.FromBase64String(payload));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("identityId", out var id)
                && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Hash(string token)
    {
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(token));
        var sb = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            sb.Append(digest[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
