using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Infisical.Analyzers.Configuration;
using Microsoft.CodeAnalysis;

namespace Infisical.Analyzers.Analysis;

/// <summary>
/// The APIs whose string arguments are names, resolved once per compilation so each invocation costs a
/// dictionary lookup. Types missing from the compilation simply contribute nothing.
/// </summary>
internal sealed class ApiCatalog
{
    private readonly Dictionary<IMethodSymbol, ApiBinding> _methods = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _isConfiguration = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _isSection = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ApiBinding?> _byShape = new(SymbolEqualityComparer.Default);
    private readonly ImmutableArray<INamedTypeSymbol> _configurations;
    private readonly ImmutableArray<INamedTypeSymbol> _sections;
    private readonly FrameworkTypes _types;

    private ApiCatalog(Compilation compilation, IEnumerable<UserAccessor> accessors)
    {
        _types = new FrameworkTypes(compilation);
        _configurations = _types.Find("Microsoft.Extensions.Configuration.IConfiguration");
        _sections = _types.Find("Microsoft.Extensions.Configuration.IConfigurationSection");

        AddStatic("System.Environment", "GetEnvironmentVariable", new ApiBinding(NameKind.EnvironmentVariable, 0));
        foreach (var configuration in _configurations)
        {
            AddMembers(configuration, "GetSection", new ApiBinding(NameKind.ConfigurationSection, 0, composesWithReceiver: true));
        }

        if (!_configurations.IsEmpty)
        {
            const string extensions = "Microsoft.Extensions.Configuration.ConfigurationExtensions";
            AddStatic(extensions, "GetRequiredSection", new ApiBinding(NameKind.ConfigurationSection, 1, composesWithReceiver: true));
            AddStatic(extensions, "GetConnectionString", new ApiBinding(NameKind.ConfigurationKey, 1, "ConnectionStrings", true));
            const string binder = "Microsoft.Extensions.Configuration.ConfigurationBinder";
            AddStatic(binder, "GetValue", new ApiBinding(NameKind.ConfigurationKey, -1, composesWithReceiver: true));
            AddStatic(binder, "Bind", new ApiBinding(NameKind.ConfigurationSection, -1, composesWithReceiver: true));
            AddStatic(
                "Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions",
                "BindConfiguration",
                new ApiBinding(NameKind.ConfigurationSection, 1));
        }

        foreach (var accessor in accessors)
        {
            foreach (var method in accessor.Resolve(compilation))
            {
                var keyParameter = UserAccessor.KeyParameterOf(method);
                if (keyParameter >= 0)
                {
                    var composes = method.IsExtensionMethod && IsConfiguration(method.Parameters[0].Type);
                    _methods[method.OriginalDefinition] = new ApiBinding(NameKind.ConfigurationKey, keyParameter, accessor.Prefix, composes);
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

        // Methods recognised by shape are classified once per compilation, then looked up.
        return _byShape.GetOrAdd(definition, ByShape);
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
    public bool IsConfiguration(ITypeSymbol? type) => IsOrImplements(type, _configurations, _isConfiguration);

    /// <summary>True for IConfigurationSection and its implementations: keys read on one are relative.</summary>
    public bool IsSection(ITypeSymbol? type) => IsOrImplements(type, _sections, _isSection);

    private static bool IsOrImplements(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> interfaces, ConcurrentDictionary<ITypeSymbol, bool> cache)
    {
        if (type is null || interfaces.IsEmpty)
        {
            return false;
        }

        return cache.GetOrAdd(type, t =>
        {
            foreach (var @interface in interfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(t, @interface) || t.AllInterfaces.Contains(@interface, SymbolEqualityComparer.Default))
                {
                    return true;
                }
            }

            return false;
        });
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

    private static ApiBinding WithStringKey(IMethodSymbol method, ApiBinding binding)
    {
        // GetValue/Bind overloads differ in where the key sits: find the string parameter named 'key'.
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            if (method.Parameters[i].Name == "key" && method.Parameters[i].Type.SpecialType == SpecialType.System_String)
            {
                return new ApiBinding(binding.Kind, i, binding.KeyPrefix, binding.ComposesWithReceiver);
            }
        }

        return new ApiBinding(binding.Kind, int.MaxValue);
    }

    private void AddStatic(string typeName, string methodName, ApiBinding binding)
    {
        foreach (var type in _types.Find(typeName))
        {
            AddMembers(type, methodName, binding);
        }
    }

    private void AddMembers(INamedTypeSymbol type, string methodName, ApiBinding binding)
    {
        foreach (var member in type.GetMembers(methodName))
        {
            if (member is IMethodSymbol method && HasStringAt(method, binding.KeyParameter))
            {
                // Resolved here, once per overload, rather than on every call the analyzer sees.
                _methods[method.OriginalDefinition] = binding.KeyParameter == -1 ? WithStringKey(method.OriginalDefinition, binding) : binding;
            }
        }
    }

    private static bool HasStringAt(IMethodSymbol method, int ordinal) =>
        ordinal == -1 || (ordinal < method.Parameters.Length && method.Parameters[ordinal].Type.SpecialType == SpecialType.System_String);
}
