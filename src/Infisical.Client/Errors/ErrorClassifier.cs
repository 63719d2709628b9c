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
                if (string.Equals(error, "TokenError", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                // 2024 servers answer 403 for every auth failure; a permission denial never mentions the token.
                return !string.Equals(error, "PermissionDenied", StringComparison.OrdinalIgnoreCase)
                    && MentionsAny(messages, "token", "jwt", "re-authenticate");
            case 500:
                // 2024 servers surface jsonwebtoken's errors ("jwt malformed", "invalid signature", "jwt expired") as 500.
                return MentionsAny(messages, "jwt", "invalid signature", "token");
            default:
                return false;
        }
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
