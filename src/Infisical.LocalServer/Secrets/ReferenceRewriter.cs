using System;

namespace Infisical.LocalServer;

/// <summary>
/// After a rename the real server rewrites references to the old name across the project, giving each rewritten
/// secret a new version (docs/infisical-api-notes.md, "Update a secret"). Call under the state lock.
/// </summary>
internal static class ReferenceRewriter
{
    /// <summary>Rewrites references to (<paramref name="environment"/>, <paramref name="path"/>, <paramref name="oldName"/>).</summary>
    public static void Rename(ServerState state, Project project, string environment, string path, string oldName, string newName, string actorId)
    {
        foreach (var env in project.Environments)
        {
            foreach (var folder in env.Folders.Values)
            {
                foreach (var secret in folder.Secrets)
                {
                    var rewritten = ReferenceExpander.CurrentPattern.Replace(secret.Value, match =>
                    {
                        var parts = match.Groups[1].Value.Split('.');
                        if (parts[^1] != oldName || parts[0].StartsWith('@'))
                        {
                            return match.Value;
                        }

                        var refEnv = parts.Length == 1 ? env.Slug : parts[0];
                        var refPath = parts.Length == 1 ? folder.Path : ReferenceExpander.FolderOf(parts);
                        if (refEnv != environment || refPath != path)
                        {
                            return match.Value;
                        }

                        parts[^1] = newName;
                        return "${" + string.Join('.', parts) + "}";
                    });
                    if (!string.Equals(rewritten, secret.Value, StringComparison.Ordinal))
                    {
                        secret.Value = rewritten;
                        secret.RecordChange(state.Clock.UtcNow, actorId);
                    }
                }
            }
        }
    }
}
