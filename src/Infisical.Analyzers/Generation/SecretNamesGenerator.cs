using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Infisical.Analyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Infisical.Analyzers.Generation;

/// <summary>
/// Generates <c>InfisicalSecretNames</c> from the names manifest: <c>InfisicalSecretNames.Keys.Jwt_SigningKey</c>
/// holds the configuration key <c>Jwt:SigningKey</c>, <c>InfisicalSecretNames.Variables.Jwt__SigningKey</c> the raw
/// name, so the compiler catches a misspelling. In the global namespace unless <c>InfisicalSecretNamesNamespace</c>
/// names one, so top-level statements need no using. Generates nothing without a usable manifest (INF002/INF003
/// say why) or when <c>InfisicalGenerateSecretNames</c> is false.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SecretNamesGenerator : IIncrementalGenerator
{
    /// <summary>MSBuild property (CompilerVisibleProperty) that turns the generator off when "false".</summary>
    public const string EnabledProperty = "build_property.InfisicalGenerateSecretNames";

    /// <summary>MSBuild property InfisicalSecretNamesNamespace: the class's namespace, the global one when empty.</summary>
    public const string NamespaceProperty = "build_property.InfisicalSecretNamesNamespace";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var manifests = context.AdditionalTextsProvider
            .Where(SecretNameAnalyzer.IsManifest)
            .Select(static (file, ct) => Read(file.Path, file.GetText(ct)))
            .Collect();
        var options = context.AnalyzerConfigOptionsProvider.Select(static (provider, _) => ReadOptions(provider.GlobalOptions));

        context.RegisterSourceOutput(manifests.Combine(options), static (output, input) =>
        {
            if (Render(input.Left, input.Right) is { } source)
            {
                output.AddSource(SecretNamesSource.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
            }
        });
    }

    /// <summary>The generated text, or null when there is nothing to generate.</summary>
    internal static string? Render(ImmutableArray<ManifestNames> manifests, GeneratorOptions options)
    {
        if (!options.Enabled)
        {
            return null;
        }

        // Like the analyzer, every well-formed manifest counts and malformed ones are left to INF003; with no
        // well-formed manifest there is no class at all rather than an empty one that hides the real problem.
        // Ordered by path like the analyzer, so "described by its first listing" does not depend on arrival order.
        var ordered = new ManifestNames[manifests.Length];
        manifests.CopyTo(ordered);
        Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var entries = new List<SecretNameEntry>();
        var any = false;
        foreach (var manifest in ordered)
        {
            if (manifest.Entries is { } list)
            {
                any = true;
                entries.AddRange(list);
            }
        }

        return any ? SecretNamesSource.Write(entries, options.Namespace) : null;
    }

    private static ManifestNames Read(string path, SourceText? text)
    {
        if (text is null || ManifestParser.Cache.Get(text).Manifest is not { } manifest)
        {
            return new ManifestNames(path, null);
        }

        var builder = ImmutableArray.CreateBuilder<SecretNameEntry>(manifest.Secrets.Length);
        foreach (var secret in manifest.Secrets)
        {
            builder.Add(new SecretNameEntry(secret.Name, secret.Source.Environment, secret.Path));
        }

        return new ManifestNames(path, builder.MoveToImmutable());
    }

    private static GeneratorOptions ReadOptions(AnalyzerConfigOptions global)
    {
        var enabled = !global.TryGetValue(EnabledProperty, out var raw) ||
                      !string.Equals(raw.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        global.TryGetValue(NamespaceProperty, out var @namespace);
        return new GeneratorOptions(enabled, SecretNameIdentifiers.Namespace(@namespace));
    }
}
