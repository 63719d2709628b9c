using System.Text.Json.Nodes;

namespace Infisical.LocalServer;

/// <summary>Folder objects of the folder routes (server schema unconfirmed; fields from the SDKs' models).</summary>
internal static class FolderJson
{
    /// <summary>A folder; <paramref name="withEnvironment"/> adds <c>environment: {envId, envName, envSlug}</c> (get by id).</summary>
    public static JsonObject Build(ProjectEnvironment env, Folder folder, bool withEnvironment = false)
    {
        var obj = new JsonObject
        {
            ["id"] = folder.Id,
            ["name"] = folder.Name,
            ["envId"] = env.Id,
            ["parentId"] = folder.ParentId,
            ["isReserved"] = false,
            ["description"] = folder.Description,
            ["createdAt"] = ServerClock.Iso(folder.CreatedAt),
            ["updatedAt"] = ServerClock.Iso(folder.UpdatedAt),
            ["path"] = folder.Path,
        };
        if (withEnvironment)
        {
            obj["environment"] = new JsonObject { ["envId"] = env.Id, ["envName"] = env.Name, ["envSlug"] = env.Slug };
        }

        return obj;
    }

    /// <summary>
    /// The folder in a create answer. The 2024 server's create schema had <c>version</c> but neither <c>description</c>
    /// nor <c>path</c> (docs/infisical-api-notes.md).
    /// </summary>
    public static JsonObject Created(ApiErrors errors, ProjectEnvironment env, Folder folder)
    {
        var obj = Build(env, folder);
        if (errors.IsLegacy)
        {
            obj.Remove("description");
            obj.Remove("path");
            obj["version"] = 1;
        }

        return obj;
    }

    /// <summary>The error for an unknown environment.</summary>
    public static JsonResponse EnvironmentNotFound(ApiErrors errors, string? slug, string projectId) => errors.IsLegacy
        ? errors.BadRequest("Environment not found")
        : errors.NotFound($"Environment with slug '{slug}' in project with ID '{projectId}' not found");
}
