using Microsoft.CodeAnalysis;

namespace Infisical.Analyzers;

/// <summary>The analyzer's diagnostic IDs. They are stable: never renumber, only add.</summary>
public static class DiagnosticIds
{
    /// <summary>A secret name used in code is not in the configured project/environment/path.</summary>
    public const string UnknownSecretName = "INF001";

    /// <summary>No names manifest is visible to the compiler yet.</summary>
    public const string NoManifest = "INF002";

    /// <summary>The names manifest is malformed.</summary>
    public const string MalformedManifest = "INF003";

    /// <summary>An infisical.* analyzer option cannot be used.</summary>
    public const string InvalidOption = "INF004";

    /// <summary>A key read in code is known nowhere the compiler can see and is close to no known name.</summary>
    public const string UnknownKey = "INF005";
}

/// <summary>Keys of <see cref="Diagnostic.Properties"/> that INF001 passes to its code fix.</summary>
public static class DiagnosticProperties
{
    /// <summary>The exact text the flagged string should become (relative to any composed section).</summary>
    public const string Replacement = "Replacement";

    /// <summary>The suggested secret name as it is in the manifest.</summary>
    public const string SuggestedSecret = "SuggestedSecret";

    /// <summary>
    /// The nested InfisicalSecretNames class whose constants fit the API: <c>Keys</c> for configuration reads,
    /// <c>Variables</c> for environment variables and the Infisical client.
    /// </summary>
    public const string NamesClass = "NamesClass";
}

internal static class DiagnosticDescriptors
{
    private const string Category = "Infisical";
    private const string HelpBase = "https://github.com/infisical-build/Infisical.Build/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor UnknownSecretName = new(
        DiagnosticIds.UnknownSecretName,
        title: "Secret name not found in Infisical",
        messageFormat: "'{0}' is not a secret in Infisical project '{1}', environment '{2}', path '{3}'{4}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The name is read in code but the names manifest written by the last build does not list it, and it is " +
                     "close to a name that is known (a secret, or a key of appsettings, launchSettings or user secrets): it is probably misspelled.",
        helpLinkUri: HelpBase + "INF001.md");

    public static readonly DiagnosticDescriptor UnknownKey = new(
        DiagnosticIds.UnknownKey,
        title: "Key found in no configuration source",
        messageFormat: "'{0}' is in no configuration source the compiler sees (not in Infisical project '{1}', environment '{2}', path '{3}'{4}, nor in appsettings, launchSettings or user secrets)",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The key is read in code, no source visible to the compiler provides it, and no known name is close to it. " +
                     "Its value may come from a source the compiler cannot see (the consuming application, the platform), " +
                     "or the secret was not created in this environment.",
        helpLinkUri: HelpBase + "INF005.md");

    public static readonly DiagnosticDescriptor NoManifest = new(
        DiagnosticIds.NoManifest,
        title: "No Infisical names manifest yet",
        messageFormat: "Secret names are not checked: {0}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The analyzer checks names against infisical.manifest.json, which the build writes when InfisicalEnv is set.",
        helpLinkUri: HelpBase + "INF002.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor MalformedManifest = new(
        DiagnosticIds.MalformedManifest,
        title: "The Infisical names manifest is malformed",
        messageFormat: "infisical.manifest.json cannot be used: {0}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The names manifest could not be read, so secret names are not checked. Rebuild to regenerate it.",
        helpLinkUri: HelpBase + "INF003.md");

    public static readonly DiagnosticDescriptor InvalidOption = new(
        DiagnosticIds.InvalidOption,
        title: "An Infisical analyzer option cannot be used",
        messageFormat: "Option '{0}' is ignored: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An infisical.* .editorconfig option or the InfisicalSecretAccessors MSBuild property has a value the analyzer cannot use.",
        helpLinkUri: HelpBase + "INF004.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
