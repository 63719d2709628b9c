using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Infisical.LocalServer;

/// <summary>
/// The opening shared by authenticated routes: who is calling, the body, and the per-request error and input helpers.
/// Authentication is checked before the body is read because the real server's auth hook runs before body parsing:
/// a request with a bad token and a malformed body must answer 401, not 400.
/// <code>var request = await AuthenticatedRequest.ReadAsync(http); if (request.Failed) return request.Failure;</code>
/// </summary>
internal sealed class AuthenticatedRequest
{
    private AuthenticatedRequest(ApiErrors errors, Identity? identity, JsonObject? body, IResult? failure)
    {
        Errors = errors;
        Input = new InputReader(errors.Compatibility);
        Identity = identity;
        Body = body;
        Failure = failure;
    }

    /// <summary>The calling identity; set unless <see cref="Failed"/>.</summary>
    public Identity? Identity { get; }

    /// <summary>The request body (empty for routes read without one); set unless <see cref="Failed"/>.</summary>
    public JsonObject? Body { get; }

    /// <summary>Error responses at the imitated compatibility level.</summary>
    public ApiErrors Errors { get; }

    /// <summary>A fresh reader that collects this request's validation issues.</summary>
    public InputReader Input { get; }

    /// <summary>The response to answer instead of running the handler (401/403 from auth, or a bad body).</summary>
    public IResult? Failure { get; }

    /// <summary>Whether the handler must answer <see cref="Failure"/> and stop.</summary>
    [MemberNotNullWhen(true, nameof(Failure))]
    [MemberNotNullWhen(false, nameof(Identity), nameof(Body))]
    public bool Failed => Failure != null;

    /// <summary>Authenticates a route that takes no body (its <see cref="Body"/> is an empty object).</summary>
    public static AuthenticatedRequest Authenticate(HttpContext http)
    {
        var errors = ApiErrors.From(http);
        var auth = AuthContext.RequireIdentity(http);
        return auth.Error != null
            ? new AuthenticatedRequest(errors, null, null, auth.Error)
            : new AuthenticatedRequest(errors, auth.Identity!, new JsonObject(), null);
    }

    /// <summary>Authenticates, then reads the body (JSON or form) with the server's malformed-body errors.</summary>
    public static async Task<AuthenticatedRequest> ReadAsync(HttpContext http)
    {
        var authenticated = Authenticate(http);
        if (authenticated.Failed)
        {
            return authenticated;
        }

        var (body, error) = await RequestBody.ReadAsync(http);
        return new AuthenticatedRequest(authenticated.Errors, authenticated.Identity, body, error);
    }
}
