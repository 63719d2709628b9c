using System.Collections.Generic;
using System.Collections.Immutable;
using Infisical.Analyzers.Configuration;
using Infisical.Analyzers.Manifest;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Infisical.Analyzers.Tests;

/// <summary>Edit distance, key mapping, platform names and the parse cache.</summary>
public sealed class NameMatchingTests
{
    [Theory]
    [InlineData("DB_PASSWORD", "DB_PASSWORD", 0)]
    [InlineData("DB_PASWORD", "DB_PASSWORD", 1)]
    [InlineData("DB_PASSWROD", "DB_PASSWORD", 1)]
    [InlineData("BD_PASSWORD", "DB_PASSWORD", 1)]
    [InlineData("DB_PASS", "DB_PASSWORD", 4)]
    [InlineData("", "ABC", 3)]
    public void Distance_counts_edits_and_adjacent_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Compute(a, b, max: 10, ignoreCase: false));
    }

    [Fact]
    public void Distance_stops_early_above_the_limit_and_can_ignore_case()
    {
        Assert.Equal(2, EditDistance.Compute("AAAAAAAA", "BBBBBBBB", max: 1, ignoreCase: false));
        Assert.Equal(0, EditDistance.Compute("db_password", "DB_PASSWORD", max: 0, ignoreCase: true));
    }

    [Theory]
    [InlineData("ConnectionStrings__Db", "ConnectionStrings:Db")]
    [InlineData("A__B__C", "A:B:C")]
    [InlineData("DB_PASSWORD", "DB_PASSWORD")]
    public void Double_underscore_maps_to_a_section_separator(string name, string key)
    {
        Assert.Equal(key, KeyNames.ToConfigurationKey(name));
    }

    [Fact]
    public void Section_prefixes_are_every_proper_prefix()
    {
        Assert.Equal(new[] { "A", "A:B" }, KeyNames.SectionPrefixes("A:B:C"));
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", true)]
    [InlineData("aspnetcore_urls", true)]
    [InlineData("Logging:LogLevel:Default", true)]
    [InlineData("AllowedHosts", true)]
    [InlineData("DB_PASSWORD", false)]
    [InlineData("PATHWAY_KEY", false)]
    public void Platform_names(string name, bool expected)
    {
        Assert.Equal(expected, PlatformNames.IsPlatformName(name));
    }

    [Fact]
    public void Known_names_match_configuration_keys_case_insensitively_and_names_exactly()
    {
        var source = new ManifestSource(null, "demo", null, "dev", "/");
        var manifest = new SecretManifest(ImmutableArray.Create(source), ImmutableArray.Create(
            new ManifestSecret("ConnectionStrings__Db", "/", source), new ManifestSecret("API_KEY", "/", source)));
        var known = new KnownNames(new[] { manifest }, new[] { new KeyValuePair<string, string>("Mail:Host", "appsettings.json") });
        Assert.True(known.ProvidesKey("connectionstrings:db"));
        Assert.False(known.ProvidesKey("ConnectionStrings__Db"));
        Assert.True(known.HasSecret("ConnectionStrings__Db"));
        Assert.False(known.HasSecret("api_key"));
        Assert.Equal("API_KEY", known.SecretIgnoringCase("api_key"));
        Assert.True(known.ProvidesSection("ConnectionStrings"));
        Assert.True(known.OtherSourceProvides("mail"));
        Assert.Equal("API_KEY", known.FindClosest("APIKEY", asConfigurationKey: false)?.Name);
        Assert.Same(source, known.FindClosest("APIKEY", asConfigurationKey: false)?.Secret?.Source);
        Assert.Null(known.FindClosest("COMPLETELY_DIFFERENT", asConfigurationKey: false));
        var fromAppSettings = known.FindClosest("Mail:Hots", asConfigurationKey: true);
        Assert.Equal(("Mail:Host", "appsettings.json"), (fromAppSettings?.Name, fromAppSettings?.Origin));
        Assert.Null(fromAppSettings?.Secret);
    }

    [Fact]
    public void Parse_cache_parses_identical_content_once()
    {
        var calls = 0;
        var cache = new ParsedFileCache<string>(text => { calls++; return text.ToUpperInvariant(); });
        var first = SourceText.From("{ \"secrets\": [] }");
        var sameContent = SourceText.From("{ \"secrets\": [] }");
        var other = SourceText.From("{ \"secrets\": [1] }");
        Assert.Same(cache.Get(first), cache.Get(first));
        Assert.Same(cache.Get(first), cache.Get(sameContent));
        Assert.NotSame(cache.Get(first), cache.Get(other));
        Assert.Equal(2, calls);
    }
}
