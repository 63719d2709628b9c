using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Infisical.Build.NetFxHost;

/// <summary>
/// Predicts how .NET Framework's binder would resolve the task's strong-named references inside Visual Studio's
/// MSBuild, which running under mono cannot show: mono binds a reference to whatever version of the name it finds
/// (it runs the task with Microsoft.Bcl.AsyncInterfaces 7.0.0.0 where 8.0.0.0 is referenced), while .NET Framework
/// wants the exact version unless the application's config redirects it. That config is MSBuild.exe.config (a
/// task cannot bring its own; MSBuild's resolver only finds the task assembly itself), whose redirects are in
/// MSBuildRedirects/&lt;version&gt;.txt. For every assembly the run loaded from the task folder, each reference is:
/// redirected to MSBuild's own copy (fine); or of a name MSBuild ships, outside its redirect (MSBuild's folder is
/// probed first and holds another version: FileLoadException 0x80131040); or of a framework assembly (unified,
/// fine); or bound to the task folder's file, which must have exactly the referenced version.
/// </summary>
internal static class FrameworkBindingCheck
{
    public static IEnumerable<string> Check(string tasksFolder, IReadOnlyList<Assembly> loaded, string redirectsFile)
    {
        var redirects = File.ReadAllLines(redirectsFile)
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split(' '))
            .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Last())
            .ToDictionary(p => p[0], p => new Redirect(p[1], Version.Parse(p[2].Split('-')[0]), Version.Parse(p[2].Split('-').Last()), Version.Parse(p[3])), StringComparer.OrdinalIgnoreCase);
        var folder = Path.GetFullPath(tasksFolder).TrimEnd(Path.DirectorySeparatorChar);
        var fromFolder = loaded.Where(a => !a.IsDynamic && string.Equals(Path.GetDirectoryName(a.Location), folder, StringComparison.Ordinal)).ToList();
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var assembly in fromFolder)
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                var token = Token(reference);
                if (token.Length == 0 || reference.Version == null)
                {
                    continue; // Not strong-named: .NET Framework ignores the version.
                }

                var who = $"{assembly.GetName().Name} references {reference.Name} {reference.Version}";
                if (redirects.TryGetValue(reference.Name!, out var redirect) && redirect.Token == token)
                {
                    if (reference.Version < redirect.From || reference.Version > redirect.To)
                    {
                        problems.Add($"{who}: MSBuild redirects only {redirect.From}-{redirect.To} to its own {redirect.NewVersion}, which its folder holds and the binder finds first (FileLoadException 0x80131040).");
                    }

                    continue;
                }

                var local = Path.Combine(folder, reference.Name + ".dll");
                if (!File.Exists(local))
                {
                    continue; // A framework assembly: .NET Framework unifies it to its own version.
                }

                var shipped = AssemblyName.GetAssemblyName(local).Version;
                if (shipped != reference.Version)
                {
                    problems.Add($"{who}: the task folder has {shipped}, and nothing can redirect a task's references (FileLoadException 0x80131040).");
                }
            }
        }

        return problems;
    }

    private static string Token(AssemblyName name) =>
        string.Concat((name.GetPublicKeyToken() ?? new byte[0]).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    private sealed class Redirect
    {
        public Redirect(string token, Version from, Version to, Version newVersion)
        {
            Token = token;
            From = from;
            To = to;
            NewVersion = newVersion;
        }

        public string Token { get; }

        public Version From { get; }

        public Version To { get; }

        public Version NewVersion { get; }
    }
}
