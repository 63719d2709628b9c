using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Infisical.Analyzers.Configuration;
using Infisical.Analyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Infisical.Analyzers.Analysis;

/// <summary>The per-compilation operation callbacks: find names passed to recognised APIs and check them.</summary>
internal sealed class UsageAnalyzer
{
    private readonly ApiCatalog _catalog;

    private ApiCatalog Catalog => _catalog;
    private readonly NameChecker _checker;
    private readonly IReadOnlyList<ManifestSource> _sources;
    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly SectionResolver _sections;
    private readonly CallFilter _filter;

    // Per compilation, so the trees it holds live no longer than the compilation's own analysis.
    private readonly ConcurrentDictionary<SyntaxTree, AnalyzerSettings> _treeSettings = new();

    // sources: every manifest's sources, manifests ordered by path; messages name the first when no suggestion says better.
    public UsageAnalyzer(ApiCatalog catalog, NameChecker checker, IReadOnlyList<ManifestSource> sources, AnalyzerConfigOptionsProvider options, CallFilter filter)
    {
        _filter = filter;
        _catalog = catalog;
        _checker = checker;
        _sources = sources;
        _options = options;
        _sections = new SectionResolver(catalog);
    }

    public void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!_filter.MayName(invocation) ||
            Catalog.Find(invocation.TargetMethod) is not { } binding ||
            SectionResolver.ArgumentFor(invocation, binding.KeyParameter) is not { } argument ||
            ConstantStrings.Of(argument.Value) is not { } literal ||
            GeneratedNameConstants.IsOneOf(argument.Value))
        {
            return;
        }

        if (binding.Kind == NameKind.InfisicalSecret && InfisicalScope.CallPointsElsewhere(invocation, _sources))
        {
            return;
        }

        if (binding.Kind == NameKind.ConfigurationSection && FeedsAnotherRead(invocation))
        {
            // The composed key is checked where it is finally read.
            return;
        }

        var section = binding.ComposesWithReceiver ? _sections.Resolve(SectionResolver.ReceiverOf(invocation)) : string.Empty;
        if (section is null)
        {
            return;
        }

        if (binding.KeyPrefix is not null)
        {
            section = KeyNames.Combine(section, binding.KeyPrefix);
        }

        Check(context, binding.Kind, section, literal, argument.Value.Syntax);
    }

    public void AnalyzePropertyReference(OperationAnalysisContext context)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (!CallFilter.MayNameProperty(reference.Syntax))
        {
            return;
        }

        var property = reference.Property;
        if (property.IsIndexer)
        {
            AnalyzeIndexer(context, reference);
        }
        else if (property.Name == "SecretName" &&
                 ApiCatalog.IsInfisicalClientType(property.ContainingType) &&
                 ApiCatalog.IsExistingSecretOperation(property.ContainingType.Name) &&
                 reference.Parent is ISimpleAssignmentOperation assignment &&
                 assignment.Target == reference &&
                 ConstantStrings.Of(assignment.Value) is { } name &&
                 !GeneratedNameConstants.IsOneOf(assignment.Value) &&
                 !InfisicalScope.InitializerPointsElsewhere(assignment, _sources))
        {
            Check(context, NameKind.InfisicalSecret, string.Empty, name, assignment.Value.Syntax);
        }
    }

    private void AnalyzeIndexer(OperationAnalysisContext context, IPropertyReferenceOperation reference)
    {
        if (reference.Arguments.Length != 1 ||
            ConstantStrings.Of(reference.Arguments[0].Value) is not { } key ||
            GeneratedNameConstants.IsOneOf(reference.Arguments[0].Value) ||
            !Catalog.IsConfiguration(reference.Property.ContainingType) ||
            (reference.Parent is IAssignmentOperation write && write.Target == reference))
        {
            // Writes (config["X"] = …) define keys rather than read them.
            return;
        }

        var section = _sections.Resolve(reference.Instance);
        if (section is not null)
        {
            Check(context, NameKind.ConfigurationKey, section, key, reference.Arguments[0].Value.Syntax);
        }
    }

    /// <summary>True when a GetSection result is immediately read from by another recognised call or indexer.</summary>
    private bool FeedsAnotherRead(IInvocationOperation sectionCall)
    {
        var parent = sectionCall.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer => Catalog.IsConfiguration(indexer.Property.ContainingType),
            IInvocationOperation call => Catalog.Find(call.TargetMethod) is { ComposesWithReceiver: true },
            IArgumentOperation { Parent: IInvocationOperation call, Parameter.Ordinal: 0 } when call.TargetMethod.IsExtensionMethod =>
                Catalog.Find(call.TargetMethod) is { ComposesWithReceiver: true } binding && binding.KeyParameter < call.TargetMethod.Parameters.Length,
            _ => false,
        };
    }

    /// <summary>
    /// The file's options, looked up once per tree: the provider's per-tree lookup was a measurable share of the
    /// analyzer's time. (A per-thread last-tree slot did the same, but its thread-static reads went through the
    /// runtime's slow helper on every call.)
    /// </summary>
    private AnalyzerSettings SettingsFor(SyntaxTree tree)
    {
        if (_treeSettings.TryGetValue(tree, out var settings))
        {
            return settings;
        }

        settings = AnalyzerSettings.For(_options.GetOptions(tree));
        _treeSettings.TryAdd(tree, settings);
        return settings;
    }

    private void Check(OperationAnalysisContext context, NameKind kind, string section, string literal, SyntaxNode syntax)
    {
        if (_checker.IsProvided(kind, section, literal))
        {
            return;
        }

        // The operation's semantic model knows its tree; the literal's own SyntaxTree walks up its parents.
        var settings = SettingsFor(context.Operation.SemanticModel?.SyntaxTree ?? syntax.SyntaxTree);
        if (_checker.Check(kind, section, literal, settings) is not { } finding)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (finding.Replacement is not null)
        {
            var namesClass = kind is NameKind.EnvironmentVariable or NameKind.InfisicalSecret
                ? Generation.SecretNamesSource.VariablesClassName
                : Generation.SecretNamesSource.KeysClassName;
            properties = properties.Add(DiagnosticProperties.Replacement, finding.Replacement)
                .Add(DiagnosticProperties.NamesClass, namesClass);
        }

        if (finding.SuggestedSecret is not null)
        {
            properties = properties.Add(DiagnosticProperties.SuggestedSecret, finding.SuggestedSecret);
        }

        var hint = finding.Suggestion is null ? string.Empty : $"; did you mean '{finding.Suggestion}'?";
        if (finding.Note is not null)
        {
            hint += $" ({finding.Note})";
        }

        // The suggested secret's own source and path; otherwise the first source, saying how many others were searched.
        var source = _sources[0];
        var path = source.SecretPath;
        if (finding.Closest?.Secret is { } secret)
        {
            source = secret.Source;
            path = secret.Path;
        }
        else if (_sources.Count > 1)
        {
            var others = _sources.Count - 1;
            var plural = others == 1 ? "1 other Infisical source" : $"{others} other Infisical sources";
            hint = finding.IsUnknownEverywhere ? " and " + plural : " or in " + plural + hint;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            finding.IsUnknownEverywhere ? DiagnosticDescriptors.UnknownKey : DiagnosticDescriptors.UnknownSecretName,
            syntax.GetLocation(),
            properties,
            finding.ShownName,
            source.Project,
            source.Environment,
            path,
            hint));
    }
}
