using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Infisical.Analyzers.Analysis;
using Infisical.Analyzers.Configuration;
using Infisical.Analyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Infisical.Analyzers;

/// <summary>
/// Checks secret names used in code (INF001) against the names manifest the build writes, reports a missing
/// (INF002) or malformed (INF003) manifest. It reads additional files only: no I/O, no secret values.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretNameAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The file name the build gives the manifest (architecture.md).</summary>
    public const string ManifestFileName = "infisical.manifest.json";

    /// <summary>Option listing user accessors (documentation-comment ids separated by '|').</summary>
    public const string AccessorsOption = "infisical.secret_accessors";

    /// <summary>The same list from the MSBuild property InfisicalSecretAccessors (CompilerVisibleProperty).</summary>
    public const string AccessorsProperty = "build_property.InfisicalSecretAccessors";

    /// <summary>MSBuild property InfisicalEnv, used to explain INF002.</summary>
    public const string EnvironmentProperty = "build_property.InfisicalEnv";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnknownSecretName,
        DiagnosticDescriptors.NoManifest,
        DiagnosticDescriptors.MalformedManifest,
        DiagnosticDescriptors.InvalidOption,
        DiagnosticDescriptors.UnknownKey);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterAdditionalFileAction(ReportManifestProblems);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>Path.GetFileName(file.Path) equals the manifest's name, compared in place (no string per file).</summary>
    internal static bool IsManifest(AdditionalText file)
    {
        var path = file.Path;
        var start = path.Length - ManifestFileName.Length;
        if (start < 0 || string.Compare(path, start, ManifestFileName, 0, ManifestFileName.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        if (start == 0)
        {
            return true;
        }

        var before = path[start - 1];
        return before == Path.DirectorySeparatorChar || before == Path.AltDirectorySeparatorChar || before == Path.VolumeSeparatorChar;
    }

    private static void ReportManifestProblems(AdditionalFileAnalysisContext context)
    {
        if (!IsManifest(context.AdditionalFile) || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        foreach (var problem in ManifestParser.Cache.Get(text).Problems)
        {
            var start = Math.Min(problem.Start, text.Length);
            var span = new Microsoft.CodeAnalysis.Text.TextSpan(start, Math.Min(problem.Length, text.Length - start));
            var location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MalformedManifest, location, problem.Message));
        }
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var manifests = new List<SecretManifest>();
        var sawManifest = false;
        var otherKeys = new List<KeyValuePair<string, string>>();
        var sawOtherSource = false;

        // By path, as BannedApiAnalyzers orders its files: the order AdditionalFiles arrive in is not stable,
        // and the first listing of a name decides which source a message names.
        foreach (var file in OrderedByPath(context.Options.AdditionalFiles))
        {
            if (IsManifest(file))
            {
                sawManifest = true;
                if (file.GetText(context.CancellationToken) is { } text && ManifestParser.Cache.Get(text).Manifest is { } manifest)
                {
                    manifests.Add(manifest);
                }
            }
            else if (OtherSourceKeys.IsOtherSource(file.Path) && file.GetText(context.CancellationToken) is { } other)
            {
                sawOtherSource = true;
                var origin = OtherSourceKeys.Describe(file.Path);
                foreach (var key in OtherSourceKeys.Get(file.Path, other))
                {
                    otherKeys.Add(new KeyValuePair<string, string>(key, origin));
                }
            }
        }

        var global = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (!sawManifest)
        {
            var reason = NoManifestReason(global);
            context.RegisterCompilationEndAction(end =>
                end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NoManifest, Location.None, reason)));
            return;
        }

        if (manifests.Count == 0)
        {
            // Every manifest is malformed: INF003 says so; guessing names from nothing would only mislead.
            return;
        }

        var optionProblems = new List<(string Option, string Message)>();
        var accessors = ReadAccessors(global, optionProblems);
        if (optionProblems.Count > 0)
        {
            context.RegisterCompilationEndAction(end =>
            {
                foreach (var (option, message) in optionProblems)
                {
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidOption, Location.None, option, message));
                }
            });
        }

        var sources = new List<ManifestSource>();
        foreach (var manifest in manifests)
        {
            sources.AddRange(manifest.Sources);
        }

        // Built here, once, before any operation callback: built lazily by the first callback instead, every
        // concurrent callback would wait for it, and each wait is billed to the analyzer.
        var catalog = ApiCatalog.For(context.Compilation, accessors);
        var usage = new UsageAnalyzer(
            catalog,
            new NameChecker(KnownNames.For(manifests, otherKeys), isApp: sawOtherSource),
            sources,
            context.Options.AnalyzerConfigOptionsProvider,
            new CallFilter(accessors));

        context.RegisterOperationAction(usage.AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(usage.AnalyzePropertyReference, OperationKind.PropertyReference);
    }

    /// <summary>Additional files in ordinal order of their paths (stable across hosts and runs).</summary>
    internal static IEnumerable<AdditionalText> OrderedByPath(ImmutableArray<AdditionalText> files)
    {
        var sorted = new AdditionalText[files.Length];
        files.CopyTo(sorted);
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return sorted;
    }

    /// <summary>Accessors from .editorconfig and MSBuild; unusable entries and options are reported as INF004.</summary>
    private static ImmutableArray<UserAccessor> ReadAccessors(AnalyzerConfigOptions global, List<(string Option, string Message)> problems)
    {
        var accessors = ImmutableArray<UserAccessor>.Empty;
        foreach (var key in new[] { AccessorsOption, AccessorsProperty })
        {
            var invalid = new List<string>();
            global.TryGetValue(key, out var raw);
            accessors = accessors.AddRange(UserAccessor.ParseList(raw, invalid));
            foreach (var entry in invalid)
            {
                problems.Add((key, $"'{entry}' is not a method documentation-comment id (expected 'M:Namespace.Type.Method(ParameterTypes)', entries separated by '|')"));
            }
        }

        if (AnalyzerSettings.For(global).PatternError is { } patternError)
        {
            problems.Add((AnalyzerSettings.CandidatePatternKey, patternError));
        }

        return accessors;
    }

    private static string NoManifestReason(AnalyzerConfigOptions global)
    {
        if (global.TryGetValue(EnvironmentProperty, out var environment) && environment.Trim().Length == 0)
        {
            return "InfisicalEnv is not set, so the build writes no infisical.manifest.json (build with -p:InfisicalEnv=<environment>)";
        }

        return "infisical.manifest.json has not been written yet (run a build with InfisicalEnv set, or add the manifest as an AdditionalFiles item)";
    }
}
