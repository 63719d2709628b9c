using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Analyzers.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Infisical.Analyzers.CodeFixes;

/// <summary>
/// Fixes INF001 by replacing the misspelled string literal with the suggested name, or with the matching
/// constant of the generated <c>InfisicalSecretNames</c> class when the compilation has one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretNameCodeFixProvider))]
[Shared]
public sealed class SecretNameCodeFixProvider : CodeFixProvider
{
    /// <summary>The generated class holding one constant per secret name.</summary>
    public const string NamesClass = SecretNamesSource.ClassName;

    /// <summary>Equivalence key of the "use the suggested name" fix (one key so Fix All covers every name).</summary>
    public const string UseSuggestedNameKey = "INF001.UseSuggestedName";

    /// <summary>Equivalence key of the "use the InfisicalSecretNames constant" fix.</summary>
    public const string UseGeneratedConstantKey = "INF001.UseGeneratedConstant";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownSecretName);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var replacement) || replacement is null ||
                root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal ||
                !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(DiagnosticProperties.NamesClass, out var nested);
            var constant = await FindConstantAsync(context.Document, replacement, nested, context.CancellationToken).ConfigureAwait(false);
            if (constant is not null)
            {
                var title = $"Use {ShortName(constant)}";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ReplaceAsync(context.Document, literal, ConstantReference(constant), ct), UseGeneratedConstantKey),
                    diagnostic);
            }

            var literalTitle = $"Use '{replacement}'";
            var newLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement));
            context.RegisterCodeFix(
                CodeAction.Create(literalTitle, ct => ReplaceAsync(context.Document, literal, newLiteral, ct), UseSuggestedNameKey),
                diagnostic);
        }
    }

    /// <summary>
    /// A const string field whose value is the name, in the nested class that fits the API (<paramref name="nested"/>:
    /// Keys or Variables) of an InfisicalSecretNames class, or directly in a hand-written flat one. The compilation
    /// includes source-generated trees, so the class SecretNamesGenerator writes is found like a hand-written one.
    /// </summary>
    private static async Task<IFieldSymbol?> FindConstantAsync(Document document, string name, string? nested, CancellationToken cancellationToken)
    {
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return null;
        }

        var classes = compilation.GetSymbolsWithName(NamesClass, SymbolFilter.Type, cancellationToken).OfType<INamedTypeSymbol>().ToList();
        var inNested = nested is null ? Enumerable.Empty<INamedTypeSymbol>() : classes.SelectMany(type => type.GetTypeMembers(nested));
        return inNested.Concat(classes)
            .SelectMany(type => type.GetMembers().OfType<IFieldSymbol>())
            .FirstOrDefault(field => field.IsConst && field.ConstantValue is string value && value == name &&
                                     field.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal);
    }

    /// <summary>InfisicalSecretNames.Keys.X or InfisicalSecretNames.X: the name as code will read it.</summary>
    private static string ShortName(IFieldSymbol field)
    {
        var name = field.Name;
        for (var type = field.ContainingType; type is not null; type = type.ContainingType)
        {
            name = type.Name + "." + name;
        }

        return name;
    }

    private static ExpressionSyntax ConstantReference(IFieldSymbol field)
    {
        var typeName = field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var access = SyntaxFactory.ParseExpression(typeName + "." + field.Name);
        return access.WithAdditionalAnnotations(Simplifier.Annotation);
    }

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, ExpressionSyntax newNode, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode.WithTriviaFrom(oldNode)));
    }
}
