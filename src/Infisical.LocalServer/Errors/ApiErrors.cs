using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Infisical.LocalServer;

/// <summary>
/// Builds error responses with the real server's bodies and statuses (docs/infisical-api-notes.md, "Error bodies"), or the 2024 server's ("Older self-hosted servers (2024-07)").
/// Every route, including ones added by other modules, should answer errors through this class.
/// </summary>
internal sealed class ApiErrors
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Creates the helper for one compatibility level.</summary>
    public ApiErrors(CompatibilityLevel compatibility) => Compatibility = compatibility;

    /// <summary>The level being imitated.</summary>
    public CompatibilityLevel Compatibility { get; }

    /// <summary>True when imitating the 2024 server.</summary>
    public bool IsLegacy => Compatibility == CompatibilityLevel.Legacy2024;

    /// <summary>The registered instance for a request.</summary>
    public static ApiErrors From(HttpContext context) => context.RequestServices.GetRequiredService<ApiErrors>();

    /// <summary>A request id shaped like Fastify's: <c>req-</c> plus 14 alphanumerics.</summary>
    public static string NewRequestId() => "req-" + RandomNumberGenerator.GetString(Alphabet, 14);

    /// <summary>The generic error body: <c>{reqId, statusCode, message, error}</c> (no reqId in 2024 mode).</summary>
    public JsonResponse Error(int statusCode, string error, JsonNode? message, JsonObject? extra = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = new JsonObject();
        if (!IsLegacy)
        {
            body["reqId"] = NewRequestId();
        }

        body["statusCode"] = statusCode;
        body["message"] = message;
        body["error"] = error;
        if (extra != null)
        {
            foreach (var pair in extra)
            {
                body[pair.Key] = pair.Value?.DeepClone();
            }
        }

        return new JsonResponse(body, statusCode, headers);
    }

    /// <summary>400 BadRequest (business rule).</summary>
    public JsonResponse BadRequest(string message, string error = "BadRequest") => Error(400, error, message);

    /// <summary>401 UnauthorizedError; 403 in 2024 mode, where every auth failure was 403.</summary>
    public JsonResponse Unauthorized(string message, string error = "UnauthorizedError") => Error(IsLegacy ? 403 : 401, error, message);

    /// <summary>404 NotFound.</summary>
    public JsonResponse NotFound(string message, string error = "NotFound") => Error(404, error, message);

    /// <summary>403 ForbiddenError (or another forbidden label).</summary>
    public JsonResponse Forbidden(string message, string error = "ForbiddenError") => Error(403, error, message);

    /// <summary>Request validation failure: 422 with an array of zod issues; 403 in 2024 mode.</summary>
    public JsonResponse Validation(JsonArray issues) => Error(IsLegacy ? 403 : 422, "ValidationFailure", issues);

    /// <summary>Malformed JSON body.</summary>
    public JsonResponse MalformedJson() => IsLegacy
        ? Error(400, "Bad Request", "Bad Request")
        : Error(400, "Bad Request", "Body is not valid JSON but content-type is set to 'application/json'");

    /// <summary>
    /// A token that is not a valid JWT. Current servers: 403 TokenError with a friendly message. The 2024 server
    /// let the jsonwebtoken error escape: 500 with the library's message.
    /// </summary>
    public JsonResponse InvalidJwt(JwtFailure failure)
    {
        var libraryMessage = failure switch
        {
            JwtFailure.Expired => "jwt expired",
            JwtFailure.InvalidSignature => "invalid signature",
            JwtFailure.InvalidAlgorithm => "invalid algorithm",
            JwtFailure.InvalidToken => "invalid token",
            JwtFailure.Missing => "jwt must be provided",
            _ => "jwt malformed",
        };
        if (IsLegacy)
        {
            return Error(500, "Internal Server Error", libraryMessage);
        }

        var message = failure switch
        {
            JwtFailure.Expired => "Your token has expired. Please re-authenticate.",
            JwtFailure.Malformed => "The provided access token is malformed. Please use a valid token or generate a new one and try again.",
            JwtFailure.InvalidAlgorithm => "The access token is signed with an invalid algorithm. Please provide a valid token and try again.",
            _ => libraryMessage,
        };
        return Error(403, "TokenError", message);
    }

    /// <summary>Unhandled failure.</summary>
    public JsonResponse Internal() => IsLegacy
        ? Error(500, "Internal Server Error", "Something went wrong")
        : Error(500, "InternalServerError", "Something went wrong");

    /// <summary>Fastify's own body for an unknown route (no reqId in either generation); Fastify names the URL with its query.</summary>
    public static JsonResponse RouteNotFound(string method, string path)
    {
        var body = new JsonObject
        {
            ["message"] = $"Route {method}:{path} not found",
            ["error"] = "Not Found",
            ["statusCode"] = 404,
        };
        return new JsonResponse(body, 404);
    }

    /// <summary>A secret that does not exist: 404 now, 400 "Secret not found" in 2024.</summary>
    public JsonResponse SecretNotFound(string name) => IsLegacy
        ? BadRequest("Secret not found")
        : NotFound($"Secret with name '{name}' not found");

    /// <summary>PATCH/DELETE of a missing secret; the 2024 server put the secret's name (not a hash) after "blind index".</summary>
    public JsonResponse SecretNotFoundForWrite(string name) => IsLegacy
        ? BadRequest("Secret not found: blind index " + name)
        : NotFound($"Secret with name '{name}' not found");

    /// <summary>A call without a token: 401 now; the 2024 server answered 403 with the label "Unauthorized access".</summary>
    public JsonResponse TokenMissing() => IsLegacy ? Unauthorized("Token missing", "Unauthorized access") : Unauthorized("Token missing");

    /// <summary>
    /// A call with a revoked or deleted token. The 2024 text names neither "token" nor "jwt" (docs/infisical-api-notes.md),
    /// which is what clients must classify by label.
    /// </summary>
    public JsonResponse TokenNotFound() => IsLegacy
        ? Unauthorized("You are not allowed to access this resource")
        : Unauthorized("No identity access token found");
}

/// <summary>Why a bearer token failed JWT verification.</summary>
internal enum JwtFailure
{
    /// <summary>Not three dot-separated parts.</summary>
    Malformed,

    /// <summary>Parts that do not decode to JSON.</summary>
    InvalidToken,

    /// <summary>Signature mismatch.</summary>
    InvalidSignature,

    /// <summary>Header algorithm other than HS256.</summary>
    InvalidAlgorithm,

    /// <summary>Past <c>exp</c>.</summary>
    Expired,

    /// <summary>Empty token.</summary>
    Missing,
}
