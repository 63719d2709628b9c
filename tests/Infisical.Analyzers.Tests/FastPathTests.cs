using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Infisical.Analyzers.Analysis;
using Infisical.Analyzers.Configuration;
using Infisical.Analyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Infisical.Analyzers.Tests;

/// <summary>The shortcuts taken for speed give the answers of the slower ways they replace.</summary>
public sealed class FastPathTests
{
    private const string Source = """
        public static class Sample
        {
            private const string Section = "Identity";
            private const string Joined = Section + ":" + "Url";

            public static void Take(string s) { }
            public static void TakeObject(object o) { }
            public static void TakeBytes(System.ReadOnlySpan<byte> b) { }

            public static void Run(string variable)
            {
                Take("plain");
                Take(@"verbatim\path");
                Take("escaped\t\u00e9");
                Take(""
                    );
                Take(\"\"\"
                    raw "quoted"
                    \"\"\");
                Take(Section);
                Take(Joined);
                Take("con" + "cat");
                Take(nameof(Run));
                Take($"{Section}:Url");
                Take(variable);
                Take(null);
                TakeObject("boxed");
                TakeObject('c');
                TakeBytes("utf8"u8);
            }
        }
        """;

    [Fact]
    public void Constant_strings_read_from_tokens_equal_the_compilers_constant_values()
    {
        var tree = CSharpSyntaxTree.ParseText(Source.Replace("\\\"", "\""), new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            "Sample",
            new[] { tree },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }.Concat(RuntimeReferences()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var model = compilation.GetSemanticModel(tree);
        var operations = tree.GetRoot().DescendantNodes().Select(node => model.GetOperation(node)).Where(op => op is not null).ToList();
        var strings = 0;
        foreach (var operation in operations)
        {
            var expected = operation!.ConstantValue is { HasValue: true, Value: string s } ? s : null;
            Assert.Equal(expected, ConstantStrings.Of(operation));
            strings += expected is null ? 0 : 1;
        }

        // Literals, constants, folded concatenations, nameof and the constant interpolation all counted.
        Assert.True(strings >= 12, $"only {strings} string constants seen");
    }

    [Theory]
    [InlineData("/repo/obj/infisical/infisical.manifest.json", true)]
    [InlineData("infisical.manifest.json", true)]
    [InlineData("/repo/INFISICAL.MANIFEST.JSON", true)]
    [InlineData("/repo/other.infisical.manifest.json", false)]
    [InlineData("/repo/infisical.manifest.json.bak", false)]
    [InlineData("/repo/manifest.json", false)]
    [InlineData("", false)]
    public void Manifest_files_are_recognised_by_their_file_name(string path, bool expected)
    {
        Assert.Equal(expected, SecretNameAnalyzer.IsManifest(new PathOnly(path)));
        Assert.Equal(
            string.Equals(System.IO.Path.GetFileName(path), SecretNameAnalyzer.ManifestFileName, System.StringComparison.OrdinalIgnoreCase),
            SecretNameAnalyzer.IsManifest(new PathOnly(path)));
    }

    [Fact]
    public void Known_names_are_reused_only_for_the_same_manifests_and_other_keys()
    {
        var source = new ManifestSource(null, "demo", null, "dev", "/");
        var manifest = new SecretManifest(ImmutableArray.Create(source), ImmutableArray.Create(new ManifestSecret("API_KEY", "/", source)));
        var sameContent = new SecretManifest(ImmutableArray.Create(source), ImmutableArray.Create(new ManifestSecret("API_KEY", "/", source)));
        var keys = new[] { new KeyValuePair<string, string>("Mail:Host", "appsettings.json") };
        var names = new KnownNames(new[] { manifest }, keys);
        var cached = new KnownNames.Cached(new[] { manifest }, keys, names);

        Assert.True(cached.Matches(new[] { manifest }, new[] { new KeyValuePair<string, string>("Mail:Host", "appsettings.json") }));
        Assert.False(cached.Matches(new[] { sameContent }, keys));
        Assert.False(cached.Matches(new[] { manifest, manifest }, keys));
        Assert.False(cached.Matches(new[] { manifest }, new[] { new KeyValuePair<string, string>("Mail:Host", "appsettings.Development.json") }));
        Assert.False(cached.Matches(new[] { manifest }, new KeyValuePair<string, string>[0]));
        Assert.Same(names, cached.Names);
    }

    [Fact]
    public void Remembered_close_names_equal_a_fresh_search()
    {
        var source = new ManifestSource(null, "demo", null, "dev", "/");
        var manifest = new SecretManifest(ImmutableArray.Create(source), ImmutableArray.Create(
            new ManifestSecret("API_KEY", "/", source), new ManifestSecret("Mail__Host", "/", source)));
        var known = KnownNames.For(new[] { manifest }, new KeyValuePair<string, string>[0]);
        foreach (var (name, mode) in new[] { ("APIKEY", 'x'), ("APIKEY", 'x'), ("Mail:Hots", 'k'), ("Mai", 's'), ("NOTHING_LIKE_IT", 'x') })
        {
            var fresh = known.FindClosest(name, asConfigurationKey: mode != 'x', includeSections: mode == 's');
            Assert.Equal(fresh?.Name, known.Closest(name, mode)?.Name);
        }
    }

    [Fact]
    public void Provided_names_are_those_a_check_never_reports()
    {
        var source = new ManifestSource(null, "demo", null, "dev", "/");
        var manifest = new SecretManifest(ImmutableArray.Create(source), ImmutableArray.Create(
            new ManifestSecret("API_KEY", "/", source), new ManifestSecret("Mail__Host", "/", source)));
        var checker = new NameChecker(
            new KnownNames(new[] { manifest }, new[] { new KeyValuePair<string, string>("Feature:Flag", "appsettings.json") }), isApp: true);
        var settings = AnalyzerSettings.For(new NoOptions());
        var cases = new (NameKind Kind, string Section, string Literal, bool Provided)[]
        {
            (NameKind.EnvironmentVariable, "", "API_KEY", true),
            (NameKind.EnvironmentVariable, "", "api_key", false),
            (NameKind.EnvironmentVariable, "", "ASPNETCORE_URLS", true),
            (NameKind.EnvironmentVariable, "", "Feature__Flag", true),
            (NameKind.EnvironmentVariable, "", "API_KYE", false),
            (NameKind.ConfigurationKey, "Mail", "Host", true),
            (NameKind.ConfigurationKey, "", "mail:host", true),
            (NameKind.ConfigurationKey, "Mail", "Hots", false),
            (NameKind.ConfigurationKey, "", "Mail", false),
            (NameKind.ConfigurationSection, "", "Mail", true),
            (NameKind.ConfigurationKey, "", "Logging:LogLevel:Default", true),
            (NameKind.InfisicalSecret, "", "API_KEY", true),
            (NameKind.InfisicalSecret, "", "Mail:Host", false),
            (NameKind.ConfigurationKey, "", "", true),
        };
        foreach (var (kind, section, literal, expected) in cases)
        {
            Assert.Equal(expected, checker.IsProvided(kind, section, literal));
            if (expected)
            {
                Assert.Null(checker.Check(kind, section, literal, settings));
            }
        }

        // Not provided is not the same as reported: a close miss is, an unrelated lowercase key in a library is not.
        Assert.NotNull(checker.Check(NameKind.EnvironmentVariable, "", "API_KYE", settings));
        Assert.NotNull(checker.Check(NameKind.ConfigurationKey, "Mail", "Hots", settings));
    }

    private static IEnumerable<MetadataReference> RuntimeReferences() =>
        ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(System.IO.Path.PathSeparator)
            .Where(p => p.EndsWith("System.Runtime.dll", System.StringComparison.OrdinalIgnoreCase) ||
                        p.EndsWith("System.Memory.dll", System.StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));

    private sealed class NoOptions : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }
    }

    private sealed class PathOnly : AdditionalText
    {
        public PathOnly(string path)
        {
            Path = path;
        }

        public override string Path { get; }

        public override SourceText? GetText(System.Threading.CancellationToken cancellationToken = default) => null;
    }
}
