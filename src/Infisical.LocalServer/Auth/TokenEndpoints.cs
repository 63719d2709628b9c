using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>Token renew and revoke (docs/infisical-api-notes.md, "Token renew" and "Token revoke").</summary>
internal sealed class TokenEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/auth/token/renew", (HttpContext http, TokenService tokens) => WithToken(http, tokens.Renew));
        routes.MapPost("/api/v1/auth/token/revoke", (HttpContext http, TokenService tokens) => WithToken(http, tokens.Revoke));
    }

    private static async Task<IResult> WithToken(HttpContext http, System.Func<string, JsonResponse> action)
    {
        var (body, error) = await RequestBody.ReadAsync(http);
        if (error != null)
        {
            return error;
        }

        var errors = ApiErrors.From(http);
        var input = new InputReader(errors.Compatibility);
        var token = input.String(body!, "accessToken", required: true);
        return input.HasIssues ? errors.Validation(input.Issues) : action(token!);
    }
}
