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
/// time to compile a generated 1,000-file project (bind + emit), and prints medians, minimums and the ratios. Runs are
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

        // The machine may be shared: a callback preempted or caught in a GC pause is billed the wait, so the
        // minimum of each figure is printed beside its median, and each ratio is given from both.
        var compileTime = Summary.Of(compileMs);
        var analyzerTime = Summary.Of(analyzerMs);
        var floorTime = Summary.Of(floorMs);
        var generatorTime = Summary.Of(generatorMs);
        Console.WriteLine($"files={files} iterations={iterations} INF001 reported={reported} (expected {files / 100})");
        Console.WriteLine($"compile (bind+emit)             : {compileTime}");
        Console.WriteLine($"bind + analyzer (wall)          : {Summary.Of(withAnalyzerMs)}");
        Console.WriteLine($"analyzer execution time         : {analyzerTime} (sum of callback time, all threads)");
        Console.WriteLine($"empty operation analyzer        : {floorTime} (same callbacks, no work: the floor)");
        Console.WriteLine($"generator time                  : {generatorTime} (fresh driver: a cold build)");
        Console.WriteLine($"ratio analyzer / compile        : {Ratio(analyzerTime.Median, compileTime.Median)} of medians, {Ratio(analyzerTime.Min, compileTime.Min)} of minimums");
        Console.WriteLine($"ratio (analyzer - floor) / compile: {Ratio(analyzerTime.Median - floorTime.Median, compileTime.Median)} of medians, {Ratio(analyzerTime.Min - floorTime.Min, compileTime.Min)} of minimums");
        Console.WriteLine($"ratio (analyzer + generator) / compile: {Ratio(analyzerTime.Median + generatorTime.Median, compileTime.Median)} of medians, {Ratio(analyzerTime.Min + generatorTime.Min, compileTime.Min)} of minimums");
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

    private static string Ratio(double part, double whole) => (part / whole).ToString("P2", CultureInfo.InvariantCulture);

    /// <summary>The median and the minimum of one figure's iterations.</summary>
    private readonly record struct Summary(double Median, double Min)
    {
        public static Summary Of(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            return new Summary(median, sorted[0]);
        }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "median {0,8:F1} ms (min {1,8:F1} ms)", Median, Min);
    }
}
