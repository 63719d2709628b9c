using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Infisical.Analyzers.Analysis;

/// <summary>
/// Finds framework types in the assemblies that ship them, by assembly identity, and never in the project
/// itself: a project's own same-named type (a static Microsoft.Extensions.Configuration.ConfigurationExtensions
/// holding GetRequiredValue helpers) hides nothing, and two references declaring one name both count.
/// Looking in the few known assemblies first also spares a by-name search of every reference per type, the
/// largest fixed cost per compilation; that search is kept as the fallback for unusual reference sets.
/// </summary>
internal sealed class FrameworkTypes
{
    /// <summary>The assemblies that declare the types the catalog needs (reference packs and implementations alike).</summary>
    private static readonly HashSet<string> KnownAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft.Extensions.Configuration.Abstractions",
        "Microsoft.Extensions.Configuration.Binder",
        "Microsoft.Extensions.Options.ConfigurationExtensions",
    };

    private readonly Compilation _compilation;
    private readonly List<IAssemblySymbol> _known = new();

    public FrameworkTypes(Compilation compilation)
    {
        _compilation = compilation;

        // System.Environment lives beside System.Object: System.Runtime (reference packs), System.Private.CoreLib,
        // netstandard or mscorlib.
        if (compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly is { } corlib)
        {
            _known.Add(corlib);
        }

        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly &&
                KnownAssemblies.Contains(assembly.Identity.Name))
            {
                _known.Add(assembly);
            }
        }
    }

    /// <summary>Every referenced declaration of the type; empty when the compilation has none.</summary>
    public ImmutableArray<INamedTypeSymbol> Find(string metadataName)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var assembly in _known)
        {
            if (assembly.GetTypeByMetadataName(metadataName) is { } type && !builder.Contains(type, SymbolEqualityComparer.Default))
            {
                builder.Add(type);
            }
        }

        if (builder.Count > 0)
        {
            return builder.ToImmutable();
        }

        // Not where it usually is (a repackaged or polyfilled framework): every reference, the project excluded.
        foreach (var type in _compilation.GetTypesByMetadataName(metadataName))
        {
            if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly))
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }
}
