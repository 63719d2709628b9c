using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>
/// Token Auth (docs/infisical-api-notes.md, "Token Auth"): an authenticated caller mints an access token for an identity that has
/// <c>"tokenAuth": {}</c> in its seed. There is no login route; the minted token is used directly.
/// </summary>
internal sealed class TokenAuthEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/auth/token-auth/identities/{identityId}/tokens", async (HttpContext http, ServerState state, TokenService tokens, string identityId) =>
        {
            var request = await AuthenticatedRequest.ReadAsync(http);
            if (request.Failed)
            {
                return request.Failure;
            }

            var (body, errors, input) = (request.Body, request.Errors, request.Input);
            var name = input.String(body, "name", required: false);
            if (input.HasIssues)
            {
                return errors.Validation(input.Issues);
            }

            var (identity, section, notFound) = AuthMethodLogin.FindMethod(state, errors, identityId, "tokenAuth", "Token");
            if (notFound != null)
            {
                return notFound;
            }

            var start = new AuthMethodLogin.Start(identity!, section, body, errors, new System.Collections.Generic.Dictionary<string, string>());
            return AuthMethodLogin.Issue(tokens, start, "token-auth", new JsonObject
            {
                ["token"] = new JsonObject { ["name"] = name ?? string.Empty },
            });
        });
    }
}
