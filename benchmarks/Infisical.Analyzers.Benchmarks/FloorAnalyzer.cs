using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Infisical.Analyzers.Benchmarks;

/// <summary>
/// Registers the same operation callbacks as the real analyzer and does nothing in them: the floor any
/// operation analyzer pays (the compiler building IOperation trees and dispatching callbacks).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("FLOOR001", "unused", "unused", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterOperationAction(_ => { }, OperationKind.Invocation);
            start.RegisterOperationAction(_ => { }, OperationKind.PropertyReference);
        });
    }
}
