using System;
using System.Linq;

namespace Infisical.LocalServer;

/// <summary>Folder path rules shared by every route.</summary>
internal static class SecretPaths
{
    /// <summary>
    /// The server's normalisation: trimmed, one trailing "/" removed (except for "/" itself); empty means "/".
    /// A leading "/" is added so that "app" and "/app" name the same folder.
    /// </summary>
    public static string Normalize(string? path)
    {
        var p = (path ?? "/").Trim();
        if (p.Length == 0)
        {
            return "/";
        }

        if (p.Length > 1 && p.EndsWith('/'))
        {
            p = p[..^1];
        }

        return p.StartsWith('/') ? p : "/" + p;
    }

    /// <summary>Joins a parent path and a child name.</summary>
    public static string Combine(string parent, string name) => parent == "/" ? "/" + name : parent + "/" + name;

    /// <summary>Parent of a path ("/" for top-level folders).</summary>
    public static string Parent(string path)
    {
        var index = path.LastIndexOf('/');
        return index <= 0 ? "/" : path[..index];
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or below it.</summary>
    public static bool IsUnder(string path, string root) =>
        root == "/" || path == root || path.StartsWith(root + "/", StringComparison.Ordinal);

    /// <summary>Depth below "/" (0 for "/").</summary>
    public static int Depth(string path) => path == "/" ? 0 : path.Count(c => c == '/');
}
