using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>
/// LDAP login (docs/infisical-api-notes.md, "LDAP login"). The directory is the identity's seed: <c>"ldapAuth": {"users": [{"username", "password"}]}</c>.
/// </summary>
internal sealed class LdapLoginEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/auth/ldap-auth/login", async (HttpContext http, ServerState state, TokenService tokens) =>
        {
            var (start, error) = await AuthMethodLogin.BeginAsync(http, state, "ldapAuth", "LDAP", true, "username", "password");
            if (error != null)
            {
                return error;
            }

            var username = start!.Fields["username"];
            var password = start.Fields["password"];
            var match = Users(start.Section).FirstOrDefault(u => u.Username == username && SameSecret(u.Password, password));
            if (match == default)
            {
                return start.Errors.Unauthorized("Invalid credentials");
            }

            return AuthMethodLogin.Issue(tokens, start, "ldap-auth", new JsonObject
            {
                ["ldap"] = new JsonObject { ["username"] = username },
            });
        });
    }

    private static (string Username, string Password)[] Users(JsonElement section)
    {
        if (!section.TryGetProperty("users", out var users) || users.ValueKind != JsonValueKind.Array)
        {
            return System.Array.Empty<(string, string)>();
        }

        return users.EnumerateArray()
            .Select(u => (ClaimRules.Text(u, "username") ?? string.Empty, ClaimRules.Text(u, "password") ?? string.Empty))
            .Where(u => u.Item1.Length > 0)
            .ToArray();
    }

    private static bool SameSecret(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
