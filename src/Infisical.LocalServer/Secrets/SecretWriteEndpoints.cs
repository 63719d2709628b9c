using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>Create, update and delete one secret by name, v3 raw and v4 (docs/infisical-api-notes.md, "Create a secret", "Update a secret", "Delete a secret").</summary>
internal sealed class SecretWriteEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var (prefix, v4) in new[] { ("/api/v3/secrets/raw/{secretName}", false), ("/api/v4/secrets/{secretName}", true) })
        {
            routes.MapPost(prefix, (HttpContext http, ServerState state, string secretName) => Write(http, state, secretName, v4, Create));
            routes.MapPatch(prefix, (HttpContext http, ServerState state, string secretName) => Write(http, state, secretName, v4, Update));
            routes.MapDelete(prefix, (HttpContext http, ServerState state, string secretName) => Write(http, state, secretName, v4, Delete));
        }
    }

    private delegate IResult Operation(WriteRequest request);

    private static async Task<IResult> Write(HttpContext http, ServerState state, string secretName, bool v4, Operation operation)
    {
        var request = await AuthenticatedRequest.ReadAsync(http);
        if (request.Failed)
        {
            return request.Failure;
        }

        var (body, errors, input) = (request.Body, request.Errors, request.Input);
        var write = new WriteRequest(state, errors, input, body, request.Identity, SecretScope.DecodeName(secretName), v4)
        {
            ProjectId = input.String(body, v4 ? "projectId" : "workspaceId", required: false),
            ProjectSlug = v4 ? null : input.String(body, "projectSlug", required: false),
            Environment = input.String(body, "environment", required: true) ?? string.Empty,
            Path = SecretPaths.Normalize(input.String(body, "secretPath", required: false)),
            Type = input.String(body, "type", required: false) ?? "shared",
        };
        if (write.Type is not ("shared" or "personal"))
        {
            input.Add(ZodIssues.InvalidEnum(errors.Compatibility, new[] { "type" }, write.Type, "shared", "personal"));
        }

        return operation(write);
    }

    private static IResult Create(WriteRequest r)
    {
        SecretWriteRules.ValidateName(r.Input, r.Errors.Compatibility, "secretName", r.Name);
        var value = r.Input.String(r.Body, "secretValue", required: true, trim: false);
        var comment = r.Input.String(r.Body, "secretComment", required: false) ?? string.Empty;
        var skipMultiline = r.Input.Bool(r.Body, "skipMultilineEncoding");
        var reminderNote = r.Input.String(r.Body, "secretReminderNote", required: false, trim: false);
        var reminderDays = r.Input.Number(r.Body, "secretReminderRepeatDays");
        var metadata = SecretWriteRules.ReadMetadata(r.Input, r.Body, r.Errors.Compatibility);
        var tagIds = SecretWriteRules.ReadTagIds(r.Input, r.Body);
        if (r.Input.HasIssues)
        {
            return r.Errors.Validation(r.Input.Issues);
        }

        if (r.Type == "personal")
        {
            return r.Errors.BadRequest("Must be user to create personal secret");
        }

        lock (r.State.SyncRoot)
        {
            var (project, folder, error) = r.Resolve();
            if (error != null)
            {
                return error;
            }

            if (SecretScope.ApprovalPolicy(project, r.Environment, r.Path) is { } policy)
            {
                return JsonResponse.Ok(SecretWriteRules.ApprovalBody(r.State, policy, folder));
            }

            if (folder.Secrets.Any(s => s.Key == r.Name))
            {
                return r.Errors.BadRequest("Secret already exist");
            }

            if (tagIds != null && tagIds.Any(id => project.Tags.All(t => t.Id != id)))
            {
                return r.Errors.NotFound("Tag not found");
            }

            var now = r.State.Clock.UtcNow;
            var secret = new SecretRecord
            {
                Id = ServerState.NewId(),
                Key = r.Name,
                Value = SecretWriteRules.TrimValue(value!),
                Comment = comment,
                SkipMultilineEncoding = skipMultiline ?? false,
                ReminderNote = reminderNote,
                ReminderRepeatDays = reminderDays,
                Metadata = metadata ?? new(),
                TagIds = tagIds ?? new(),
                CreatedAt = now,
                UpdatedAt = now,
                ActorIdentityId = r.Identity.Id,
            };
            secret.Snapshot();
            folder.Secrets.Add(secret);
            return r.Envelope(project, secret, SecretShape.Raw);
        }
    }

    private static IResult Update(WriteRequest r)
    {
        if (r.Name.Length == 0)
        {
            r.Input.Add(ZodIssues.TooSmall(r.Errors.Compatibility, new[] { "secretName" }, 1));
        }

        // The 2024 update schema requires a value and has no newSecretName or secretComment: zod strips those, so a
        // rename answers 200 under the old name and a comment is dropped (docs/infisical-api-notes.md).
        var legacy = r.Errors.IsLegacy;
        var newName = legacy ? null : r.Input.String(r.Body, "newSecretName", required: false);
        if (newName != null)
        {
            SecretWriteRules.ValidateName(r.Input, r.Errors.Compatibility, "newSecretName", newName);
        }

        var value = r.Input.String(r.Body, "secretValue", required: legacy, trim: false);
        var comment = legacy ? null : r.Input.String(r.Body, "secretComment", required: false, trim: false);
        var skipMultiline = r.Input.Bool(r.Body, "skipMultilineEncoding");
        var hasNote = r.Body.ContainsKey("secretReminderNote");
        var reminderNote = r.Input.String(r.Body, "secretReminderNote", required: false, trim: false);
        var hasDays = r.Body.ContainsKey("secretReminderRepeatDays");
        var reminderDays = r.Input.Number(r.Body, "secretReminderRepeatDays");
        var metadata = SecretWriteRules.ReadMetadata(r.Input, r.Body, r.Errors.Compatibility);
        var tagIds = SecretWriteRules.ReadTagIds(r.Input, r.Body);
        return r.OnExistingSecret((project, folder, secret) =>
        {
            if (newName != null && newName != secret.Key && folder.Secrets.Any(s => s.Key == newName))
            {
                return r.Errors.BadRequest("Secret with the new name already exist");
            }

            if (tagIds != null && tagIds.Any(id => project.Tags.All(t => t.Id != id)))
            {
                return r.Errors.NotFound("Tag not found");
            }

            var oldName = secret.Key;
            secret.Value = value != null ? SecretWriteRules.TrimValue(value) : secret.Value;
            secret.Comment = comment ?? secret.Comment;
            secret.SkipMultilineEncoding = skipMultiline ?? secret.SkipMultilineEncoding;
            secret.ReminderNote = hasNote ? reminderNote : secret.ReminderNote;
            secret.ReminderRepeatDays = hasDays ? reminderDays : secret.ReminderRepeatDays;
            secret.Metadata = metadata ?? secret.Metadata;
            secret.TagIds = tagIds ?? secret.TagIds;
            secret.Key = newName ?? secret.Key;
            secret.RecordChange(r.State.Clock.UtcNow, r.Identity.Id);
            if (secret.Key != oldName)
            {
                ReferenceRewriter.Rename(r.State, project, r.Environment, r.Path, oldName, secret.Key, r.Identity.Id);
            }

            return r.Envelope(project, secret, SecretShape.RawWithHidden);
        });
    }

    private static IResult Delete(WriteRequest r) => r.OnExistingSecret((project, folder, secret) =>
    {
        folder.Secrets.Remove(secret);
        return r.Envelope(project, secret, SecretShape.RawWithHidden);
    });

    private sealed record WriteRequest(ServerState State, ApiErrors Errors, InputReader Input, JsonObject Body, Identity Identity, string Name, bool V4)
    {
        public string? ProjectId { get; init; }

        public string? ProjectSlug { get; init; }

        public string Environment { get; init; } = string.Empty;

        public string Path { get; init; } = "/";

        public string Type { get; init; } = "shared";

        // Call under the state lock. Project and Folder are meaningful only when Error is null.
        public (Project Project, Folder Folder, JsonResponse? Error) Resolve()
        {
            if (SecretScope.MissingProject(Errors, ProjectId, ProjectSlug, V4) is { } noProject)
            {
                return (null!, null!, noProject);
            }

            return SecretScope.ProjectFolder(State, Errors, ProjectId, ProjectSlug, Environment, Path);
        }

        // Update and delete act only on an existing shared secret (personal ones are never found), after answering
        // validation issues; an approval policy on the folder answers with a pending approval instead of the action.
        public IResult OnExistingSecret(Func<Project, Folder, SecretRecord, IResult> action)
        {
            if (Input.HasIssues)
            {
                return Errors.Validation(Input.Issues);
            }

            lock (State.SyncRoot)
            {
                var (project, folder, error) = Resolve();
                if (error != null)
                {
                    return error;
                }

                var secret = Type == "personal" ? null : folder.Secrets.FirstOrDefault(s => s.Key == Name);
                if (secret == null)
                {
                    return Errors.SecretNotFoundForWrite(Name);
                }

                return SecretScope.ApprovalPolicy(project, Environment, Path) is { } policy
                    ? JsonResponse.Ok(SecretWriteRules.ApprovalBody(State, policy, folder))
                    : action(project, folder, secret);
            }
        }

        // The {secret} envelope that create, update and delete all answer with; writes never mask the value.
        public JsonResponse Envelope(Project project, SecretRecord secret, SecretShape shape) =>
            JsonResponse.Ok(new JsonObject { ["secret"] = SecretJson.Build(State, project, Environment, Path, secret, shape, secret.Value, hidden: false) });
    }
}
