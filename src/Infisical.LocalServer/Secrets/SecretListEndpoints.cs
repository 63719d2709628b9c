using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>List secrets: <c>GET /api/v3/secrets/raw</c> and <c>GET /api/v4/secrets</c> (docs/infisical-api-notes.md, "List secrets").</summary>
internal sealed class SecretListEndpoints : IEndpointModule
{
    private const int MaxRecursionDepth = 20;

    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v3/secrets/raw", (HttpContext http, ServerState state) => List(http, state, v4: false));
        routes.MapGet("/api/v4/secrets", (HttpContext http, ServerState state) => List(http, state, v4: true));
    }

    private static IResult List(HttpContext http, ServerState state, bool v4)
    {
        var request = AuthenticatedRequest.Authenticate(http);
        if (request.Failed)
        {
            return request.Failure;
        }

        var (errors, input) = (request.Errors, request.Input);
        var query = http.Request.Query;
        var (viewValue, expand) = SecretReadFlags.Read(errors, input, query);
        var recursive = input.QueryBool(query, "recursive", false);
        var includeImports = input.QueryBool(query, "include_imports", false);
        if (input.HasIssues)
        {
            return errors.Validation(input.Issues);
        }

        var projectId = InputReader.QueryString(query, v4 ? "projectId" : "workspaceId");
        var projectSlug = v4 ? null : InputReader.QueryString(query, "workspaceSlug");
        var environment = InputReader.QueryString(query, "environment");
        var path = SecretPaths.Normalize(InputReader.QueryString(query, "secretPath"));
        var tagSlugs = (InputReader.QueryString(query, "tagSlugs") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var metadataFilter = ParseMetadataFilter(InputReader.QueryString(query, "metadataFilter"));
        if ((string.IsNullOrEmpty(projectId) && string.IsNullOrEmpty(projectSlug)) || string.IsNullOrEmpty(environment))
        {
            return errors.BadRequest("Missing project id or environment");
        }

        lock (state.SyncRoot)
        {
            var (project, error) = SecretScope.Project(state, errors, projectId, projectSlug);
            if (error != null)
            {
                return error;
            }

            var env = project!.FindEnvironment(environment);
            var body = new JsonObject { ["secrets"] = new JsonArray() };
            // The 2024 v3 list always carried an imports array, asked for or not (docs/infisical-api-notes.md).
            if (includeImports || (errors.IsLegacy && !v4))
            {
                body["imports"] = new JsonArray();
            }

            if (env == null)
            {
                return recursive && !errors.IsLegacy
                    ? errors.NotFound($"Environment with slug '{environment}' in project with ID {project.Id} not found")
                    : JsonResponse.Ok(body);
            }

            var folders = recursive
                ? env.Folders.Values.Where(f => SecretPaths.IsUnder(f.Path, path) && SecretPaths.Depth(f.Path) - SecretPaths.Depth(path) <= MaxRecursionDepth)
                    .OrderBy(f => f.Path, StringComparer.Ordinal).ToList()
                : env.Folders.TryGetValue(path, out var single) ? new List<Folder> { single } : new List<Folder>();
            var expander = new ReferenceExpander(project, errors.IsLegacy);
            var secrets = (JsonArray)body["secrets"]!;
            var items = folders.SelectMany(f => f.Secrets.Where(s => Matches(project, s, tagSlugs, metadataFilter)).Select(s => (Folder: f, Secret: s)));
            if (errors.IsLegacy)
            {
                // The 2024 server sorted one flat array by secret id, interleaving folders (docs/infisical-api-notes.md).
                items = items.OrderBy(i => i.Secret.Id, StringComparer.Ordinal);
            }

            foreach (var (folder, secret) in items)
            {
                secrets.Add(Serialize(state, project, env.Slug, folder.Path, secret, SecretShape.Full, viewValue, expand, expander));
            }

            if (includeImports && env.Folders.ContainsKey(path))
            {
                var imports = (JsonArray)body["imports"]!;
                foreach (var import in project.Imports.Where(i => i.Environment == env.Slug && i.Path == path))
                {
                    var source = SecretScope.Folder(project, import.FromEnvironment, import.FromPath);
                    var imported = new JsonArray();
                    foreach (var secret in source?.Secrets ?? new List<SecretRecord>())
                    {
                        imported.Add(Serialize(state, project, import.FromEnvironment, import.FromPath, secret, SecretShape.Imported, viewValue, expand, expander));
                    }

                    imports.Add(new JsonObject
                    {
                        ["secretPath"] = import.FromPath,
                        ["environment"] = import.FromEnvironment,
                        ["folderId"] = source?.Id,
                        ["secrets"] = imported,
                    });
                }
            }

            return JsonResponse.Ok(body);
        }
    }

    /// <summary>Serializes one secret with masking or expansion applied.</summary>
    internal static JsonObject Serialize(
        ServerState state, Project project, string environment, string path, SecretRecord secret, SecretShape shape,
        bool viewValue, bool expand, ReferenceExpander expander)
    {
        var personal = secret.Type == "personal";
        if (!viewValue && !personal)
        {
            return SecretJson.Build(state, project, environment, path, secret, shape, SecretJson.HiddenValue, hidden: true);
        }

        var value = expand ? expander.Expand(secret, secret.Value, environment, path) : secret.Value;
        return SecretJson.Build(state, project, environment, path, secret, shape, value, hidden: false);
    }

    private static bool Matches(Project project, SecretRecord secret, string[] tagSlugs, List<(string Key, string Value)> metadata)
    {
        if (tagSlugs.Length > 0 && !secret.TagIds.Any(id => project.Tags.Any(t => t.Id == id && tagSlugs.Contains(t.Slug))))
        {
            return false;
        }

        return metadata.All(f => secret.Metadata.Any(m => m.Key == f.Key && m.Value == f.Value));
    }

    // "key=k1,value=v1|key=k2,value=v2": pairs are ANDed.
    private static List<(string Key, string Value)> ParseMetadataFilter(string? text)
    {
        var result = new List<(string, string)>();
        foreach (var pair in (text ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            string key = string.Empty, value = string.Empty;
            foreach (var part in pair.Split(',', StringSplitOptions.TrimEntries))
            {
                if (part.StartsWith("key=", StringComparison.Ordinal))
                {
                    key = part[4..];
                }
                else if (part.StartsWith("value=", StringComparison.Ordinal))
                {
                    value = part[6..];
                }
            }

            result.Add((key, value));
        }

        return result;
    }
}
