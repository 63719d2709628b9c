using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Infisical.LocalServer;

/// <summary>
/// Per-request authentication for route handlers:
/// <code>var auth = AuthContext.RequireIdentity(http); if (auth.Error != null) return auth.Error; var me = auth.Identity!;</code>
/// </summary>
internal static class AuthContext
{
    /// <summary>Resolves the calling identity from <c>Authorization</c>, with the real server's failure statuses (docs/infisical-api-notes.md, "Error bodies").</summary>
    public static AuthOutcome RequireIdentity(HttpContext context) =>
        context.RequestServices.GetRequiredService<TokenService>().Authenticate(context.Request.Headers.Authorization.ToString());
}
