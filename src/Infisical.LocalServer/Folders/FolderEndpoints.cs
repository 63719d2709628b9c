using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>
/// Folders at <c>/api/v2/folders</c> (Python SDK) and <c>/api/v1/folders</c> (Node SDK). The real schemas are
/// unconfirmed (docs/infisical-api-notes.md, "Projects and folders"), so inputs are read tolerantly: <c>projectId</c> or <c>workspaceId</c>, <c>path</c> or <c>directory</c>.
/// </summary>
internal sealed class FolderEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var prefix in new[] { "/api/v1/folders", "/api/v2/folders" })
        {
            routes.MapPost(prefix, (HttpContext http, ServerState state) => Handle(http, state, Create));
            routes.MapGet(prefix, (HttpContext http, ServerState state) => Handle(http, state, List));
            routes.MapGet(prefix + "/{id}", (HttpContext http, ServerState state, string id) => Handle(http, state, r => GetById(r, id)));
            routes.MapPatch(prefix + "/{id}", (HttpContext http, ServerState state, string id) => Handle(http, state, r => Update(r, id)));
            routes.MapDelete(prefix + "/{idOrName}", (HttpContext http, ServerState state, string idOrName) => Handle(http, state, r => Delete(r, idOrName)));
        }
    }

    private static async Task<IResult> Handle(HttpContext http, ServerState state, Func<FolderRequest, IResult> action)
    {
        var isGet = HttpMethods.IsGet(http.Request.Method);
        var request = isGet ? AuthenticatedRequest.Authenticate(http) : await AuthenticatedRequest.ReadAsync(http);
        if (request.Failed)
        {
            return request.Failure;
        }

        var (body, errors, input) = (request.Body, request.Errors, request.Input);
        if (isGet)
        {
            input.QueryBool(http.Request.Query, "recursive", false);
            foreach (var pair in http.Request.Query)
            {
                body[pair.Key] = pair.Value.ToString();
            }
        }

        if (input.HasIssues)
        {
            return errors.Validation(input.Issues);
        }

        lock (state.SyncRoot)
        {
            return action(new FolderRequest(state, errors, input, body));
        }
    }

    private static IResult Create(FolderRequest r)
    {
        var name = r.Input.String(r.Body, "name", required: true);
        if (name is { Length: 0 } || (name != null && (name.Contains('/') || name.Contains(' '))))
        {
            r.Input.Add(ZodIssues.Custom(new[] { "name" }, "Folder name can only contain alphanumeric characters, dashes and underscores."));
        }

        var (project, env, error) = r.Scope();
        if (r.Input.HasIssues)
        {
            return r.Errors.Validation(r.Input.Issues);
        }

        if (error != null)
        {
            return error;
        }

        // An existing folder is answered as created; missing parents are created on the way (2024 behaviour, docs/infisical-api-notes.md, "Older self-hosted servers (2024-07)").
        var folder = r.State.EnsureFolder(env!, SecretPaths.Combine(r.Path, name!));
        var description = r.Input.String(r.Body, "description", required: false);
        folder.Description = description ?? folder.Description;
        return JsonResponse.Ok(new JsonObject { ["folder"] = FolderJson.Created(r.Errors, env!, folder) });
    }

    private static IResult List(FolderRequest r)
    {
        var (_, env, error) = r.Scope();
        if (error != null)
        {
            return error;
        }

        var recursive = r.Body["recursive"]?.GetValue<string>() == "true";
        var folders = env!.Folders.Values
            .Where(f => f.Path != "/" && (recursive ? SecretPaths.IsUnder(f.Path, r.Path) && f.Path != r.Path : SecretPaths.Parent(f.Path) == r.Path))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => (JsonNode?)FolderJson.Build(env, f));
        return JsonResponse.Ok(new JsonObject { ["folders"] = new JsonArray(folders.ToArray()) });
    }

    private static IResult GetById(FolderRequest r, string id)
    {
        foreach (var env in r.State.Projects.SelectMany(p => p.Environments))
        {
            var folder = env.Folders.Values.FirstOrDefault(f => f.Id == id);
            if (folder != null)
            {
                return JsonResponse.Ok(new JsonObject { ["folder"] = FolderJson.Build(env, folder, withEnvironment: true) });
            }
        }

        return r.Errors.NotFound($"Folder with ID '{id}' not found");
    }

    private static IResult Update(FolderRequest r, string id)
    {
        var name = r.Input.String(r.Body, "name", required: true);
        var (_, env, error) = r.Scope();
        if (r.Input.HasIssues)
        {
            return r.Errors.Validation(r.Input.Issues);
        }

        if (error != null)
        {
            return error;
        }

        var folder = env!.Folders.Values.FirstOrDefault(f => f.Id == id && f.Path != "/");
        if (folder == null)
        {
            return r.Errors.NotFound($"Folder with ID '{id}' not found");
        }

        var oldPath = folder.Path;
        var newPath = SecretPaths.Combine(SecretPaths.Parent(oldPath), name!);
        if (newPath != oldPath && env.Folders.ContainsKey(newPath))
        {
            return r.Errors.BadRequest("Folder with specified name already exists");
        }

        foreach (var moved in env.Folders.Values.Where(f => SecretPaths.IsUnder(f.Path, oldPath)).ToList())
        {
            env.Folders.Remove(moved.Path);
            moved.Path = newPath + moved.Path[oldPath.Length..];
            env.Folders[moved.Path] = moved;
        }

        folder.Name = name!;
        folder.Description = r.Input.String(r.Body, "description", required: false) ?? folder.Description;
        folder.UpdatedAt = r.State.Clock.UtcNow;
        return JsonResponse.Ok(new JsonObject { ["folder"] = FolderJson.Build(env, folder) });
    }

    private static IResult Delete(FolderRequest r, string idOrName)
    {
        var (_, env, error) = r.Scope();
        if (error != null)
        {
            return error;
        }

        var folder = env!.Folders.Values.FirstOrDefault(f => f.Path != "/" && (f.Id == idOrName || f.Path == SecretPaths.Combine(r.Path, idOrName)));
        if (folder == null)
        {
            return r.Errors.NotFound($"Folder with ID '{idOrName}' not found");
        }

        foreach (var removed in env.Folders.Values.Where(f => SecretPaths.IsUnder(f.Path, folder.Path)).ToList())
        {
            env.Folders.Remove(removed.Path);
        }

        return JsonResponse.Ok(new JsonObject { ["folder"] = FolderJson.Build(env, folder) });
    }

    private sealed record FolderRequest(ServerState State, ApiErrors Errors, InputReader Input, JsonObject Body)
    {
        public string Path => SecretPaths.Normalize(Text("path") ?? Text("directory"));

        public (Project? Project, ProjectEnvironment? Env, JsonResponse? Error) Scope()
        {
            var projectId = Text("projectId") ?? Text("workspaceId");
            var environment = Text("environment");
            if (string.IsNullOrEmpty(projectId) || string.IsNullOrEmpty(environment))
            {
                return (null, null, Errors.BadRequest("Missing project id or environment"));
            }

            var (project, error) = SecretScope.Project(State, Errors, projectId, projectId);
            if (error != null)
            {
                return (null, null, error);
            }

            var env = project!.FindEnvironment(environment);
            return env == null ? (project, null, FolderJson.EnvironmentNotFound(Errors, environment, project.Id)) : (project, env, null);
        }

        private string? Text(string name) =>
            Body[name] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>().Trim() : null;
    }
}
