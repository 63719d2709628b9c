using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Http;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Projects
{
    /// <summary>
    /// Read-only project facts: its environments and whether a folder exists. Listing secrets of an unknown
    /// environment or a missing folder answers an empty list, so a caller that must tell "empty" from "wrong"
    /// (the build) asks here. Routes and answer shapes: docs/infisical-api-notes.md, "Projects and folders".
    /// </summary>
    public sealed class ProjectsClient
    {
        private readonly InfisicalConnection _connection;

        internal ProjectsClient(InfisicalConnection connection) => _connection = connection;

        /// <summary>Gets a project by id or slug (exactly one), with its environments.</summary>
        /// <exception cref="InfisicalApiException">Not found, or the identity may not read the project.</exception>
        public async Task<InfisicalProject> GetAsync(string? projectId, string? projectSlug, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(projectId) == string.IsNullOrWhiteSpace(projectSlug))
            {
                throw new ArgumentException("Give exactly one of projectId and projectSlug.");
            }

            var path = projectId != null
                ? "/api/v1/workspace/" + InfisicalRequest.EscapeSegment(projectId.Trim())
                : "/api/v2/workspace/" + InfisicalRequest.EscapeSegment(projectSlug!.Trim());
            var request = new InfisicalRequest(HttpMethod.Get, path, RequestOptions.Read);
            var body = await _connection.Requests.SendAsync(request, Json.ClientJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);

            // Current servers wrap the project in "workspace" (or "project"); accept a bare object as well.
            var project = body;
            foreach (var wrapper in new[] { "workspace", "project" })
            {
                if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(wrapper, out var inner) && inner.ValueKind == JsonValueKind.Object)
                {
                    project = inner;
                    break;
                }
            }

            var environments = new List<ProjectEnvironment>();
            if (project.ValueKind == JsonValueKind.Object && project.TryGetProperty("environments", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var environment in list.EnumerateArray())
                {
                    if (String(environment, "slug") is { } slug)
                    {
                        environments.Add(new ProjectEnvironment(slug, String(environment, "name") ?? slug));
                    }
                }
            }

            return new InfisicalProject(String(project, "id") ?? projectId ?? string.Empty, String(project, "slug") ?? projectSlug, environments);
        }

        /// <summary>True when the folder exists in the environment (<c>/</c> always does).</summary>
        public async Task<bool> FolderExistsAsync(string projectId, string environment, string secretPath, CancellationToken cancellationToken = default)
        {
            var path = secretPath.Trim().TrimEnd('/');
            if (path.Length == 0)
            {
                return true;
            }

            var cut = path.LastIndexOf('/');
            var parent = cut <= 0 ? "/" : path.Substring(0, cut);
            var name = path.Substring(cut + 1);
            var request = new InfisicalRequest(HttpMethod.Get, "/api/v1/folders", RequestOptions.Read).WithQuery(new[]
            {
                new KeyValuePair<string, string>("workspaceId", projectId),
                new KeyValuePair<string, string>("environment", environment),
                new KeyValuePair<string, string>("path", parent),
            });
            var body = await _connection.Requests.SendAsync(request, Json.ClientJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("folders", out var folders) && folders.ValueKind == JsonValueKind.Array)
            {
                foreach (var folder in folders.EnumerateArray())
                {
                    if (string.Equals(String(folder, "name"), name, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            throw new InfisicalException("Infisical answered the folder list without a 'folders' array.");
        }

        private static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>A project and its environments.</summary>
    public sealed record InfisicalProject(string Id, string? Slug, IReadOnlyList<ProjectEnvironment> Environments);

    /// <summary>One environment of a project.</summary>
    public sealed record ProjectEnvironment(string Slug, string Name);
}
