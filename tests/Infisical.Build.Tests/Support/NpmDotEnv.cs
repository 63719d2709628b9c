using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.Build.Tests.Support;

/// <summary>Reads a .env file with the real npm <c>dotenv</c> parser (tests/dotenv-check, installed by scripts/test.sh).</summary>
internal static class NpmDotEnv
{
    public static async Task<Dictionary<string, string>> ParseAsync(string path)
    {
        var script = Path.Combine(RepoPaths.DotEnvCheckDirectory, "parse.js");
        Assert.True(
            Directory.Exists(Path.Combine(RepoPaths.DotEnvCheckDirectory, "node_modules", "dotenv")),
            "npm dotenv is not installed: run `npm ci --prefix tests/dotenv-check` (scripts/test.sh does).");
        var result = await ProcessRunner.RunAsync("node", new[] { script, path }, RepoPaths.DotEnvCheckDirectory);
        Assert.True(result.ExitCode == 0, "node parse.js failed:\n" + result.Output);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(result.Output.Trim())!;
    }
}
