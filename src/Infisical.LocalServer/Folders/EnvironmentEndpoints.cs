using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>
/// Create environments: <c>POST /api/v1/workspace/:projectId/environments</c> (Node SDK) and the newer
/// <c>/api/v1/projects/:projectId/environments</c>. Body <c>{name, slug, position?}</c>.
/// </summary>
internal sealed class EnvironmentEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var prefix in new[] { "/api/v1/workspace/{projectId}/environments", "/api/v1/projects/{projectId}/environments" })
        {
            routes.MapPost(prefix, async (HttpContext http, ServerState state, string projectId) =>
            {
                var request = await AuthenticatedRequest.ReadAsync(http);
                if (request.Failed)
                {
                    return request.Failure;
                }

                var (body, errors, input) = (request.Body, request.Errors, request.Input);
                var name = input.String(body, "name", required: true);
                var slug = input.String(body, "slug", required: true);
                if (input.HasIssues)
                {
                    return errors.Validation(input.Issues);
                }

                lock (state.SyncRoot)
                {
                    var (project, notFound) = SecretScope.Project(state, errors, projectId, null);
                    if (notFound != null)
                    {
                        return notFound;
                    }

                    if (project!.FindEnvironment(slug) != null)
                    {
                        return errors.BadRequest("Environment with slug already exists");
                    }

                    var env = state.AddEnvironment(project, slug!, name);
                    var now = ServerClock.Iso(state.Clock.UtcNow);
                    return JsonResponse.Ok(new JsonObject
                    {
                        ["message"] = "Successfully created new environment",
                        ["workspace"] = project.Id,
                        ["environment"] = new JsonObject
                        {
                            ["id"] = env.Id,
                            ["name"] = env.Name,
                            ["slug"] = env.Slug,
                            ["position"] = env.Position,
                            ["projectId"] = project.Id,
                            ["createdAt"] = now,
                            ["updatedAt"] = now,
                        },
                    });
                }
            });
        }
    }
}
