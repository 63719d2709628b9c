using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Infisical.Build.Core.Tests.DotEnv;

/// <summary>
/// Writes rendered .env files to disk and has every real parser of their dialect read them back, reporting each
/// file where a parser saw anything other than exactly the written names and values.
/// </summary>
internal static class DialectReadBack
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The parsers each dialect promises to satisfy (docker compose cannot be run here; see docs/msbuild.md).</summary>
    public static IReadOnlyList<string> ParsersOf(DotEnvDialect dialect) => dialect switch
    {
        DotEnvDialect.Portable => new[] { "npm dotenv", "DotNetEnv", "python-dotenv" },
        DotEnvDialect.Node => new[] { "npm dotenv" },
        DotEnvDialect.DotNetEnv => new[] { "DotNetEnv" },
        DotEnvDialect.Docker => new[] { "docker env-file rules (reimplemented, not docker itself)" },
        _ => new[] { "sh" },
    };

    /// <param name="files">Each file's content and the names/values the writer put in it.</param>
    /// <returns>One description per (parser, file) that did not read back exactly; empty when all did.</returns>
    public static async Task<List<string>> MismatchesAsync(DotEnvDialect dialect, IReadOnlyList<(string Content, IReadOnlyDictionary<string, string> Written)> files)
    {
        var dir = Path.Combine(Path.GetTempPath(), "infisical-dotenv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var paths = new List<string>();
            for (var i = 0; i < files.Count; i++)
            {
                var path = Path.Combine(dir, $"case-{i}.env");
                File.WriteAllBytes(path, Utf8NoBom.GetBytes(files[i].Content));
                paths.Add(path);
            }

            var mismatches = new List<string>();
            foreach (var parser in ParsersOf(dialect))
            {
                var results = parser switch
                {
                    "npm dotenv" => await RealParsers.NpmAsync(paths, dir),
                    "DotNetEnv" => RealParsers.DotNetEnv(paths),
                    "python-dotenv" => await RealParsers.PythonAsync(paths, dir),
                    "docker env-file rules (reimplemented, not docker itself)" => DockerEnvFileRules.Read(files.Select(f => f.Content)),
                    _ => await RealParsers.ShellAsync(paths.Select((p, i) => (p, (IReadOnlyList<string>)files[i].Written.Keys.ToList())).ToList(), dir),
                };
                for (var i = 0; i < files.Count; i++)
                {
                    var problem = Compare(files[i].Written, results[i]);
                    if (problem != null)
                    {
                        mismatches.Add($"{parser} on file {i}: {problem}\n--- file ---\n{RealParsers.Escape(files[i].Content)}\n------------");
                    }
                }
            }

            return mismatches;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string? Compare(IReadOnlyDictionary<string, string> written, ParsedFile parsed)
    {
        if (parsed.Values == null)
        {
            return parsed.Failure;
        }

        var problems = new List<string>();
        foreach (var pair in written)
        {
            if (!parsed.Values.TryGetValue(pair.Key, out var read))
            {
                problems.Add($"'{pair.Key}' missing");
            }
            else if (read != pair.Value)
            {
                problems.Add($"'{pair.Key}' read as \"{RealParsers.Escape(read)}\", written \"{RealParsers.Escape(pair.Value)}\"");
            }
        }

        problems.AddRange(parsed.Values.Keys.Where(k => !written.ContainsKey(k)).Select(k => $"unexpected '{RealParsers.Escape(k)}'"));
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
