using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Infisical.Analyzers.Analysis;

/// <summary>
/// Rejects, from syntax alone, the calls and property reads that cannot name a key. Measured on the benchmark's
/// 1,000-file project, merely asking each invocation for its TargetMethod (the compiler builds the public symbol)
/// costs more than all the analyzer's own work, and most calls are LINQ, string and logging methods: reading the
/// name from the syntax tree first skips them for the price of a string comparison.
/// </summary>
internal sealed class CallFilter
{
    /// <summary>Exact names of the recognised framework methods.</summary>
    private static readonly string[] FrameworkNames =
    {
        "GetEnvironmentVariable", "GetSection", "GetRequiredSection", "GetConnectionString", "GetValue", "Bind", "BindConfiguration",
    };

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public CallFilter(IEnumerable<UserAccessor> accessors)
    {
        _names.UnionWith(FrameworkNames);
        foreach (var accessor in accessors)
        {
            _names.Add(accessor.MethodName);
        }
    }

    /// <summary>False when the invocation's syntax shows a method name no recognised API has.</summary>
    public bool MayName(SyntaxNode syntax)
    {
        if (syntax is not InvocationExpressionSyntax invocation || NameOf(invocation.Expression) is not { } name)
        {
            // Implicit calls (collection initializers, foreach, queries) are rare: decided from the symbol.
            return true;
        }

        // Client methods (Get…/Update…/Delete…) and Aspire integrations (Add…) are recognised by shape.
        return _names.Contains(name) ||
               name.StartsWith("Get", StringComparison.Ordinal) || name.StartsWith("Update", StringComparison.Ordinal) ||
               name.StartsWith("Delete", StringComparison.Ordinal) || name.StartsWith("Add", StringComparison.Ordinal);
    }

    /// <summary>True for an indexer read (<c>c["Key"]</c>, <c>c?["Key"]</c>) or a property named SecretName.</summary>
    public static bool MayNameProperty(SyntaxNode syntax) => syntax switch
    {
        ElementAccessExpressionSyntax or ElementBindingExpressionSyntax => true,
        IdentifierNameSyntax id => id.Identifier.ValueText == "SecretName",
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == "SecretName",
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText == "SecretName",
        SimpleNameSyntax or ExpressionSyntax => false,
        _ => true,
    };

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
