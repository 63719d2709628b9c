using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Infisical.Analyzers.Analysis;

/// <summary>
/// The framework methods whose string arguments are names, recognised by method name, containing type's full
/// name and "not declared in this project", never by looking types up in the compilation. Looking them up
/// (GetTypeByMetadataName, the references' assembly symbols) was the analyzer's largest fixed cost: on a fresh
/// compilation it made the analyzer the first to bind the reference set, so that binding was billed to it.
/// Comparing names instead also keeps the shadowing rule: a project's own same-named type (a static
/// Microsoft.Extensions.Configuration.ConfigurationExtensions holding GetRequiredValue helpers) hides nothing,
/// and every referenced assembly declaring the type counts.
/// </summary>
internal static class FrameworkApis
{
    public const string ConfigurationInterface = "Microsoft.Extensions.Configuration.IConfiguration";
    public const string SectionInterface = "Microsoft.Extensions.Configuration.IConfigurationSection";

    private const string Extensions = "Microsoft.Extensions.Configuration.ConfigurationExtensions";
    private const string Binder = "Microsoft.Extensions.Configuration.ConfigurationBinder";

    /// <summary>Method name → (declaring type, binding). KeyParameter -1: the string parameter named 'key'.</summary>
    private static readonly Dictionary<string, (string Type, ApiBinding Binding)> Methods = new(StringComparer.Ordinal)
    {
        ["GetEnvironmentVariable"] = ("System.Environment", new ApiBinding(NameKind.EnvironmentVariable, 0)),
        ["GetSection"] = (ConfigurationInterface, new ApiBinding(NameKind.ConfigurationSection, 0, composesWithReceiver: true)),
        ["GetRequiredSection"] = (Extensions, new ApiBinding(NameKind.ConfigurationSection, 1, composesWithReceiver: true)),
        ["GetConnectionString"] = (Extensions, new ApiBinding(NameKind.ConfigurationKey, 1, "ConnectionStrings", true)),
        ["GetValue"] = (Binder, new ApiBinding(NameKind.ConfigurationKey, -1, composesWithReceiver: true)),
        ["Bind"] = (Binder, new ApiBinding(NameKind.ConfigurationSection, -1, composesWithReceiver: true)),
        ["BindConfiguration"] = ("Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions", new ApiBinding(NameKind.ConfigurationSection, 1)),
    };

    /// <summary>The binding of a framework method definition, or null when it is not one of <see cref="Methods"/>.</summary>
    public static ApiBinding? Find(IMethodSymbol definition, IAssemblySymbol project)
    {
        if (!Methods.TryGetValue(definition.Name, out var entry) || !IsFrameworkType(definition.ContainingType, entry.Type, project))
        {
            return null;
        }

        var binding = entry.Binding;
        if (binding.KeyParameter == -1)
        {
            // GetValue/Bind overloads differ in where the key sits: find the string parameter named 'key'.
            for (var i = 0; i < definition.Parameters.Length; i++)
            {
                if (definition.Parameters[i].Name == "key" && IsString(definition.Parameters[i].Type))
                {
                    return new ApiBinding(binding.Kind, i, binding.KeyPrefix, binding.ComposesWithReceiver);
                }
            }

            return new ApiBinding(binding.Kind, int.MaxValue);
        }

        return binding.KeyParameter < definition.Parameters.Length && IsString(definition.Parameters[binding.KeyParameter].Type) ? binding : null;
    }

    /// <summary>True when <paramref name="type"/> is the named top-level type, declared outside the project.</summary>
    public static bool IsFrameworkType(INamedTypeSymbol? type, string fullName, IAssemblySymbol project) =>
        type is not null && type.ContainingType is null && HasFullName(type, fullName) &&
        !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, project);

    private static bool IsString(ITypeSymbol type) => type.SpecialType == SpecialType.System_String;

    /// <summary>Compares "A.B.C" with the type's name and namespaces from the end, without building a string.</summary>
    private static bool HasFullName(INamedTypeSymbol type, string fullName)
    {
        var end = fullName.Length;
        ISymbol? part = type;
        while (part is not null && !(part is INamespaceSymbol { IsGlobalNamespace: true }))
        {
            var name = part.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(fullName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return part.ContainingNamespace is null || part.ContainingNamespace.IsGlobalNamespace;
            }

            if (fullName[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
            part = part.ContainingNamespace;
        }

        return false;
    }
}
