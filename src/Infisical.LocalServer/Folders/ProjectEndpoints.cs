using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>
/// Read a project with its environments: <c>GET /api/v1/workspace/:projectId</c> answers
/// <c>{workspace: {id, name, slug, environments: [{id, name, slug}]}}</c>, and <c>GET /api/v2/workspace/:slug</c>
/// the same object by slug (docs/infisical-api-notes.md, "Projects and folders"; the by-slug shape is unconfirmed).
/// </summary>
internal sealed class ProjectEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/workspace/{projectId}", (HttpContext http, ServerState state, string projectId) => Get(http, state, projectId, null));
        routes.MapGet("/api/v2/workspace/{slug}", (HttpContext http, ServerState state, string slug) => Get(http, state, null, slug));
    }

    private static IResult Get(HttpContext http, ServerState state, string? id, string? slug)
    {
        var request = AuthenticatedRequest.Authenticate(http);
        if (request.Failed)
        {
            return request.Failure;
        }

        lock (state.SyncRoot)
        {
            var (project, notFound) = SecretScope.Project(state, request.Errors, id, slug);
            if (notFound != null)
            {
                return notFound;
            }

            var environments = new JsonArray(project!.Environments
                .Select(e => (JsonNode)new JsonObject { ["id"] = e.Id, ["name"] = e.Name, ["slug"] = e.Slug })
                .ToArray());
            return JsonResponse.Ok(new JsonObject
            {
                ["workspace"] = new JsonObject
                {
                    ["id"] = project.Id,
                    ["name"] = project.Name,
                    ["slug"] = project.Slug,
                    ["environments"] = environments,
                },
            });
        }
    }
}
