using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>
/// Secret imports at <c>/api/v1/secret-imports</c> and <c>/api/v2/secret-imports</c> (server schema unconfirmed):
/// create <c>{workspaceId|projectId, environment, path, import: {environment, path}}</c> and list.
/// Creating the same import twice is accepted, as the 2024 server did.
/// </summary>
internal sealed class SecretImportEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var prefix in new[] { "/api/v1/secret-imports", "/api/v2/secret-imports" })
        {
            routes.MapPost(prefix, Create);
            routes.MapGet(prefix, List);
        }
    }

    private static async System.Threading.Tasks.Task<IResult> Create(HttpContext http, ServerState state)
    {
        var request = await AuthenticatedRequest.ReadAsync(http);
        if (request.Failed)
        {
            return request.Failure;
        }

        var (body, errors, input) = (request.Body, request.Errors, request.Input);
        var projectId = input.String(body, "projectId", required: false) ?? input.String(body, "workspaceId", required: false);
        var environment = input.String(body, "environment", required: true);
        var path = SecretPaths.Normalize(input.String(body, "path", required: false));
        var source = body["import"] as JsonObject;
        if (source == null)
        {
            input.Add(ZodIssues.Required(errors.Compatibility, new[] { "import" }, "object"));
        }

        var fromEnv = source == null ? null : input.String(source, "environment", required: true);
        var fromPath = SecretPaths.Normalize(source == null ? null : input.String(source, "path", required: false));
        if (input.HasIssues)
        {
            return errors.Validation(input.Issues);
        }

        lock (state.SyncRoot)
        {
            var (project, folder, notFound) = SecretScope.ProjectFolder(state, errors, projectId, null, environment, path);
            if (notFound != null)
            {
                return notFound;
            }

            if (project!.FindEnvironment(fromEnv) == null)
            {
                return FolderJson.EnvironmentNotFound(errors, fromEnv, project.Id);
            }

            var import = new SecretImport(ServerState.NewId(), environment!, path, fromEnv!, fromPath, state.Clock.UtcNow);
            project.Imports.Add(import);
            return JsonResponse.Ok(new JsonObject
            {
                ["message"] = "Successfully created secret import",
                ["secretImport"] = Json(project, import, folder),
            });
        }
    }

    private static IResult List(HttpContext http, ServerState state)
    {
        var auth = AuthContext.RequireIdentity(http);
        if (auth.Error != null)
        {
            return auth.Error;
        }

        var errors = ApiErrors.From(http);
        var query = http.Request.Query;
        var projectId = InputReader.QueryString(query, "projectId") ?? InputReader.QueryString(query, "workspaceId");
        var environment = InputReader.QueryString(query, "environment");
        var path = SecretPaths.Normalize(InputReader.QueryString(query, "path"));
        lock (state.SyncRoot)
        {
            var (project, notFound) = SecretScope.Project(state, errors, projectId, null);
            if (notFound != null)
            {
                return notFound;
            }

            var folder = SecretScope.Folder(project!, environment, path);
            var items = project!.Imports.Where(i => i.Environment == environment && i.Path == path)
                .Select(i => (JsonNode?)Json(project, i, folder));
            return JsonResponse.Ok(new JsonObject { ["secretImports"] = new JsonArray(items.ToArray()) });
        }
    }

    private static JsonObject Json(Project project, SecretImport import, Folder? folder)
    {
        var env = project.FindEnvironment(import.FromEnvironment);
        return new JsonObject
        {
            ["id"] = import.Id,
            ["importPath"] = import.FromPath,
            ["importEnv"] = new JsonObject { ["id"] = env?.Id, ["name"] = env?.Name, ["slug"] = import.FromEnvironment },
            ["position"] = project.Imports.IndexOf(import) + 1,
            ["folderId"] = folder?.Id,
            ["isReplication"] = false,
            ["createdAt"] = ServerClock.Iso(import.CreatedAt),
            ["updatedAt"] = ServerClock.Iso(import.CreatedAt),
        };
    }
}
