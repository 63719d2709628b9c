using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Infisical.Analyzers.Tests.Infrastructure;

/// <summary>Shorthands over Microsoft.CodeAnalysis.Testing for the secret-name analyzer.</summary>
internal static class Verifier
{
    /// <summary>An analyzer test with the default manifest and the configuration reference set.</summary>
    public static CSharpAnalyzerTest<SecretNameAnalyzer, DefaultVerifier> Create(
        string source, string? manifest = TestManifests.Default, ReferenceAssemblies? references = null)
    {
        var test = new CSharpAnalyzerTest<SecretNameAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = references ?? TestReferences.WithConfiguration,
        };
        if (manifest is not null)
        {
            test.TestState.AdditionalFiles.Add((TestManifests.Path, manifest));
        }

        return test;
    }

    /// <summary>Runs the analyzer on the source with the default manifest and expects exactly these diagnostics.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Create(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Adds a global AnalyzerConfig (the form MSBuild generates from CompilerVisibleProperty and .globalconfig).</summary>
    public static void AddGlobalOptions(this AnalyzerTest<DefaultVerifier> test, string lines) =>
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + lines + "\n"));

    public static DiagnosticResult Inf001(int markupLocation, string name, string hint = "") =>
        new DiagnosticResult(DiagnosticIds.UnknownSecretName, DiagnosticSeverity.Warning)
            .WithLocation(markupLocation)
            .WithArguments(name, "demo", "dev", "/", hint);

    /// <summary>INF005: known nowhere and close to nothing (info).</summary>
    public static DiagnosticResult Inf005(int markupLocation, string name, string otherSources = "") =>
        new DiagnosticResult(DiagnosticIds.UnknownKey, DiagnosticSeverity.Info)
            .WithLocation(markupLocation)
            .WithArguments(name, "demo", "dev", "/", otherSources);

    public static string DidYouMean(string name) => $"; did you mean '{name}'?";
}
