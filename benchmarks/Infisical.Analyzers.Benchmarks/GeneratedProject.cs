using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Infisical.Analyzers.Benchmarks;

/// <summary>
/// A synthetic 1,000-file project that reads configuration and environment variables the way services do,
/// with a misspelled name in one file out of a hundred, plus a 200-name manifest.
/// </summary>
internal sealed class GeneratedProject
{
    public const int SecretCount = 200;

    public GeneratedProject(int fileCount)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        Trees = Enumerable.Range(0, fileCount)
            .Select(i => CSharpSyntaxTree.ParseText(SourceFor(i), parseOptions, path: $"/gen/Service{i}.cs"))
            .ToImmutableArray();
        References = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(System.IO.Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", System.StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
        Manifest = new InMemoryAdditionalText("/gen/obj/infisical/infisical.manifest.json", ManifestText());
    }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public AdditionalText Manifest { get; }

    /// <summary>A fresh compilation: nothing bound or cached yet, as at the start of a build.</summary>
    public CSharpCompilation NewCompilation() => CSharpCompilation.Create(
        "Generated",
        Trees,
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static string SourceFor(int i)
    {
        var secret = "SECRET_NUMBER_" + (i % SecretCount).ToString(CultureInfo.InvariantCulture);
        var misspelled = i % 100 == 7 ? "SECRET_NUMBR_" + (i % SecretCount).ToString(CultureInfo.InvariantCulture) : secret;
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.Extensions.Configuration;

            namespace Generated.Area{{i / 50}};

            public sealed class Service{{i}}
            {
                private const string Section = "Identity";
                private readonly IConfiguration _configuration;

                public Service{{i}}(IConfiguration configuration) { _configuration = configuration; }

                public string? Password => _configuration["DB_PASSWORD"];
                public string? IdentityUrl => _configuration.GetSection(Section)["Url"];
                public string? Connection => _configuration.GetConnectionString("Db");
                public string? Secret => Environment.GetEnvironmentVariable("{{misspelled}}");
                public string? Level => _configuration["Logging:LogLevel:Default"];
                public string? Hosts => _configuration["AllowedHosts"];
                public string? AspNet => Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");

                public int Sum(int count)
                {
                    var total = 0;
                    for (var k = 0; k < count; k++) { total += k * {{i}} % 7; }
                    return total;
                }

                public IReadOnlyList<string> Names(IEnumerable<string> input) =>
                    input.Where(s => s.Length > {{i % 5}}).Select(s => s.Trim().ToUpperInvariant() + "{{i}}").OrderBy(s => s).ToList();

                public override string ToString() => $"Service{{i}}({Password?.Length ?? 0}, {IdentityUrl}, {Sum(3)})";
            }
            """;
    }

    private static string ManifestText()
    {
        var sb = new StringBuilder("{ \"schemaVersion\": 1, \"projectSlug\": \"bench\", \"environment\": \"dev\", \"secretPath\": \"/\", \"secrets\": [");
        sb.Append("{\"name\":\"DB_PASSWORD\"},{\"name\":\"Identity__Url\"},{\"name\":\"ConnectionStrings__Db\"}");
        for (var i = 0; i < SecretCount; i++)
        {
            sb.Append(",{\"name\":\"SECRET_NUMBER_").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\",\"path\":\"/\"}");
        }

        return sb.Append("] }").ToString();
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
