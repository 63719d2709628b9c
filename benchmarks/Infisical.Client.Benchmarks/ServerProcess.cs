using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Infisical.Benchmarks.Shared;

/// <summary>
/// The local server in a child process (the copy built next to this benchmark), for figures that must not count the
/// server's work: BenchmarkDotNet's allocation figure is process-wide, so an in-process server's allocations would
/// land on the client.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _seedFile;

    private ServerProcess(Process process, string seedFile, string baseUrl)
    {
        _process = process;
        _seedFile = seedFile;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<ServerProcess> StartAsync()
    {
        var seedFile = Path.Combine(Path.GetTempPath(), "infisical-bench-seed-" + Environment.ProcessId + ".json");
        await File.WriteAllTextAsync(seedFile, BenchSeed.Json());
        var port = FreePort();
        var baseUrl = "http://127.0.0.1:" + port;
        var dll = Path.Combine(AppContext.BaseDirectory, "Infisical.LocalServer.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", baseUrl, "--seed", seedFile, "--enable-test-controls" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the local server");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                (await probe.GetAsync(baseUrl + "/api/status")).EnsureSuccessStatusCode();
                return new ServerProcess(process, seedFile, baseUrl);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill();
        throw new InvalidOperationException("the local server did not answer within 30 s");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        File.Delete(_seedFile);
    }

    // A port the OS has just handed out and released; the server binds it a moment later.
    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
