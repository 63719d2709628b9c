using System;
using System.Collections.Generic;

namespace Infisical.Client;

/// <summary>
/// Decides whether an error answer means "the token is no good" (so a fresh login may fix it) as opposed to
/// "you may not do this" (which a new token of the same identity would not fix).
/// </summary>
internal static class ErrorClassifier
{
    public static bool IsTokenFailure(int status, string? error, IReadOnlyList<string> messages)
    {
        switch (status)
        {
            case 401:
                // Current servers: revoked token, TTL expired in the DB, token missing.
                return true;
            case 403:
                // Current servers: expired or malformed JWT. 2024 servers: "UnauthorizedError" for a revoked or
                // deleted token (whose text names no token) and "Unauthorized access" for a missing one; they label
                // permission denials "PermissionDenied", so the label decides (docs/infisical-api-notes.md).
                if (IsOneOf(error, "TokenError", "UnauthorizedError", "Unauthorized access"))
                {
                    return true;
                }

                // Other 2024 auth failures carry only text; a permission denial or validation failure never counts.
                return !IsOneOf(error, "PermissionDenied", "ValidationFailure")
                    && MentionsAny(messages, "token", "jwt", "re-authenticate");
            case 500:
                // 2024 servers surface jsonwebtoken's errors ("jwt malformed", "invalid signature", "jwt expired") as 500.
                return MentionsAny(messages, "jwt", "invalid signature", "token");
            default:
                return false;
        }
    }

    private static bool IsOneOf(string? error, params string[] labels)
    {
        foreach (var label in labels)
        {
            if (string.Equals(error, label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MentionsAny(IReadOnlyList<string> messages, params string[] needles)
    {
        foreach (var m in messages)
        {
            var lower = m.ToLowerInvariant();
            foreach (var needle in needles)
            {
                if (lower.Contains(needle))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
