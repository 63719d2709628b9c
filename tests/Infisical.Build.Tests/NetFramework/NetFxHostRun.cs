using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;

namespace Infisical.Build.Tests.NetFramework;

/// <summary>One run of a task under mono through tests/Infisical.Build.NetFxHost, and the result it printed.</summary>
internal sealed class NetFxHostRun
{
    private NetFxHostRun(ProcessResult process, JsonElement? result)
    {
        Process = process;
        Result = result;
    }

    public ProcessResult Process { get; }

    /// <summary>The host's JSON result document (null when the host printed none, e.g. mono itself failed).</summary>
    public JsonElement? Result { get; }

    /// <summary>Everything the run printed, for failure messages and leak checks.</summary>
    public string Output => Process.Output;

    public bool? Success => Result is { } r && r.GetProperty("success").ValueKind != JsonValueKind.Null ? r.GetProperty("success").GetBoolean() : null;

    public IReadOnlyList<(string? Code, string? Message)> Errors => Events("errors");

    public IReadOnlyList<(string? Code, string? Message)> Warnings => Events("warnings");

    /// <summary>Why the host could not load or run the task: the whole exception chain, or empty.</summary>
    public IReadOnlyList<string> HostFailure => Strings("hostFailure");

    /// <summary>Dependency requests the runtime's own probing missed and the host answered (MSBuild would not).</summary>
    public IReadOnlyList<string> AssemblyResolveRequests => Strings("assemblyResolve");

    /// <summary>
    /// The references .NET Framework would fail to bind inside Visual Studio's MSBuild <paramref name="msbuildVersion"/>
    /// (e.g. "17.10"), which mono cannot show by running: the host's prediction from that MSBuild's binding redirects.
    /// </summary>
    public IReadOnlyList<string> FrameworkBindingProblems(string msbuildVersion) =>
        Result?.GetProperty("netFrameworkBinding").GetProperty("MSBuild " + msbuildVersion).EnumerateArray().Select(e => e.GetString()!).ToList()
        ?? throw new InvalidOperationException("The host printed no result.");

    public IReadOnlyDictionary<string, string?> LoadedAssemblies =>
        Result?.GetProperty("loadedAssemblies").EnumerateArray()
            .GroupBy(a => a.GetProperty("name").GetString()!)
            .ToDictionary(g => g.Key.Split(',')[0], g => g.First().GetProperty("location").GetString())
        ?? new Dictionary<string, string?>();

    public IReadOnlyList<string> OutputItems(string parameter) =>
        Result?.GetProperty("outputs").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()!).ToList() ?? new List<string>();

    /// <summary>A scalar [Output] parameter's value.</summary>
    public string OutputValue(string parameter) =>
        Result?.GetProperty("outputs").GetProperty(parameter).GetString() ?? string.Empty;

    public string Runtime => Result?.GetProperty("runtime").GetString() ?? string.Empty;

    /// <summary>Runs <paramref name="taskType"/> from <paramref name="tasksFolder"/> with the given input lines (see the host's TaskInput).</summary>
    public static async Task<NetFxHostRun> StartAsync(NetFrameworkTaskFixture fixture, string tasksFolder, string taskType, IEnumerable<string> input, IReadOnlyDictionary<string, string?> environment)
    {
        var inputFile = Path.Combine(fixture.Workspace, "input-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        File.WriteAllLines(inputFile, input);
        var process = await ProcessRunner.RunAsync(
            fixture.Mono!,
            new[] { "--debug", fixture.HostExe, Path.Combine(tasksFolder, "Infisical.Build.Tasks.dll"), taskType, inputFile },
            fixture.Workspace,
            environment,
            TimeSpan.FromMinutes(2));

        // The result is the one line that is a JSON object starting with the runtime (stderr lines are interleaved).
        var line = process.Output.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith("{\"runtime\":", StringComparison.Ordinal));
        return new NetFxHostRun(process, line == null ? null : JsonDocument.Parse(line).RootElement.Clone());
    }

    /// <summary>A one-paragraph account of the run for assertion messages.</summary>
    public override string ToString() =>
        $"exit {Process.ExitCode}, success {Success?.ToString() ?? "none"}\nhost failure:\n  {string.Join("\n  ", HostFailure)}\n" +
        $"errors:\n  {string.Join("\n  ", Errors.Select(e => e.Code + ": " + e.Message))}\noutput:\n{Output}";

    private IReadOnlyList<(string? Code, string? Message)> Events(string name) =>
        Result?.GetProperty(name).EnumerateArray().Select(e => (e.GetProperty("code").GetString(), e.GetProperty("message").GetString())).ToList()
        ?? new List<(string?, string?)>();

    private IReadOnlyList<string> Strings(string name) =>
        Result is { } r && r.GetProperty(name).ValueKind == JsonValueKind.Array ? r.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList() : new List<string>();
}
