using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

using Xunit;

namespace Infisical.Build.Core.Tests.DotEnv;

/// <summary>
/// Reads env files with the real <c>docker</c> CLI: <c>docker run --env-file</c> parses the files on the client
/// and sends the result as the container's <c>Env</c> list, so a stand-in daemon that records the create request
/// shows exactly what docker read. No engine is needed; the stand-in refuses the create, so nothing runs.
/// </summary>
internal static class DockerCli
{
    // The stand-in daemon: answers the ping, saves the create body, then fails the request so the CLI stops.
    private const string StandInDaemon = """
        import http.server, sys
        class Handler(http.server.BaseHTTPRequestHandler):
            def answer(self, code, body=b""):
                self.send_response(code)
                self.send_header("API-Version", "1.41")
                self.send_header("OSType", "linux")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def do_HEAD(self): self.answer(200)
            def do_GET(self): self.answer(200, b"OK")
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if "/containers/create" in self.path:
                    with open(sys.argv[1], "wb") as out: out.write(body)
                self.answer(500, b'{"message":"stand-in daemon: not creating containers"}')
            def log_message(self, *args): pass
        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """;

    /// <summary>Marks where one input file's variables end in the combined Env list.</summary>
    private const string Marker = "INFB_TEST_FILE_MARK__";

    public static async Task<List<ParsedFile>> ReadAsync(IReadOnlyList<string> files, string workDir)
    {
        Assert.True(ProcessExists("docker"), "the docker CLI is not installed: scripts/test.sh installs Debian's docker.io when it is missing.");
        var body = Path.Combine(workDir, "create-body.json");
        var daemonInfo = new ProcessStartInfo(RealParsers.DebianPython) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        daemonInfo.ArgumentList.Add("-c");
        daemonInfo.ArgumentList.Add(StandInDaemon);
        daemonInfo.ArgumentList.Add(body);
        using var daemon = Process.Start(daemonInfo)!;
        try
        {
            var port = await daemon.StandardOutput.ReadLineAsync();
            Assert.False(string.IsNullOrEmpty(port), "the stand-in daemon did not start: " + await daemon.StandardError.ReadToEndAsync());

            // One run reads every file: docker concatenates env files in order, and a marker file between them
            // tells which variables came from which input.
            var arguments = new List<string> { "run", "--pull", "never" };
            for (var i = 0; i < files.Count; i++)
            {
                var marker = Path.Combine(workDir, $"marker-{i}.env");
                File.WriteAllText(marker, $"{Marker}={i}\n");
                arguments.AddRange(new[] { "--env-file", files[i], "--env-file", marker });
            }

            arguments.AddRange(new[] { "infisical-build-test-image", "true" });
            var config = Directory.CreateDirectory(Path.Combine(workDir, "docker-config")).FullName;
            var run = await ProcessRunner.RunAsync("docker", arguments, workDir, new Dictionary<string, string?>
            {
                ["DOCKER_HOST"] = "tcp://127.0.0.1:" + port,
                ["DOCKER_CONFIG"] = config,
                ["DOCKER_CONTEXT"] = null,
                ["DOCKER_TLS_VERIFY"] = null,
            }, TimeSpan.FromMinutes(1));
            if (!File.Exists(body))
            {
                // docker refused the files before contacting the daemon: every file counts as unread.
                return files.Select(_ => new ParsedFile(null, "docker refused the env files: " + run.Output.Trim())).ToList();
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(body));
            var env = document.RootElement.GetProperty("Env").EnumerateArray().Select(e => e.GetString()!).ToList();
            return Split(env, files.Count);
        }
        finally
        {
            daemon.Kill();
            await daemon.WaitForExitAsync();
        }
    }

    private static List<ParsedFile> Split(List<string> env, int count)
    {
        var results = new List<ParsedFile>();
        var current = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in env)
        {
            var equals = entry.IndexOf('=');
            var name = equals < 0 ? entry : entry.Substring(0, equals);
            var value = equals < 0 ? null : entry.Substring(equals + 1);
            if (name == Marker)
            {
                results.Add(new ParsedFile(current, null));
                current = new Dictionary<string, string?>(StringComparer.Ordinal);
                continue;
            }

            current[name] = value;
        }

        Assert.Equal(count, results.Count);
        return results;
    }

    private static bool ProcessExists(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
}
