using System;
using System.IO;

namespace Infisical.Build.Core.Settings;

/// <summary>
/// The current git branch, read from <c>.git/HEAD</c> without running git (a build machine may not have it, and
/// a process per project would cost more than the read). Worktrees and submodules keep a <c>.git</c> file that
/// points at the real folder.
/// </summary>
internal static class GitBranch
{
    /// <summary>The branch name, or null when the directory is not in a git work tree or HEAD is detached.</summary>
    public static string? Current(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory != null; directory = directory.Parent)
        {
            var dotGit = Path.Combine(directory.FullName, ".git");
            string? gitDirectory = null;
            if (Directory.Exists(dotGit))
            {
                gitDirectory = dotGit;
            }
            else if (File.Exists(dotGit))
            {
                var pointer = File.ReadAllText(dotGit).Trim();
                if (pointer.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    var target = pointer.Substring("gitdir:".Length).Trim();
                    gitDirectory = Path.IsPathRooted(target) ? target : Path.Combine(directory.FullName, target);
                }
            }

            if (gitDirectory != null)
            {
                var head = Path.Combine(gitDirectory, "HEAD");
                if (!File.Exists(head))
                {
                    return null;
                }

                const string Prefix = "ref: refs/heads/";
                var text = File.ReadAllText(head).Trim();
                return text.StartsWith(Prefix, StringComparison.Ordinal) ? text.Substring(Prefix.Length) : null;
            }
        }

        return null;
    }
}
