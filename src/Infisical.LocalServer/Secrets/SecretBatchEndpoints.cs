using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>
/// Batch create/update/delete: <c>/api/v3/secrets/batch/raw</c> and <c>/api/v4/secrets/batch</c> (docs/infisical-api-notes.md, "Batch routes").
/// Each batch is atomic: every item is checked before anything changes.
/// </summary>
internal sealed class SecretBatchEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var (path, v4) in new[] { ("/api/v3/secrets/batch/raw", false), ("/api/v4/secrets/batch", true) })
        {
            routes.MapPost(path, (HttpContext http, ServerState state) => Run(http, state, v4, Create));
            routes.MapPatch(path, (HttpContext http, ServerState state) => Run(http, state, v4, Update));
            routes.MapDelete(path, (HttpContext http, ServerState state) => Run(http, state, v4, Delete));
        }
    }

    private delegate IResult Operation(Batch batch, Project project, Folder folder);

    private static async Task<IResult> Run(HttpContext http, ServerState state, bool v4, Operation operation)
    {
        var request = await AuthenticatedRequest.ReadAsync(http);
        if (request.Failed)
        {
            return request.Failure;
        }

        var (body, errors, input) = (request.Body, request.Errors, request.Input);
        var projectId = input.String(body, v4 ? "projectId" : "workspaceId", required: false);
        var projectSlug = v4 ? null : input.String(body, "projectSlug", required: false);
        var environment = input.String(body, "environment", required: true);
        var path = SecretPaths.Normalize(input.String(body, "secretPath", required: false));
        var mode = input.String(body, "mode", required: false) ?? "failOnNotFound";
        var items = input.Array(body, "secrets");
        if (items == null || items.Count == 0 || items.Any(i => i is not JsonObject))
        {
            input.Add(items == null ? ZodIssues.Required(errors.Compatibility, new[] { "secrets" }, "array") : ZodIssues.TooSmall(errors.Compatibility, new[] { "secrets" }, 1));
        }

        var secrets = items?.OfType<JsonObject>().ToList() ?? new List<JsonObject>();
        foreach (var item in secrets)
        {
            var key = input.String(item, "secretKey", required: true);
            if (key != null)
            {
                SecretWriteRules.ValidateName(input, errors.Compatibility, "secretKey", key);
            }
        }

        if (mode is not ("failOnNotFound" or "upsert" or "ignore"))
        {
            input.Add(ZodIssues.InvalidEnum(errors.Compatibility, new[] { "mode" }, mode, "failOnNotFound", "upsert", "ignore"));
        }

        if (input.HasIssues)
        {
            return errors.Validation(input.Issues);
        }

        if (SecretScope.MissingProject(errors, projectId, projectSlug, v4) is { } noProject)
        {
            return noProject;
        }

        lock (state.SyncRoot)
        {
            var (project, folder, notFound) = SecretScope.ProjectFolder(state, errors, projectId, projectSlug, environment, path);
            if (notFound != null)
            {
                return notFound;
            }

            if (SecretScope.ApprovalPolicy(project!, environment!, path) is { } policy)
            {
                return JsonResponse.Ok(SecretWriteRules.ApprovalBody(state, policy, folder));
            }

            var batch = new Batch(state, errors, input, request.Identity, environment!, path, mode, secrets);
            return operation(batch, project!, folder);
        }
    }

    private static IResult Create(Batch b, Project project, Folder folder)
    {
        var existing = b.Items.Select(Key).Where(k => folder.Secrets.Any(s => s.Key == k)).ToList();
        if (existing.Count > 0)
        {
            return b.Errors.BadRequest("Secret already exists: " + string.Join(",", existing));
        }

        var created = new JsonArray();
        foreach (var item in b.Items)
        {
            var secret = b.NewSecret(Key(item), b.Input.String(item, "secretValue", required: false, trim: false) ?? string.Empty);
            secret.Comment = b.Input.String(item, "secretComment", required: false) ?? string.Empty;
            secret.SkipMultilineEncoding = b.Input.Bool(item, "skipMultilineEncoding") ?? false;
            secret.Metadata = SecretWriteRules.ReadMetadata(b.Input, item, b.Errors.Compatibility) ?? new();
            secret.TagIds = SecretWriteRules.ReadTagIds(b.Input, item) ?? new();
            secret.Snapshot();
            folder.Secrets.Add(secret);
            created.Add(SecretJson.Build(b.State, project, b.Environment, b.Path, secret, SecretShape.Raw, secret.Value, hidden: false));
        }

        return JsonResponse.Ok(new JsonObject { ["secrets"] = created });
    }

    private static IResult Update(Batch b, Project project, Folder folder)
    {
        if (b.Items.FirstOrDefault(i => Target(project, b, i) == null) is { } orphan)
        {
            return SecretScope.FolderNotFound(b.Errors, b.Environment, ItemPath(b, orphan));
        }

        var missing = b.Items.Where(i => Target(project, b, i)!.Secrets.All(s => s.Key != Key(i))).Select(Key).ToList();

        if (missing.Count > 0 && b.Mode == "failOnNotFound")
        {
            return b.Errors.NotFound("Secret does not exist: " + string.Join(",", missing));
        }

        var updated = new JsonArray();
        foreach (var item in b.Items)
        {
            var path = ItemPath(b, item);
            var target = Target(project, b, item)!;
            var value = b.Input.String(item, "secretValue", required: false, trim: false);
            var secret = target.Secrets.FirstOrDefault(s => s.Key == Key(item));
            if (secret == null)
            {
                if (b.Mode != "upsert")
                {
                    continue;
                }

                secret = b.NewSecret(Key(item), value ?? string.Empty);
                secret.Snapshot();
                target.Secrets.Add(secret);
            }
            else
            {
                secret.Value = value != null ? SecretWriteRules.TrimValue(value) : secret.Value;
                secret.Key = b.Input.String(item, "newSecretName", required: false) ?? secret.Key;
                secret.Comment = b.Input.String(item, "secretComment", required: false, trim: false) ?? secret.Comment;
                secret.SkipMultilineEncoding = b.Input.Bool(item, "skipMultilineEncoding") ?? secret.SkipMultilineEncoding;
                secret.Metadata = SecretWriteRules.ReadMetadata(b.Input, item, b.Errors.Compatibility) ?? secret.Metadata;
                secret.TagIds = SecretWriteRules.ReadTagIds(b.Input, item) ?? secret.TagIds;
                secret.RecordChange(b.State.Clock.UtcNow, b.Identity.Id);
            }

            updated.Add(SecretJson.Build(b.State, project, b.Environment, path, secret, SecretShape.RawWithHidden, secret.Value, hidden: false));
        }

        return JsonResponse.Ok(new JsonObject { ["secrets"] = updated });
    }

    private static IResult Delete(Batch b, Project project, Folder folder)
    {
        var missing = b.Items.Select(Key).Where(k => folder.Secrets.All(s => s.Key != k)).ToList();
        if (missing.Count > 0)
        {
            return b.Errors.NotFound("Secret does not exist: " + string.Join(",", missing));
        }

        var deleted = new JsonArray();
        foreach (var key in b.Items.Select(Key))
        {
            var secret = folder.Secrets.First(s => s.Key == key);
            folder.Secrets.Remove(secret);
            deleted.Add(SecretJson.Build(b.State, project, b.Environment, b.Path, secret, SecretShape.RawWithHidden, secret.Value, hidden: false));
        }

        return JsonResponse.Ok(new JsonObject { ["secrets"] = deleted });
    }

    private static string Key(JsonObject item) => item["secretKey"]!.GetValue<string>().Trim();

    private static string ItemPath(Batch b, JsonObject item) =>
        item["secretPath"] is JsonValue v ? SecretPaths.Normalize(v.GetValue<string>()) : b.Path;

    private static Folder? Target(Project project, Batch b, JsonObject item) => SecretScope.Folder(project, b.Environment, ItemPath(b, item));

    private sealed record Batch(ServerState State, ApiErrors Errors, InputReader Input, Identity Identity, string Environment, string Path, string Mode, List<JsonObject> Items)
    {
        public SecretRecord NewSecret(string key, string value)
        {
            var now = State.Clock.UtcNow;
            return new SecretRecord
            {
                Id = ServerState.NewId(),
                Key = key,
                Value = SecretWriteRules.TrimValue(value),
                CreatedAt = now,
                UpdatedAt = now,
                ActorIdentityId = Identity.Id,
            };
        }
    }
}
