using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Infisical.Analyzers.Analysis;

/// <summary>
/// Works out which section an IConfiguration value points at, so keys composed in steps
/// (<c>GetSection("Identity")["Url"]</c>, or through a local) are checked as the full key.
/// </summary>
internal sealed class SectionResolver
{
    private const int MaxDepth = 8;
    private readonly ApiCatalog _catalog;

    private ApiCatalog Catalog => _catalog;

    public SectionResolver(ApiCatalog catalog)
    {
        _catalog = catalog;
    }

    /// <summary>
    /// The section path of a configuration receiver: "" for the root, "A:B" for a known section, or null
    /// when it cannot be known (a section passed in from elsewhere) — then nothing is reported.
    /// </summary>
    public string? Resolve(IOperation? receiver) => Resolve(receiver, 0);

    private string? Resolve(IOperation? receiver, int depth)
    {
        if (receiver is null)
        {
            return string.Empty;
        }

        if (depth > MaxDepth)
        {
            return null;
        }

        receiver = Unwrap(receiver);
        switch (receiver)
        {
            case IInvocationOperation invocation when Catalog.Find(invocation.TargetMethod) is { Kind: NameKind.ConfigurationSection, ComposesWithReceiver: true } binding:
                var key = ConstantArgument(invocation, binding.KeyParameter);
                if (key is null)
                {
                    return null;
                }

                var parent = Resolve(ReceiverOf(invocation), depth + 1);
                return parent is null ? null : Infisical.Analyzers.Configuration.KeyNames.Combine(parent, key);

            case ILocalReferenceOperation local:
                return ResolveLocal(local, depth);
        }

        return Catalog.IsSection(receiver.Type) ? null : string.Empty;
    }

    /// <summary>The IConfiguration a call reads from: its instance, or an extension method's first argument.</summary>
    public static IOperation? ReceiverOf(IInvocationOperation invocation)
    {
        if (invocation.Instance is not null)
        {
            return invocation.Instance;
        }

        if (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0)
        {
            return ArgumentFor(invocation, 0)?.Value;
        }

        return null;
    }

    /// <summary>The constant string passed for a parameter, or null when it is not a compile-time constant.</summary>
    public static string? ConstantArgument(IInvocationOperation invocation, int parameterOrdinal) =>
        ArgumentFor(invocation, parameterOrdinal)?.Value is { } value ? ConstantStrings.Of(value) : null;

    public static IArgumentOperation? ArgumentFor(IInvocationOperation invocation, int parameterOrdinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } p && p.Ordinal == parameterOrdinal)
            {
                return argument;
            }
        }

        return null;
    }

    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IConversionOperation { Conversion.IsReference: true })
        {
            operation = ((IConversionOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>Follows a local to its initializer, only when nothing else ever assigns it.</summary>
    private string? ResolveLocal(ILocalReferenceOperation reference, int depth)
    {
        var local = reference.Local;
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is null)
        {
            return null;
        }

        if (local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator)
        {
            return null;
        }

        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<CompilationUnitSyntax>();
        if (scope is null || IsReassigned(scope, local.Name))
        {
            return null;
        }

        var model = reference.SemanticModel;
        if (model.SyntaxTree != declarator.SyntaxTree)
        {
            return null;
        }

        var value = model.GetOperation(initializer.Value);
        return value is null ? null : Resolve(value, depth + 1);
    }

    private static bool IsReassigned(SyntaxNode scope, string name) =>
        scope.DescendantNodes().Any(node => node switch
        {
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } => id.Identifier.ValueText == name,
            ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax id } => id.Identifier.ValueText == name,
            _ => false,
        });
}
