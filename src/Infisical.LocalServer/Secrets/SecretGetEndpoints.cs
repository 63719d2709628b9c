using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>Get a secret by name or by id (docs/infisical-api-notes.md, "Get a secret by name" and "Get a secret by id"), v3 raw and v4.</summary>
internal sealed class SecretGetEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v3/secrets/raw/{secretName}", (HttpContext http, ServerState state, string secretName) => GetByName(http, state, secretName, v4: false));
        routes.MapGet("/api/v4/secrets/{secretName}", (HttpContext http, ServerState state, string secretName) => GetByName(http, state, secretName, v4: true));
        routes.MapGet("/api/v3/secrets/raw/id/{secretId}", (HttpContext http, ServerState state, string secretId) => GetById(http, state, secretId));
        routes.MapGet("/api/v4/secrets/id/{secretId}", (HttpContext http, ServerState state, string secretId) => GetById(http, state, secretId));
    }

    private static IResult GetByName(HttpContext http, ServerState state, string rawName, bool v4)
    {
        var request = AuthenticatedRequest.Authenticate(http);
        if (request.Failed)
        {
            return request.Failure;
        }

        var (errors, input) = (request.Errors, request.Input);
        var query = http.Request.Query;
        var (viewValue, expand) = SecretReadFlags.Read(errors, input, query);
        var includeImports = input.QueryBool(query, "include_imports", false);
        var version = input.QueryInt(query, "version");
        var type = InputReader.QueryString(query, "type") ?? "shared";
        if (type is not ("shared" or "personal"))
        {
            input.Add(ZodIssues.InvalidEnum(errors.Compatibility, new[] { "type" }, type, "shared", "personal"));
        }

        if (input.HasIssues)
        {
            return errors.Validation(input.Issues);
        }

        var name = SecretScope.DecodeName(rawName);
        var projectId = InputReader.QueryString(query, v4 ? "projectId" : "workspaceId");
        var projectSlug = v4 ? null : InputReader.QueryString(query, "workspaceSlug");
        var environment = InputReader.QueryString(query, "environment");
        var path = SecretPaths.Normalize(InputReader.QueryString(query, "secretPath"));
        if (string.IsNullOrEmpty(environment))
        {
            return errors.BadRequest("Missing environment");
        }

        if (SecretScope.MissingProject(errors, projectId, projectSlug, v4) is { } noProject)
        {
            return noProject;
        }

        lock (state.SyncRoot)
        {
            var (project, folder, error) = SecretScope.ProjectFolder(state, errors, projectId, projectSlug, environment, path);
            if (error != null)
            {
                return error;
            }

            // Identities own no personal secrets, so asking for one finds nothing.
            var foundEnv = environment;
            var foundPath = path;
            var viaImport = false;
            var secret = type == "personal" ? null : folder.Secrets.FirstOrDefault(s => s.Key == name);
            if (secret == null && includeImports && type != "personal")
            {
                // The server walks the imports from last to first: the last import wins (docs/infisical-api-notes.md, "Get a secret by name").
                foreach (var import in project!.Imports.Where(i => i.Environment == environment && i.Path == path).Reverse())
                {
                    secret = SecretScope.Folder(project, import.FromEnvironment, import.FromPath)?.Secrets.FirstOrDefault(s => s.Key == name);
                    if (secret != null)
                    {
                        foundEnv = import.FromEnvironment;
                        foundPath = import.FromPath;
                        viaImport = true;
                        break;
                    }
                }
            }

            if (secret == null)
            {
                return errors.SecretNotFound(name);
            }

            if (version != null)
            {
                var snapshot = secret.Versions.FirstOrDefault(v => v.Version == version.Value);
                if (snapshot == null)
                {
                    return errors.IsLegacy ? errors.BadRequest("Secret not found") : errors.NotFound($"Secret version {version} not found");
                }

                var hidden = !viewValue;
                var value = hidden ? SecretJson.HiddenValue : snapshot.Value;
                return JsonResponse.Ok(new JsonObject { ["secret"] = SecretJson.Build(state, project!, foundEnv, foundPath, secret, SecretShape.FullGet, value, hidden, snapshot) });
            }

            // The 2024 get-one route expanded only ${env.path.KEY} and left same-folder ${KEY} literal (docs/infisical-api-notes.md, "Older self-hosted servers (2024-07)").
            var expander = new ReferenceExpander(project!, errors.IsLegacy, crossPathOnly: errors.IsLegacy);
            var obj = SecretListEndpoints.Serialize(state, project!, foundEnv, foundPath, secret, SecretShape.FullGet, viewValue, expand, expander);
            if (errors.IsLegacy && viaImport)
            {
                // The 2024 server answered a get through an import without the tags a direct get has (docs/infisical-api-notes.md).
                obj.Remove("tags");
            }

            return JsonResponse.Ok(new JsonObject { ["secret"] = obj });
        }
    }

    private static IResult GetById(HttpContext http, ServerState state, string secretId)
    {
        var auth = AuthContext.RequireIdentity(http);
        if (auth.Error != null)
        {
            return auth.Error;
        }

        var errors = ApiErrors.From(http);
        lock (state.SyncRoot)
        {
            foreach (var project in state.Projects)
            {
                foreach (var env in project.Environments)
                {
                    foreach (var folder in env.Folders.Values)
                    {
                        var secret = folder.Secrets.FirstOrDefault(s => s.Id == secretId);
                        if (secret != null)
                        {
                            var obj = SecretJson.Build(state, project, env.Slug, folder.Path, secret, SecretShape.ById, secret.Value, hidden: false);
                            return JsonResponse.Ok(new JsonObject { ["secret"] = obj });
                        }
                    }
                }
            }
        }

        return errors.IsLegacy ? errors.BadRequest("Secret not found") : errors.NotFound($"Secret with ID '{secretId}' not found");
    }
}
