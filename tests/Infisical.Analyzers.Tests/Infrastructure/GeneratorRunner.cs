using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Analyzers.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Infisical.Analyzers.Tests.Infrastructure;

/// <summary>Runs <see cref="SecretNamesGenerator"/> through Roslyn's real generator driver on an in-memory project.</summary>
internal static class GeneratorRunner
{
    /// <summary>Generates from the given additional files (path, text) and MSBuild properties (name, value).</summary>
    public static async Task<GeneratorOutcome> RunAsync(
        IEnumerable<(string Path, string Text)> additionalFiles,
        IEnumerable<(string Name, string Value)>? properties = null,
        string source = "class Placeholder { }",
        LanguageVersion languageVersion = LanguageVersion.Latest)
    {
        var references = await TestReferences.BareRuntime.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "App",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var options = new GlobalOptionsProvider(properties ?? Enumerable.Empty<(string, string)>());
        var driver = CSharpGeneratorDriver.Create(
            new[] { new SecretNamesGenerator().AsSourceGenerator() },
            additionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            parseOptions,
            options);
        // Drivers are immutable: the run's results live in the driver it returns.
        var ran = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorOutcome(output, generatorDiagnostics, ran.GetRunResult().GeneratedTrees);
    }

    /// <summary>Shorthand: one manifest at the build's usual path.</summary>
    public static Task<GeneratorOutcome> RunAsync(string manifest, params (string Name, string Value)[] properties) =>
        RunAsync(new[] { (TestManifests.Path, manifest) }, properties);

    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        public GlobalOptionsProvider(IEnumerable<(string Name, string Value)> properties)
        {
            GlobalOptions = new DictionaryOptions(properties.ToImmutableDictionary(p => "build_property." + p.Name, p => p.Value));
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values)
        {
            _values = values;
        }

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>What one generator run produced, with the compilation that includes it.</summary>
internal sealed class GeneratorOutcome
{
    public GeneratorOutcome(Compilation compilation, ImmutableArray<Diagnostic> generatorDiagnostics, ImmutableArray<SyntaxTree> generated)
    {
        Compilation = compilation;
        GeneratorDiagnostics = generatorDiagnostics;
        Generated = generated;
    }

    public Compilation Compilation { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public ImmutableArray<SyntaxTree> Generated { get; }

    /// <summary>The generated text (exactly one file expected).</summary>
    public string Text => Assert.Single(Generated).ToString();

    /// <summary>The generated class, looked up by its metadata name.</summary>
    public INamedTypeSymbol NamesClass(string? @namespace = null)
    {
        var type = Compilation.GetTypeByMetadataName((@namespace is null ? "" : @namespace + ".") + SecretNamesSource.ClassName);
        Assert.NotNull(type);
        return type!;
    }

    /// <summary>Constant name → value, in declaration order.</summary>
    public List<(string Identifier, string Value)> Constants(string? @namespace = null) =>
        NamesClass(@namespace).GetMembers().OfType<IFieldSymbol>()
            .Select(f => (f.Name, Assert.IsType<string>(f.ConstantValue)))
            .ToList();

    /// <summary>Errors and warnings of the compilation including the generated file.</summary>
    public List<Diagnostic> CompileProblems() =>
        Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
