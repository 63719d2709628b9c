using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Infisical.Analyzers.Analysis;

/// <summary>
/// The string constant an operation evaluates to. Reading <see cref="IOperation.ConstantValue"/> of a string
/// makes the compiler realise the string anew and hold it through a new weak reference, the first time for
/// each literal: on the benchmark's 1,000-file project that was the largest single share of the analyzer's
/// time. A plain string literal's token already holds the same string, so it is read from there.
/// </summary>
internal static class ConstantStrings
{
    public static string? Of(IOperation operation)
    {
        // Kind Literal: no conversion around it, whose constant value could differ (boxing has none).
        if (operation.Kind == OperationKind.Literal &&
            operation.Syntax is LiteralExpressionSyntax literal &&
            literal.IsKind(SyntaxKind.StringLiteralExpression) &&
            literal.Token.Value is string text)
        {
            return text;
        }

        return operation.ConstantValue is { HasValue: true, Value: string value } ? value : null;
    }
}
