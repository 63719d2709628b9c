using System;
using System.IO;

namespace Infisical.Build.Tests.Support;

/// <summary>Locates the repository checkout the tests run from.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infisical.Build.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Infisical.Build.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => LazyRoot.Value;

    public static string TasksProject => Path.Combine(Root, "src", "Infisical.Build.Tasks", "Infisical.Build.Tasks.csproj");

    public static string DotEnvCheckDirectory => Path.Combine(Root, "tests", "dotenv-check");
}
