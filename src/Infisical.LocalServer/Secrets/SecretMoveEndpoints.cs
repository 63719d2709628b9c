using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>
/// <c>POST /api/v4/secrets/move</c> (docs/infisical-api-notes.md, "Move (v4) and the route clash"). Mapping it also reproduces that route clash: a secret named
/// "move" cannot be created through the v4 single-secret route.
/// </summary>
internal sealed class SecretMoveEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v4/secrets/move", async (HttpContext http, ServerState state) =>
        {
            var request = await AuthenticatedRequest.ReadAsync(http);
            if (request.Failed)
            {
                return request.Failure;
            }

            var (body, errors, input) = (request.Body, request.Errors, request.Input);
            var projectId = input.String(body, "projectId", required: true);
            var sourceEnv = input.String(body, "sourceEnvironment", required: true);
            var sourcePath = SecretPaths.Normalize(input.String(body, "sourceSecretPath", required: false));
            var destEnv = input.String(body, "destinationEnvironment", required: true);
            var destPath = SecretPaths.Normalize(input.String(body, "destinationSecretPath", required: false));
            var ids = input.Array(body, "secretIds");
            if (ids == null)
            {
                input.Add(ZodIssues.Required(errors.Compatibility, new[] { "secretIds" }, "array"));
            }

            var overwrite = input.Bool(body, "shouldOverwrite") ?? false;
            if (input.HasIssues)
            {
                return errors.Validation(input.Issues);
            }

            lock (state.SyncRoot)
            {
                var (project, source, notFound) = SecretScope.ProjectFolder(state, errors, projectId, null, sourceEnv, sourcePath);
                if (notFound != null)
                {
                    return notFound;
                }

                var destination = SecretScope.Folder(project!, destEnv, destPath);
                if (destination == null)
                {
                    return SecretScope.FolderNotFound(errors, destEnv!, destPath);
                }

                var wanted = ids!.Select(n => n?.ToString()).ToHashSet();
                var moving = source.Secrets.Where(s => wanted.Contains(s.Id)).ToList();
                var moved = false;
                foreach (var secret in moving)
                {
                    var clash = destination.Secrets.FirstOrDefault(s => s.Key == secret.Key);
                    if (clash != null && !overwrite)
                    {
                        continue;
                    }

                    if (clash != null)
                    {
                        destination.Secrets.Remove(clash);
                    }

                    source.Secrets.Remove(secret);
                    destination.Secrets.Add(secret);
                    moved = true;
                }

                return JsonResponse.Ok(new JsonObject { ["isSourceUpdated"] = moved, ["isDestinationUpdated"] = moved });
            }
        });
    }
}
