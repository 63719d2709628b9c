using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>Universal Auth login (docs/infisical-api-notes.md, "Universal Auth login"), JSON or form body.</summary>
internal sealed class UniversalAuthEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/auth/universal-auth/login", async (HttpContext http, ServerState state, TokenService tokens) =>
        {
            var (body, error) = await RequestBody.ReadAsync(http);
            if (error != null)
            {
                return (IResult)error;
            }

            var errors = ApiErrors.From(http);
            var input = new InputReader(errors.Compatibility);
            var clientId = input.String(body!, "clientId", required: true);
            var clientSecret = input.String(body!, "clientSecret", required: true);
            if (input.HasIssues)
            {
                return errors.Validation(input.Issues);
            }

            var identity = state.FindIdentityByClientId(clientId!);
            if (identity == null)
            {
                // Current servers say 404 for an unknown client id; the 2024 server said 403 "Invalid credentials".
                return errors.IsLegacy
                    ? errors.Unauthorized("Invalid credentials")
                    : errors.NotFound("No identity with specified client ID was found");
            }

            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(identity.ClientSecret!), Encoding.UTF8.GetBytes(clientSecret!)))
            {
                return errors.Unauthorized("Invalid credentials");
            }

            var claims = new Dictionary<string, JsonNode?> { ["clientSecretId"] = ClientSecretId(identity) };
            return tokens.Issue(identity, "universal-auth", identity.AccessTokenTtl, identity.AccessTokenMaxTtl, identity.AccessTokenNumUsesLimit, claims);
        });
    }

    // A stable id for the identity's one client secret, derived so it never reveals the secret.
    private static string ClientSecretId(Identity identity)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("client-secret:" + identity.Id));
        return new System.Guid(hash[..16]).ToString();
    }
}
