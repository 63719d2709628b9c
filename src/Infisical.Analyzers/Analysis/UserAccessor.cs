using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Infisical.Analyzers.Analysis;

/// <summary>
/// A method the user declares as reading a configuration key, by documentation-comment id — like
/// BannedSymbols.txt entries — optionally with a section the method adds in front of the key:
/// <c>M:MyApp.ConfigExtensions.GetRequired(Microsoft.Extensions.Configuration.IConfiguration,System.String)</c>
/// or <c>M:MyApp.Hosting.AddCache(System.String)=ConnectionStrings</c>.
/// </summary>
internal sealed class UserAccessor
{
    private UserAccessor(string id, string? prefix)
    {
        Id = id;
        Prefix = prefix;
    }

    public string Id { get; }

    public string? Prefix { get; }

    /// <summary>The method's simple name ("GetRequiredValue" of "M:App.Ext.GetRequiredValue(…)"), for the syntactic pre-filter.</summary>
    public string MethodName
    {
        get
        {
            var end = Id.IndexOf('(');
            var full = end < 0 ? Id : Id.Substring(0, end);
            var name = full.Substring(full.LastIndexOf('.') + 1);
            var tick = name.IndexOf('`');
            return tick < 0 ? name : name.Substring(0, tick);
        }
    }

    /// <summary>
    /// Parses entries separated by '|', ';' or whitespace. (Commas belong to parameter lists, and a ';' may
    /// be cut off by .editorconfig comment handling, so '|' is the documented separator.)
    /// </summary>
    public static ImmutableArray<UserAccessor> ParseList(string? raw, List<string> invalidEntries)
    {
        if (raw is null || raw.Trim().Length == 0)
        {
            return ImmutableArray<UserAccessor>.Empty;
        }

        var list = ImmutableArray.CreateBuilder<UserAccessor>();
        foreach (var part in raw.Split(new[] { '|', ';', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var id = equals < 0 ? part : part.Substring(0, equals);
            var prefix = equals < 0 ? null : part.Substring(equals + 1).Trim();
            if (id.StartsWith("M:", StringComparison.Ordinal) && id.Length > 2)
            {
                list.Add(new UserAccessor(id, string.IsNullOrEmpty(prefix) ? null : prefix));
            }
            else
            {
                invalidEntries.Add(part);
            }
        }

        return list.ToImmutable();
    }

    /// <summary>The methods this id names in the compilation (several for an id without a parameter list).</summary>
    public IEnumerable<IMethodSymbol> Resolve(Compilation compilation)
    {
        var symbols = DocumentationCommentId.GetSymbolsForDeclarationId(Id, compilation);
        if (symbols.IsDefaultOrEmpty && Id.IndexOf('(') < 0)
        {
            // "M:Type.Method" without parameters: every overload of that name.
            var dot = Id.LastIndexOf('.');
            if (dot > 2 && compilation.GetTypeByMetadataName(Id.Substring(2, dot - 2)) is { } type)
            {
                foreach (var member in type.GetMembers(Id.Substring(dot + 1)))
                {
                    if (member is IMethodSymbol overload)
                    {
                        yield return overload;
                    }
                }
            }

            yield break;
        }

        foreach (var symbol in symbols)
        {
            if (symbol is IMethodSymbol method)
            {
                yield return method;
            }
        }
    }

    /// <summary>The first string parameter after an extension method's receiver, or -1.</summary>
    public static int KeyParameterOf(IMethodSymbol method)
    {
        for (var i = method.IsExtensionMethod ? 1 : 0; i < method.Parameters.Length; i++)
        {
            if (method.Parameters[i].Type.SpecialType == SpecialType.System_String)
            {
                return i;
            }
        }

        return -1;
    }
}
