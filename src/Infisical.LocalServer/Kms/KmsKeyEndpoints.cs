using System;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Infisical.LocalServer;

/// <summary>KMS key management routes (docs/infisical-api-notes.md, "KMS keys"): list, get by id or name, create, update, delete.</summary>
internal sealed class KmsKeyEndpoints : IEndpointModule
{
    private const string Keys = "/api/v1/kms/keys";

    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        // Seeding now makes a bad "kmsKeys" section fail at startup rather than on the first KMS call.
        KmsKeyStore.For(routes.ServiceProvider.GetRequiredService<ServerState>());
        if (!KmsRequests.Served(routes))
        {
            return;
        }

        routes.MapGet(Keys, (HttpContext http, ServerState state) => List(http, state));
        routes.MapGet(Keys + "/key-name/{keyName}", (HttpContext http, ServerState state, string keyName) => GetByName(http, state, keyName));
        routes.MapGet(Keys + "/{keyId}", (HttpContext http, ServerState state, string keyId) =>
        {
            var (key, error) = KmsRequests.ResolveKey(http, state, keyId);
            return error ?? KmsRequests.KeyEnvelope(ApiErrors.From(http), key!);
        });
        routes.MapPost(Keys, (HttpContext http, ServerState state) => CreateAsync(http, state));
        routes.MapMethods(Keys + "/{keyId}", new[] { "PATCH" }, (HttpContext http, ServerState state, string keyId) => UpdateAsync(http, state, keyId));
        routes.MapDelete(Keys + "/{keyId}", (HttpContext http, ServerState state, string keyId) =>
        {
            var (key, error) = KmsRequests.ResolveKey(http, state, keyId);
            if (error != null)
            {
                return error;
            }

            KmsKeyStore.For(state).Remove(key!);
            return KmsRequests.KeyEnvelope(ApiErrors.From(http), key!);
        });
    }

    private static IResult List(HttpContext http, ServerState state)
    {
        var request = AuthenticatedRequest.Authenticate(http);
        if (request.Failed)
        {
            return request.Failure;
        }

        var (errors, input) = (request.Errors, request.Input);
        var query = http.Request.Query;
        var projectId = InputReader.QueryString(query, "projectId");
        if (projectId == null)
        {
            input.Add(ZodIssues.Required(errors.Compatibility, new[] { "projectId" }));
        }

        var offset = input.QueryInt(query, "offset") ?? 0;
        var limit = input.QueryInt(query, "limit") ?? 100;
        if (offset < 0)
        {
            input.Add(ZodIssues.Custom(new[] { "offset" }, "Too small: expected number to be >=0"));
        }

        if (limit is < 1 or > 100)
        {
            input.Add(ZodIssues.Custom(new[] { "limit" }, "Number must be between 1 and 100"));
        }

        var orderBy = InputReader.QueryString(query, "orderBy") ?? "name";
        if (orderBy != "name")
        {
            input.Add(ZodIssues.InvalidEnum(errors.Compatibility, new[] { "orderBy" }, orderBy, "name"));
        }

        var direction = InputReader.QueryString(query, "orderDirection") ?? "asc";
        if (direction is not ("asc" or "desc"))
        {
            input.Add(ZodIssues.InvalidEnum(errors.Compatibility, new[] { "orderDirection" }, direction, "asc", "desc"));
        }

        if (input.HasIssues)
        {
            return errors.Validation(input.Issues);
        }

        var search = InputReader.QueryString(query, "search");
        var matching = KmsKeyStore.For(state).InProject(projectId!)
            .Where(k => string.IsNullOrEmpty(search) || k.Name.Contains(search, StringComparison.OrdinalIgnoreCase));
        var ordered = direction == "desc"
            ? matching.OrderByDescending(k => k.Name, StringComparer.Ordinal)
            : matching.OrderBy(k => k.Name, StringComparer.Ordinal);
        var all = ordered.ToList();
        var page = new JsonArray(all.Skip(offset).Take(limit).Select(k => (JsonNode)KmsKeyJson.From(k, errors.IsLegacy)).ToArray());
        return JsonResponse.Ok(new JsonObject { ["keys"] = page, ["totalCount"] = all.Count });
    }

    private static IResult GetByName(HttpContext http, ServerState state, string keyName)
    {
        var request = AuthenticatedRequest.Authenticate(http);
        if (request.Failed)
        {
            return request.Failure;
        }

        var (errors, input) = (request.Errors, request.Input);
        var name = keyName.Trim().ToLowerInvariant();
        if (!KmsInput.IsSlug(name))
        {
            input.Add(ZodIssues.Custom(new[] { "keyName" }, "Name must be a valid slug"));
        }

        var projectId = InputReader.QueryString(http.Request.Query, "projectId");
        if (projectId == null)
        {
            input.Add(ZodIssues.Required(errors.Compatibility, new[] { "projectId" }));
        }

        if (input.HasIssues)
        {
            return errors.Validation(input.Issues);
        }

        var key = KmsKeyStore.For(state).FindByName(projectId!, name);
        return key == null ? errors.NotFound($"Key with name \"{name}\" not found") : KmsRequests.KeyEnvelope(errors, key);
    }

    private static async System.Threading.Tasks.Task<IResult> CreateAsync(HttpContext http, ServerState state)
    {
        var request = await AuthenticatedRequest.ReadAsync(http);
        if (request.Failed)
        {
            return request.Failure;
        }

        var (body, errors, input) = (request.Body, request.Errors, request.Input);
        var projectId = input.String(body, "projectId", required: true);
        var name = input.String(body, "name", required: true)?.ToLowerInvariant();
        var description = input.String(body, "description", required: false, trim: false);
        var usage = input.String(body, "keyUsage", required: false) ?? KmsAlgorithms.EncryptDecrypt;
        var algorithm = input.String(body, "encryptionAlgorithm", required: false) ?? "aes-256-gcm";
        ValidateName(input, name);
        ValidateDescription(input, description);
        if (usage is not (KmsAlgorithms.EncryptDecrypt or KmsAlgorithms.SignVerify))
        {
            input.Add(ZodIssues.InvalidEnum(errors.Compatibility, new[] { "keyUsage" }, usage, KmsAlgorithms.EncryptDecrypt, KmsAlgorithms.SignVerify));
        }
        else if (!KmsInput.UsageMatches(usage, algorithm))
        {
            input.Add(ZodIssues.Custom(new[] { "encryptionAlgorithm" }, $"Encryption algorithm '{algorithm}' is not valid for key usage '{usage}'"));
        }

        if (input.HasIssues)
        {
            return errors.Validation(input.Issues);
        }

        if (state.FindProject(projectId, null) == null)
        {
            return errors.NotFound($"Project with ID '{projectId}' not found");
        }

        var store = KmsKeyStore.For(state);
        var key = store.NewKey(projectId!, name!, description, usage, algorithm);
        return store.TryAdd(key)
            ? KmsRequests.KeyEnvelope(errors, key)
            : errors.BadRequest($"A key with the name \"{name}\" already exists in this project");
    }

    private static async System.Threading.Tasks.Task<IResult> UpdateAsync(HttpContext http, ServerState state, string keyId)
    {
        var (body, errors, failure) = await KmsRequests.AuthorizeAndReadAsync(http, keyId);
        if (failure != null)
        {
            return failure;
        }

        var input = new InputReader(errors!.Compatibility);
        var name = input.String(body!, "name", required: false)?.ToLowerInvariant();
        var isDisabled = input.Bool(body!, "isDisabled");
        var description = input.String(body!, "description", required: false, trim: false);
        if (name != null)
        {
            ValidateName(input, name);
        }

        ValidateDescription(input, description);
        if (input.HasIssues)
        {
            return errors.Validation(input.Issues);
        }

        var (key, missing) = KmsRequests.Lookup(http, state, keyId);
        if (missing != null)
        {
            return missing;
        }

        var clash = KmsKeyStore.For(state).Update(all =>
        {
            if (name != null && all.Any(k => k != key && k.ProjectId == key!.ProjectId && k.Name == name))
            {
                return true;
            }

            key!.Name = name ?? key.Name;
            key.IsDisabled = isDisabled ?? key.IsDisabled;
            key.Description = description ?? key.Description;
            key.UpdatedAt = state.Clock.UtcNow;
            return false;
        });
        return clash
            ? errors.BadRequest($"A key with the name \"{name}\" already exists in this project")
            : KmsRequests.KeyEnvelope(errors, key!);
    }

    private static void ValidateName(InputReader input, string? name)
    {
        if (name != null && !KmsInput.IsSlug(name))
        {
            input.Add(ZodIssues.Custom(new[] { "name" }, "Name must be a valid slug: 1-32 lowercase letters, digits and hyphens"));
        }
    }

    private static void ValidateDescription(InputReader input, string? description)
    {
        if (description is { Length: > 500 })
        {
            input.Add(ZodIssues.Custom(new[] { "description" }, "Description must be at most 500 characters"));
        }
    }
}
