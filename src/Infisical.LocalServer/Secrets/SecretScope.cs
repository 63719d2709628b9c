using System.Linq;

namespace Infisical.LocalServer;

/// <summary>Resolves the project, environment and folder a secret request names (call under the state lock).</summary>
internal static class SecretScope
{
    /// <summary>Finds the project by id or slug, or the error the real server gives for an unknown one.</summary>
    public static (Project? Project, JsonResponse? Error) Project(ServerState state, ApiErrors errors, string? id, string? slug)
    {
        var project = state.FindProject(id, slug);
        if (project != null)
        {
            return (project, null);
        }

        if (errors.IsLegacy)
        {
            return (null, errors.BadRequest("Project not found during bot lookup."));
        }

        return (null, string.IsNullOrEmpty(id)
            ? errors.NotFound($"Project with slug '{slug}' not found")
            : errors.NotFound($"Project with ID '{id}' not found"));
    }

    /// <summary>The answer when a request names no project (v3 takes an id or a slug, v4 only an id); null when it names one.</summary>
    public static JsonResponse? MissingProject(ApiErrors errors, string? id, string? slug, bool v4) =>
        string.IsNullOrEmpty(id) && string.IsNullOrEmpty(slug)
            ? errors.BadRequest(v4 ? "Missing project id" : "You must provide workspaceSlug or workspaceId")
            : null;

    /// <summary>
    /// The project, then the folder in it, with the real server's error for whichever is missing first.
    /// Project and Folder are meaningful only when Error is null.
    /// </summary>
    public static (Project Project, Folder Folder, JsonResponse? Error) ProjectFolder(
        ServerState state, ApiErrors errors, string? id, string? slug, string? environment, string path)
    {
        var (project, error) = Project(state, errors, id, slug);
        if (error != null)
        {
            return (null!, null!, error);
        }

        var folder = Folder(project!, environment, path);
        return folder == null
            ? (null!, null!, FolderNotFound(errors, environment ?? string.Empty, path))
            : (project!, folder, null);
    }

    /// <summary>The folder, or null when the environment or the folder does not exist.</summary>
    public static Folder? Folder(Project project, string? environment, string path) =>
        project.FindEnvironment(environment) is { } env && env.Folders.TryGetValue(path, out var folder) ? folder : null;

    /// <summary>
    /// The "folder not found" answer of get/update/delete/create. The 2024 server labelled it "Create secret" even on
    /// a GET: its read path reused the create path's folder lookup (docs/infisical-api-notes.md).
    /// </summary>
    public static JsonResponse FolderNotFound(ApiErrors errors, string environment, string path) => errors.IsLegacy
        ? errors.BadRequest("Folder not found for the given environment slug & secret path", "Create secret")
        : errors.NotFound($"Folder with path '{path}' in environment with slug '{environment}' not found");

    /// <summary>The approval policy covering a folder, if any.</summary>
    public static ApprovalPolicy? ApprovalPolicy(Project project, string environment, string path) =>
        project.ApprovalPolicies.FirstOrDefault(p => p.Covers(environment, path));

    /// <summary>
    /// Route values keep "%2F" encoded in ASP.NET Core while Fastify decodes it; decode it so a name containing "/"
    /// reaches validation (and fails there, as on the real server).
    /// </summary>
    public static string DecodeName(string routeValue) =>
        routeValue.Replace("%2F", "/", System.StringComparison.OrdinalIgnoreCase).Trim();
}
