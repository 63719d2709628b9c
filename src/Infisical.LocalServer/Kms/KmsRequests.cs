using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Infisical.LocalServer;

/// <summary>Steps shared by the KMS routes, in the real server's order: authentication, validation, lookup.</summary>
internal static class KmsRequests
{
    /// <summary>
    /// Whether the imitated server has KMS routes. The 2024 server had none: its calls fall through to the
    /// unknown-route 404 (docs/infisical-api-notes.md).
    /// </summary>
    public static bool Served(IEndpointRouteBuilder routes) =>
        !routes.ServiceProvider.GetRequiredService<ApiErrors>().IsLegacy;

    /// <summary>Authenticates the caller and resolves <c>:keyId</c>; returns the error to answer, if any.</summary>
    public static (KmsKeyRecord? Key, IResult? Error) ResolveKey(HttpContext http, ServerState state, string keyId) =>
        Authorize(http, keyId) is { } error ? (null, error) : Lookup(http, state, keyId);

    /// <summary>Authentication and the <c>:keyId</c> UUID check (hooks and schema validation run before the handler).</summary>
    public static IResult? Authorize(HttpContext http, string keyId)
    {
        var auth = AuthContext.RequireIdentity(http);
        if (auth.Error != null)
        {
            return auth.Error;
        }

        var errors = ApiErrors.From(http);
        return Guid.TryParse(keyId, out _)
            ? null
            : errors.Validation(new JsonArray(ZodIssues.InvalidUuid(errors.Compatibility, "keyId")));
    }

    /// <summary>
    /// For routes on <c>:keyId</c> that take a body: authentication and the id check first, then the body (schema
    /// validation); the handler's <see cref="Lookup"/> comes after the body's own checks.
    /// </summary>
    public static async Task<(JsonObject? Body, ApiErrors? Errors, IResult? Failure)> AuthorizeAndReadAsync(HttpContext http, string keyId)
    {
        var error = Authorize(http, keyId);
        if (error != null)
        {
            return (null, null, error);
        }

        var (body, bodyError) = await RequestBody.ReadAsync(http);
        return bodyError != null ? (null, null, bodyError) : (body, ApiErrors.From(http), null);
    }

    /// <summary>The handler's lookup: 404 "Key not found".</summary>
    public static (KmsKeyRecord? Key, IResult? Error) Lookup(HttpContext http, ServerState state, string keyId)
    {
        var key = KmsKeyStore.For(state).Find(keyId);
        return key == null ? (null, ApiErrors.From(http).NotFound("Key not found")) : (key, null);
    }

    /// <summary>A key that must be enabled and of the given usage for a cryptographic operation.</summary>
    public static IResult? RequireUsable(ApiErrors errors, KmsKeyRecord key, string usage, string operation)
    {
        if (key.IsDisabled)
        {
            return errors.BadRequest("Key is disabled");
        }

        if (key.KeyUsage != usage)
        {
            return errors.BadRequest($"Key '{key.Name}' has usage '{key.KeyUsage}' and cannot be used to {operation}");
        }

        return null;
    }

    /// <summary>The <c>{key}</c> envelope.</summary>
    public static JsonResponse KeyEnvelope(ApiErrors errors, KmsKeyRecord key) =>
        JsonResponse.Ok(new JsonObject { ["key"] = KmsKeyJson.From(key, errors.IsLegacy) });
}
