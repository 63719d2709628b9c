using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

using Xunit;

namespace Infisical.Build.Core.Tests.DotEnv;

/// <summary>What one parser read from one file: its name/value pairs, or why it could not read the file.</summary>
internal sealed record ParsedFile(Dictionary<string, string?>? Values, string? Failure);

/// <summary>
/// Runs the real parsers over many files at once (one process per parser and batch, or in-process for
/// DotNetEnv), so hundreds of generated files cost a few seconds. Every result comes from the parser itself;
/// nothing here re-implements a parser's rules.
/// </summary>
internal static class RealParsers
{
    /// <summary>Debian's python3 (python3-dotenv lives in its dist-packages, not in a pyenv build on PATH).</summary>
    public const string DebianPython = "/usr/bin/python3";

    private const string PythonBatch = """
        import json, sys
        from dotenv import dotenv_values
        files = [line for line in open(sys.argv[1], encoding="utf-8").read().split("\n") if line]
        with open(sys.argv[2], "w", encoding="utf-8") as out:
            json.dump([dotenv_values(path) for path in files], out)
        """;

    /// <summary>npm dotenv's default parser (tests/dotenv-check/parse-many.js).</summary>
    public static async Task<List<ParsedFile>> NpmAsync(IReadOnlyList<string> files, string workDir)
    {
        Assert.True(
            Directory.Exists(Path.Combine(RepoPaths.DotEnvCheckDirectory, "node_modules", "dotenv")),
            "npm dotenv is not installed: run `npm ci --prefix tests/dotenv-check` (scripts/test.sh does).");
        var script = Path.Combine(RepoPaths.DotEnvCheckDirectory, "parse-many.js");
        return await RunJsonBatchAsync("node", new[] { script }, files, workDir, RepoPaths.DotEnvCheckDirectory);
    }

    /// <summary>python-dotenv's <c>dotenv_values</c> with its defaults (interpolation on), as <c>load_dotenv</c> reads.</summary>
    public static async Task<List<ParsedFile>> PythonAsync(IReadOnlyList<string> files, string workDir)
    {
        Assert.True(File.Exists(DebianPython), $"{DebianPython} is missing: install python3 and python3-dotenv (scripts/test.sh does).");
        return await RunJsonBatchAsync(DebianPython, new[] { "-c", PythonBatch }, files, workDir, workDir);
    }

    /// <summary>DotNetEnv 3.x, in-process, without touching this process's environment.</summary>
    public static List<ParsedFile> DotNetEnv(IReadOnlyList<string> files) => files.Select(file =>
    {
        try
        {
            var pairs = global::DotNetEnv.Env.NoEnvVars().Load(file).ToList();
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var pair in pairs)
            {
                values[pair.Key] = pair.Value;
            }

            return new ParsedFile(values, null);
        }
        catch (Exception ex)
        {
            return new ParsedFile(null, "DotNetEnv failed: " + ex.GetType().Name + ": " + ex.Message);
        }
    }).ToList();

    /// <summary>
    /// Sources each file with <c>sh</c> (one process for the whole batch, each file in its own subshell) and prints
    /// every expected variable back NUL-separated, with whether it was set, into one output file per input.
    /// </summary>
    public static async Task<List<ParsedFile>> ShellAsync(IReadOnlyList<(string File, IReadOnlyList<string> Names)> files, string workDir)
    {
        var script = new StringBuilder();
        var outputs = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var output = Path.Combine(workDir, $"sh-{i}.out");
            outputs.Add(output);
            script.Append("(\n  . '").Append(files[i].File).Append("'\n");
            foreach (var name in files[i].Names)
            {
                // The names are shell identifiers (the shell dialect refuses others), so they can be spliced in.
                script.Append("  printf '%s\\0%s\\0' \"${").Append(name).Append("+set}\" \"${").Append(name).Append("-}\"\n");
            }

            script.Append(") > '").Append(output).Append("' 2>&1\n");
        }

        var scriptPath = Path.Combine(workDir, "read-back.sh");
        File.WriteAllText(scriptPath, script.ToString());
        // A file sh cannot source ends only its own subshell; its output file then lacks the values.
        var run = await ProcessRunner.RunAsync("sh", new[] { scriptPath }, workDir, timeout: TimeSpan.FromMinutes(2));

        var results = new List<ParsedFile>();
        for (var i = 0; i < files.Count; i++)
        {
            var fields = File.ReadAllText(outputs[i], Encoding.UTF8).Split('\0');
            var names = files[i].Names;
            if (fields.Length != names.Count * 2 + 1)
            {
                results.Add(new ParsedFile(null, $"sh did not print every variable back (exit {run.ExitCode}): " + Escape(string.Join("|", fields))));
                continue;
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var n = 0; n < names.Count; n++)
            {
                if (fields[2 * n] == "set")
                {
                    values[names[n]] = fields[2 * n + 1];
                }
            }

            results.Add(new ParsedFile(values, null));
        }

        return results;
    }

    /// <summary>Makes control characters visible in failure messages.</summary>
    public static string Escape(string? text) => text == null
        ? "<null>"
        : string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
            ? $"\\u{(int)c:x4}"
            : c.ToString()));

    private static async Task<List<ParsedFile>> RunJsonBatchAsync(string program, string[] arguments, IReadOnlyList<string> files, string workDir, string cwd)
    {
        var id = Guid.NewGuid().ToString("N");
        var list = Path.Combine(workDir, $"{Path.GetFileName(program)}-{id}.list");
        var output = Path.Combine(workDir, $"{Path.GetFileName(program)}-{id}.json");
        File.WriteAllText(list, string.Join("\n", files) + "\n");
        var run = await ProcessRunner.RunAsync(program, arguments.Concat(new[] { list, output }), cwd, timeout: TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0 && File.Exists(output), $"{program} failed ({run.ExitCode}):\n{run.Output}");
        var parsed = JsonSerializer.Deserialize<List<Dictionary<string, string?>>>(File.ReadAllText(output))!;
        Assert.Equal(files.Count, parsed.Count);
        return parsed.Select(p => new ParsedFile(new Dictionary<string, string?>(p, StringComparer.Ordinal), null)).ToList();
    }
}
