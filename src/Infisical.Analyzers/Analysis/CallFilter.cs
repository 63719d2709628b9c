using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Infisical.Analyzers.Analysis;

/// <summary>
/// Rejects, before any other work, the calls and property reads that cannot name a key: most calls are LINQ,
/// string and logging methods. A call is judged by its target method's name, which every recognised API is
/// also classified by (<see cref="ApiCatalog"/>), so nothing it could bind is let through unjudged or turned
/// away. The invocation operation is built holding its target method, and reaching that symbol's name was
/// measured cheaper than reading the name from the call's syntax (a walk through three syntax nodes). Property
/// reads are judged by their syntax.
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

    /// <summary>False when the called method's name is one no recognised API has.</summary>
    public bool MayName(IInvocationOperation invocation)
    {
        // Client methods (Get…/Update…/Delete…) and Aspire integrations (Add…) are recognised by shape.
        var name = invocation.TargetMethod.Name;
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
}
