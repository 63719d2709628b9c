using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace Infisical.Build.NetFxHost;

/// <summary>
/// Loads a task assembly the way .NET Framework MSBuild does for <c>UsingTask AssemblyFile=</c>: with
/// <see cref="Assembly.LoadFrom(string)"/>, so its dependencies are probed in its own folder (the load-from
/// context). What that probing misses (mono probes differently, or a version differs from the reference) comes
/// through <see cref="AppDomain.AssemblyResolve"/> from the same folder, and each such request is recorded, so a
/// dependency that only loads thanks to this host is visible in the result instead of silently patched over.
/// </summary>
internal sealed class TaskAssemblyLoader
{
    private readonly string _folder;

    public TaskAssemblyLoader(string folder) => _folder = folder;

    /// <summary>Each assembly request the runtime could not satisfy by itself, with what this host did about it.</summary>
    public List<string> Resolutions { get; } = new List<string>();

    public Assembly Load(string fileName)
    {
        AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
        return Assembly.LoadFrom(Path.Combine(_folder, fileName));
    }

    private Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
    {
        var requested = new AssemblyName(args.Name);

        // Satellite resource lookups for the invariant culture end here by design; they are not dependencies.
        if (requested.Name == null || requested.Name.EndsWith(".resources", StringComparison.Ordinal))
        {
            return null;
        }

        var candidate = Path.Combine(_folder, requested.Name + ".dll");
        lock (Resolutions)
        {
            if (!File.Exists(candidate))
            {
                Resolutions.Add($"{args.Name} (wanted by {args.RequestingAssembly?.GetName().Name ?? "?"}): not in the task folder");
                return null;
            }

            var found = AssemblyName.GetAssemblyName(candidate);
            Resolutions.Add($"{args.Name} (wanted by {args.RequestingAssembly?.GetName().Name ?? "?"}): loaded {found.FullName} from the task folder");
        }

        return Assembly.LoadFrom(candidate);
    }
}
