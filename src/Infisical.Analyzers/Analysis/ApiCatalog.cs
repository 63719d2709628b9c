using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Infisical.Analyzers.Configuration;
using Microsoft.CodeAnalysis;

namespace Infisical.Analyzers.Analysis;

/// <summary>
/// The APIs whose string arguments are names. Nothing is looked up when the compilation starts: each distinct
/// called method is classified the first time a call to it is seen (by name, see <see cref="FrameworkApis"/>),
/// then found in a dictionary. Only declared accessors are resolved up front, and only when there are some.
/// </summary>
internal sealed class ApiCatalog
{
    private readonly Dictionary<IMethodSymbol, ApiBinding> _accessors = new(SymbolEqualityComparer.Default);
    // Methods are keyed by reference: the compiler hands out one symbol object per method definition, so a
    // reference lookup finds it without SymbolEqualityComparer's deeper comparison on every call. Types are not:
    // an operation's Type carries its nullable annotation, and the compiler makes a new object for each read of
    // an annotated type, so a reference-keyed cache missed on every call (and grew by one entry per call).
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _isConfiguration = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _isSection = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ApiBinding?> _methods = new(ReferenceComparer.Instance);
    private readonly Compilation _compilation;

    private ApiCatalog(Compilation compilation, IEnumerable<UserAccessor> accessors)
    {
        _compilation = compilation;
        foreach (var accessor in accessors)
        {
            foreach (var method in accessor.Resolve(compilation))
            {
                var keyParameter = UserAccessor.KeyParameterOf(method);
                if (keyParameter >= 0)
                {
                    var composes = method.IsExtensionMethod && IsConfiguration(method.Parameters[0].Type);
                    _accessors[method.OriginalDefinition] = new ApiBinding(NameKind.ConfigurationKey, keyParameter, accessor.Prefix, composes);
                }
            }
        }
    }

    public static ApiCatalog For(Compilation compilation, IEnumerable<UserAccessor> accessors) => new(compilation, accessors);

    /// <summary>The binding for a called method, or null when its arguments are not names.</summary>
    public ApiBinding? Find(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        if (_methods.TryGetValue(definition, out var binding))
        {
            return binding;
        }

        // A race only classifies the same method twice, with the same result.
        binding = Classify(definition);
        _methods.TryAdd(definition, binding);
        return binding;
    }

    private ApiBinding? Classify(IMethodSymbol definition)
    {
        if (_accessors.Count > 0 && _accessors.TryGetValue(definition, out var accessor))
        {
            return accessor;
        }

        return FrameworkApis.Find(definition, _compilation.Assembly) ?? ByShape(definition);
    }

    private ApiBinding? ByShape(IMethodSymbol definition)
    {
        // Concrete IConfiguration types (ConfigurationManager, ConfigurationSection…) implement GetSection themselves.
        if (definition.Name == "GetSection" && !definition.IsStatic && definition.Parameters.Length == 1 &&
            definition.Parameters[0].Type.SpecialType == SpecialType.System_String && IsConfiguration(definition.ContainingType))
        {
            return new ApiBinding(NameKind.ConfigurationSection, 0, composesWithReceiver: true);
        }

        if (IsInfisicalClientType(definition.ContainingType))
        {
            return InfisicalBinding(definition);
        }

        return AspireBinding(definition);
    }

    /// <summary>
    /// .NET Aspire client integrations (AddRedisClient("cache"), AddNpgsqlDbContext&lt;T&gt;("db")…) are extension
    /// methods in Microsoft.Extensions.Hosting taking a 'connectionName' that is read as ConnectionStrings:name.
    /// </summary>
    private static ApiBinding? AspireBinding(IMethodSymbol method)
    {
        if (!method.IsExtensionMethod || !method.Name.StartsWith("Add", StringComparison.Ordinal) ||
            method.ContainingNamespace?.ToDisplayString() != "Microsoft.Extensions.Hosting")
        {
            return null;
        }

        for (var i = 1; i < method.Parameters.Length; i++)
        {
            if (method.Parameters[i].Name == "connectionName" && method.Parameters[i].Type.SpecialType == SpecialType.System_String)
            {
                return new ApiBinding(NameKind.ConfigurationKey, i, KeyNames.ConnectionStringsSection);
            }
        }

        return null;
    }

    /// <summary>True for IConfiguration and every type implementing it.</summary>
    public bool IsConfiguration(ITypeSymbol? type) => IsOrImplements(type, FrameworkApis.ConfigurationInterface, _isConfiguration);

    /// <summary>True for IConfigurationSection and its implementations: keys read on one are relative.</summary>
    public bool IsSection(ITypeSymbol? type) => IsOrImplements(type, FrameworkApis.SectionInterface, _isSection);

    private bool IsOrImplements(ITypeSymbol? type, string interfaceName, ConcurrentDictionary<ITypeSymbol, bool> cache)
    {
        if (type is null)
        {
            return false;
        }

        if (cache.TryGetValue(type, out var known))
        {
            return known;
        }

        var project = _compilation.Assembly;
        var result = FrameworkApis.IsFrameworkType(type as INamedTypeSymbol, interfaceName, project);
        foreach (var @interface in type.AllInterfaces)
        {
            result = result || FrameworkApis.IsFrameworkType(@interface, interfaceName, project);
        }

        cache.TryAdd(type, result);
        return result;
    }

    /// <summary>True for types declared in the Infisical.Client namespace (or below it).</summary>
    public static bool IsInfisicalClientType(INamedTypeSymbol? type)
    {
        // Compared by name up the chain: resolving the namespace up front would merge the global namespace of
        // every reference, a fixed cost each compilation pays even when no call ever needs it.
        for (var ns = type?.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.Name == "Client" && ns.ContainingNamespace is { Name: "Infisical" } parent && parent.ContainingNamespace is { IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Client methods that read, change or delete an existing secret take it by name. Creating a secret
    /// names a new one, which is expected to be missing.
    /// </summary>
    private static ApiBinding? InfisicalBinding(IMethodSymbol method)
    {
        if (!IsExistingSecretOperation(method.Name))
        {
            return null;
        }

        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            if (parameter.Type.SpecialType == SpecialType.System_String &&
                (parameter.Name == "secretName" || parameter.Name == "currentSecretName"))
            {
                return new ApiBinding(NameKind.InfisicalSecret, i);
            }
        }

        return null;
    }

    /// <summary>Get…, Update…, Delete… (not Create…, List…).</summary>
    public static bool IsExistingSecretOperation(string name) =>
        name.StartsWith("Get", StringComparison.Ordinal) || name.StartsWith("Update", StringComparison.Ordinal) ||
        name.StartsWith("Delete", StringComparison.Ordinal);

    private sealed class ReferenceComparer : IEqualityComparer<ISymbol>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

        public int GetHashCode(ISymbol obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
