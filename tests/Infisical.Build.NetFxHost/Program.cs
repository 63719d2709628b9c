using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Build.Framework;

namespace Infisical.Build.NetFxHost;

/// <summary>
/// Usage: <c>Infisical.Build.NetFxHost.exe &lt;task-assembly.dll&gt; &lt;Task.Full.TypeName&gt; [&lt;input-file&gt;]</c>.
/// Loads the task assembly from its folder, sets the parameters from the input file (see <see cref="TaskInput"/>),
/// runs <c>Execute()</c> once and writes one JSON document to stdout: success, every error/warning with its code,
/// the messages, the output parameters, the assemblies loaded and where from, and any loader failure as a full
/// exception chain. Exit code 0: the task succeeded; 1: it returned false; 2: it could not be loaded or run.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length < 2 || args.Length > 3)
        {
            Console.Error.WriteLine("usage: Infisical.Build.NetFxHost.exe <task-assembly.dll> <Task.Full.TypeName> [<input-file>]");
            return 64;
        }

        // The result document owns stdout; anything the task writes to the console goes to stderr instead.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);

        var assemblyPath = Path.GetFullPath(args[0]);
        var loader = new TaskAssemblyLoader(Path.GetDirectoryName(assemblyPath)!);
        var engine = new HostBuildEngine(Path.Combine(Environment.CurrentDirectory, "Host.proj"));
        bool? success = null;
        var outputs = new List<KeyValuePair<string, string>>();
        List<string>? failure = null;
        try
        {
            var input = args.Length == 3 ? TaskInput.Read(args[2]) : TaskInput.Parse(new string[0]);
            var type = loader.Load(Path.GetFileName(assemblyPath)).GetType(args[1], throwOnError: true)!;
            var task = (ITask)Activator.CreateInstance(type)!;
            task.BuildEngine = engine;
            input.ApplyTo(task);
            success = task.Execute();
            outputs = ReadOutputs(task);
        }
        catch (Exception ex)
        {
            failure = Describe(ex).ToList();
        }

        stdout.WriteLine(Result(Path.GetDirectoryName(assemblyPath)!, engine, loader, success, outputs, failure));
        stdout.Flush();
        return failure != null ? 2 : success == true ? 0 : 1;
    }

    private static string Result(string tasksFolder, HostBuildEngine engine, TaskAssemblyLoader loader, bool? success, List<KeyValuePair<string, string>> outputs, List<string>? failure)
    {
        string Event(string? code, string? subcategory, string? file, string? message) => JsonText.Object(new Dictionary<string, string>
        {
            ["code"] = JsonText.String(code),
            ["subcategory"] = JsonText.String(subcategory),
            ["file"] = JsonText.String(file),
            ["message"] = JsonText.String(message),
        });

        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => JsonText.Object(new Dictionary<string, string>
            {
                ["name"] = JsonText.String(a.FullName),
                ["location"] = JsonText.String(a.IsDynamic ? null : a.Location),
            }));
        return JsonText.Object(new Dictionary<string, string>
        {
            ["runtime"] = JsonText.String(RuntimeInformation.FrameworkDescription),
            ["success"] = success == null ? "null" : success.Value ? "true" : "false",
            ["errors"] = JsonText.Array(engine.Errors.Select(e => Event(e.Code, e.Subcategory, e.File, e.Message))),
            ["warnings"] = JsonText.Array(engine.Warnings.Select(w => Event(w.Code, w.Subcategory, w.File, w.Message))),
            ["messages"] = JsonText.Strings(engine.Messages.Select(m => m.Message)),
            ["outputs"] = JsonText.Object(outputs),
            ["hostFailure"] = failure == null ? "null" : JsonText.Strings(failure),
            ["assemblyResolve"] = JsonText.Strings(loader.Resolutions),
            ["loadedAssemblies"] = JsonText.Array(loaded),
            ["netFrameworkBinding"] = JsonText.Object(FrameworkBindings(tasksFolder)),
        });
    }

    /// <summary>For each MSBuild version in MSBuildRedirects/, what .NET Framework would fail to bind there (see <see cref="FrameworkBindingCheck"/>).</summary>
    private static IEnumerable<KeyValuePair<string, string>> FrameworkBindings(string tasksFolder)
    {
        var tables = Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "MSBuildRedirects");
        var loaded = AppDomain.CurrentDomain.GetAssemblies();
        foreach (var table in Directory.GetFiles(tables, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return new KeyValuePair<string, string>("MSBuild " + Path.GetFileNameWithoutExtension(table), JsonText.Strings(FrameworkBindingCheck.Check(tasksFolder, loaded, table)));
        }
    }

    /// <summary>Every [Output] parameter: item lists as arrays of item specs, anything else as its string form.</summary>
    private static List<KeyValuePair<string, string>> ReadOutputs(ITask task)
    {
        var outputs = new List<KeyValuePair<string, string>>();
        foreach (var property in task.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.IsDefined(typeof(OutputAttribute), inherit: true)))
        {
            var value = property.GetValue(task);
            var json = value switch
            {
                null => "null",
                ITaskItem[] items => JsonText.Strings(items.Select(i => i.ItemSpec)),
                string[] strings => JsonText.Strings(strings),
                ITaskItem item => JsonText.String(item.ItemSpec),
                bool b => b ? "true" : "false",
                _ => JsonText.String(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
            };
            outputs.Add(new KeyValuePair<string, string>(property.Name, json));
        }

        return outputs;
    }

    /// <summary>The whole exception chain, with what the loader knows: the file it wanted, the fusion log, loader exceptions.</summary>
    private static IEnumerable<string> Describe(Exception? ex)
    {
        for (; ex != null; ex = ex.InnerException)
        {
            yield return $"{ex.GetType().FullName}: {ex.Message}";
            var (file, fusionLog) = ex switch
            {
                FileNotFoundException f => (f.FileName, f.FusionLog),
                FileLoadException l => (l.FileName, l.FusionLog),
                BadImageFormatException b => (b.FileName, b.FusionLog),
                _ => ((string?)null, (string?)null),
            };
            if (file != null)
            {
                yield return "  file: " + file;
            }

            if (!string.IsNullOrEmpty(fusionLog))
            {
                yield return "  fusion log: " + fusionLog;
            }

            if (ex is ReflectionTypeLoadException typeLoad)
            {
                foreach (var line in typeLoad.LoaderExceptions.SelectMany(Describe))
                {
                    yield return "  loader: " + line;
                }
            }

            if (ex is AggregateException aggregate && aggregate.InnerExceptions.Count > 1)
            {
                foreach (var line in aggregate.InnerExceptions.Skip(1).SelectMany(Describe))
                {
                    yield return "  also: " + line;
                }
            }
        }
    }
}
