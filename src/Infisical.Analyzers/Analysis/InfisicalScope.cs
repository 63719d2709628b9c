using System;
using System.Collections.Generic;
using Infisical.Analyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Infisical.Analyzers.Analysis;

/// <summary>
/// An Infisical client call may name its own project, environment or path. When a constant there differs
/// from every source the manifests describe, they say nothing about that secret, so it is not checked.
/// </summary>
internal static class InfisicalScope
{
    /// <summary>True when a call's arguments point somewhere no manifest source describes.</summary>
    public static bool CallPointsElsewhere(IInvocationOperation invocation, IReadOnlyList<ManifestSource> sources)
    {
        foreach (var source in sources)
        {
            var differs = false;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && Differs(parameter.Name, argument.Value, source))
                {
                    differs = true;
                    break;
                }
            }

            if (!differs)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when an options initializer sets a project, environment or path no source describes.</summary>
    public static bool InitializerPointsElsewhere(ISimpleAssignmentOperation nameAssignment, IReadOnlyList<ManifestSource> sources)
    {
        if (nameAssignment.Parent is not IObjectOrCollectionInitializerOperation initializer)
        {
            return false;
        }

        foreach (var source in sources)
        {
            var differs = false;
            foreach (var sibling in initializer.Initializers)
            {
                if (sibling is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment &&
                    Differs(property.Property.Name, assignment.Value, source))
                {
                    differs = true;
                    break;
                }
            }

            if (!differs)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Differs(string name, IOperation value, ManifestSource manifest)
    {
        if (ConstantStrings.Of(value) is not { } text)
        {
            return false;
        }

        switch (name.ToLowerInvariant())
        {
            case "environment":
            case "environmentslug":
                return !string.Equals(text, manifest.Environment, StringComparison.Ordinal);
            case "secretpath":
            case "path":
                return !string.Equals(NormalizePath(text), NormalizePath(manifest.SecretPath), StringComparison.Ordinal);
            case "projectslug":
                return manifest.ProjectSlug is not null && !string.Equals(text, manifest.ProjectSlug, StringComparison.Ordinal);
            case "projectid":
            case "workspaceid":
                return manifest.ProjectId is not null && !string.Equals(text, manifest.ProjectId, StringComparison.Ordinal);
            default:
                return false;
        }
    }

    private static string NormalizePath(string path)
    {
        var trimmed = path.Trim();
        return trimmed.Length > 1 ? trimmed.TrimEnd('/') : trimmed;
    }
}
