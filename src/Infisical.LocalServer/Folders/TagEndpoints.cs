using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>
/// Project tags (schema unconfirmed): <c>GET|POST /api/v1/workspace/:projectId/tags</c> → <c>{workspaceTags}</c> /
/// <c>{workspaceTag}</c>, so tests can find the ids that <c>tagIds</c> needs.
/// </summary>
internal sealed class TagEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/workspace/{projectId}/tags", (HttpContext http, ServerState state, string projectId) =>
        {
            var auth = AuthContext.RequireIdentity(http);
            if (auth.Error != null)
            {
                return (IResult)auth.Error;
            }

            lock (state.SyncRoot)
            {
                var (project, error) = SecretScope.Project(state, ApiErrors.From(http), projectId, null);
                return error ?? (IResult)JsonResponse.Ok(new JsonObject
                {
                    ["workspaceTags"] = new JsonArray(project!.Tags.Select(t => (JsonNode?)Json(project, t)).ToArray()),
                });
            }
        });
        routes.MapPost("/api/v1/workspace/{projectId}/tags", async (HttpContext http, ServerState state, string projectId) =>
        {
            var request = await AuthenticatedRequest.ReadAsync(http);
            if (request.Failed)
            {
                return request.Failure;
            }

            var (body, errors, input) = (request.Body, request.Errors, request.Input);
            var slug = input.String(body, "slug", required: true);
            var name = input.String(body, "name", required: false) ?? slug;
            var color = input.String(body, "color", required: false);
            if (input.HasIssues)
            {
                return errors.Validation(input.Issues);
            }

            lock (state.SyncRoot)
            {
                var (project, error) = SecretScope.Project(state, errors, projectId, null);
                if (error != null)
                {
                    return error;
                }

                if (project!.Tags.Any(t => t.Slug == slug))
                {
                    return errors.BadRequest("Tag with this slug already exists");
                }

                var tag = new SecretTag(ServerState.NewId(), slug!, name!, color);
                project.Tags.Add(tag);
                return JsonResponse.Ok(new JsonObject { ["workspaceTag"] = Json(project, tag) });
            }
        });
    }

    private static JsonObject Json(Project project, SecretTag tag) => new()
    {
        ["id"] = tag.Id,
        ["slug"] = tag.Slug,
        ["name"] = tag.Name,
        ["color"] = tag.Color,
        ["projectId"] = project.Id,
    };
}
