using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Infisical.Analyzers.Tests.Realistic;

/// <summary>One project of the realistic corpus: its code, the files the build hands the analyzer, and what is really missing.</summary>
internal sealed class RealisticProject
{
    public RealisticProject(string name, bool aspNetCore, string source, IReadOnlyList<(string Path, string Text)> additionalFiles, IReadOnlyCollection<string> reallyMissing)
    {
        Name = name;
        AspNetCore = aspNetCore;
        Source = source;
        AdditionalFiles = additionalFiles;
        ReallyMissing = reallyMissing;
    }

    public string Name { get; }

    /// <summary>Compiled against the ASP.NET Core shared framework (else .NET plus the configuration packages).</summary>
    public bool AspNetCore { get; }

    public string Source { get; }

    public IReadOnlyList<(string Path, string Text)> AdditionalFiles { get; }

    /// <summary>Keys read in code that no source provides at run time either: what INF005 should find.</summary>
    public IReadOnlyCollection<string> ReallyMissing { get; }

    public RealisticProject WithSource(string source) => new(Name, AspNetCore, source, AdditionalFiles, ReallyMissing);
}

/// <summary>Runs the analyzer over a realistic project the way the compiler does, with real reference assemblies.</summary>
internal static class RealisticHarness
{
    private static ImmutableArray<MetadataReference> _configuration;
    private static ImmutableArray<MetadataReference> _aspNetCore;

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(RealisticProject project, string globalOptions = "")
    {
        var tree = CSharpSyntaxTree.ParseText(project.Source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "/src/" + project.Name + "/Code.cs");
        var compilation = CSharpCompilation.Create(
            project.Name,
            new[] { tree },
            await ReferencesAsync(project.AspNetCore).ConfigureAwait(false),
            new CSharpCompilationOptions(project.AspNetCore ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, project.Name + " does not compile: " + string.Join("\n", errors));

        var files = project.AdditionalFiles.Select(f => (AdditionalText)new Text(f.Path, f.Text)).ToImmutableArray();
        var options = new AnalyzerOptions(files, new OptionsProvider(globalOptions));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SecretNameAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None)
            .ConfigureAwait(false);
        return diagnostics.Where(d => d.Id is DiagnosticIds.UnknownSecretName or DiagnosticIds.UnknownKey).ToImmutableArray();
    }

    /// <summary>The flagged literal's text, e.g. "\"Jwt:SigingKey\"".</summary>
    public static string Flagged(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private static async Task<ImmutableArray<MetadataReference>> ReferencesAsync(bool aspNetCore)
    {
        if (aspNetCore)
        {
            if (_aspNetCore.IsDefault)
            {
                var runtime = await TestReferences.BareRuntime.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
                _aspNetCore = runtime.AddRange(await TestReferences.AspNetCoreAsync().ConfigureAwait(false));
            }

            return _aspNetCore;
        }

        if (_configuration.IsDefault)
        {
            _configuration = await TestReferences.WithConfiguration.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
        }

        return _configuration;
    }

    private sealed class Text : AdditionalText
    {
        private readonly SourceText _text;

        public Text(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Global options only (the shape MSBuild's generated .globalconfig gives), "key = value" per line.</summary>
    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public OptionsProvider(string lines)
        {
            _global = new Options(lines.Split('\n')
                .Select(l => l.Split('=', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim()));
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _global;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }
}
