using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Infisical.Analyzers.Benchmarks;

/// <summary>
/// Measures, in one run, the analyzer's own execution time and the InfisicalSecretNames generator's against the
/// time to compile a generated 1,000-file project (bind + emit), and prints medians and the ratios. Runs are
/// interleaved per iteration so a noisy machine weighs on every figure alike.
/// Usage: dotnet run -c Release -- [files=1000] [iterations=7]
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var project = new GeneratedProject(files);
        var analyzer = new SecretNameAnalyzer();
        var options = new AnalyzerOptions(ImmutableArray.Create(project.Manifest));

        var floor = new FloorAnalyzer();
        var floorMs = new List<double>();
        var compileMs = new List<double>();
        var withAnalyzerMs = new List<double>();
        var analyzerMs = new List<double>();
        var generatorMs = new List<double>();
        var reported = 0;
        for (var i = 0; i < iterations + 1; i++)
        {
            var compile = Stopwatch.StartNew();
            var compilation = project.NewCompilation();
            var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            using (var pe = new MemoryStream())
            {
                compilation.Emit(pe);
            }

            compile.Stop();
            if (errors > 0)
            {
                Console.Error.WriteLine($"The generated project does not compile ({errors} errors).");
                return 1;
            }

            var analyzed = Stopwatch.StartNew();
            var (diagnostics, telemetry) = await AnalyzeAsync(project, analyzer, options).ConfigureAwait(false);
            analyzed.Stop();

            var (_, floorTelemetry) = await AnalyzeAsync(project, floor, options).ConfigureAwait(false);
            var generator = Generate(project);

            if (i == 0)
            {
                continue; // warm-up: JIT and the static manifest cache, as in a long-lived compiler server
            }

            reported = diagnostics.Count(d => d.Id == DiagnosticIds.UnknownSecretName);
            compileMs.Add(compile.Elapsed.TotalMilliseconds);
            withAnalyzerMs.Add(analyzed.Elapsed.TotalMilliseconds);
            analyzerMs.Add(telemetry.ExecutionTime.TotalMilliseconds);
            floorMs.Add(floorTelemetry.ExecutionTime.TotalMilliseconds);
            generatorMs.Add(generator.TotalMilliseconds);
        }

        var compileMedian = Median(compileMs);
        var analyzerMedian = Median(analyzerMs);
        Console.WriteLine($"files={files} iterations={iterations} INF001 reported={reported} (expected {files / 100})");
        Console.WriteLine($"compile (bind+emit) median      : {compileMedian,8:F1} ms");
        Console.WriteLine($"bind + analyzer (wall) median   : {Median(withAnalyzerMs),8:F1} ms");
        Console.WriteLine($"analyzer execution time median  : {analyzerMedian,8:F1} ms (sum of callback time, all threads)");
        Console.WriteLine($"empty operation analyzer median : {Median(floorMs),8:F1} ms (same callbacks, no work: the floor)");
        Console.WriteLine($"ratio analyzer / compile        : {analyzerMedian / compileMedian,8:P2}");
        Console.WriteLine($"ratio (analyzer - floor) / compile: {(analyzerMedian - Median(floorMs)) / compileMedian,6:P2}");
        Console.WriteLine($"generator time median           : {Median(generatorMs),8:F1} ms (fresh driver: a cold build)");
        Console.WriteLine($"ratio (analyzer + generator) / compile: {(analyzerMedian + Median(generatorMs)) / compileMedian,6:P2}");
        return 0;
    }

    /// <summary>Runs one analyzer over a fresh compilation and returns its diagnostics and its own execution time.</summary>
    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, AnalyzerTelemetryInfo Telemetry)> AnalyzeAsync(
        GeneratedProject project, DiagnosticAnalyzer analyzer, AnalyzerOptions options)
    {
        var run = project.NewCompilation().WithAnalyzers(
            ImmutableArray.Create(analyzer),
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        var diagnostics = await run.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        return (diagnostics, await run.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false));
    }

    /// <summary>The generator's own time on a fresh compilation and driver, as in a build from the command line.</summary>
    private static TimeSpan Generate(GeneratedProject project)
    {
        GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { new Infisical.Analyzers.Generation.SecretNamesGenerator().AsSourceGenerator() },
            ImmutableArray.Create(project.Manifest));
        driver = driver.RunGenerators(project.NewCompilation());
        return driver.GetTimingInfo().ElapsedTime;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
