using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>Expansion limits and forms (docs/infisical-api-notes.md, "Reference expansion") with a seed built for them.</summary>
public sealed class ReferenceExpansionTests
{
    private static string Seed()
    {
        // L0 -> L1 -> ... -> L12 = "end": a chain longer than the depth limit of 10.
        var secrets = new StringBuilder();
        for (var i = 0; i < 12; i++)
        {
            secrets.Append($"{{ \"environment\": \"dev\", \"key\": \"L{i}\", \"value\": \"${{L{i + 1}}}\" }},");
        }

        secrets.Append("{ \"environment\": \"dev\", \"key\": \"L12\", \"value\": \"end\" },");
        secrets.Append("{ \"environment\": \"dev\", \"key\": \"EMPTY\", \"value\": \"\" },");
        secrets.Append("{ \"environment\": \"dev\", \"key\": \"USES_EMPTY\", \"value\": \"[${EMPTY}]\" },");
        secrets.Append("{ \"environment\": \"dev\", \"key\": \"ROOT_FORM\", \"value\": \"${prod.TOP}\" },");
        secrets.Append("{ \"environment\": \"dev\", \"key\": \"BAD_CHARS\", \"value\": \"${A B}\" },");
        secrets.Append("{ \"environment\": \"dev\", \"key\": \"PROJECT_REF\", \"value\": \"${@other.dev.KEY}\" },");
        secrets.Append("{ \"environment\": \"prod\", \"key\": \"TOP\", \"value\": \"top-of-prod\" },");
        secrets.Append("{ \"environment\": \"dev\", \"path\": \"/sub\", \"key\": \"LOCAL\", \"value\": \"${NEIGHBOUR}\" },");
        secrets.Append("{ \"environment\": \"dev\", \"path\": \"/sub\", \"key\": \"NEIGHBOUR\", \"value\": \"sub-n\" }");
        return $$"""
        { "identities": [ { "clientId": "{{Harness.ClientId}}", "clientSecret": "{{Harness.ClientSecret}}" } ],
          "projects": [ { "id": "{{Harness.DefaultProjectId}}", "slug": "demo", "environments": ["dev", "prod"], "secrets": [ {{secrets}} ] } ] }
        """;
    }

    private static async Task<JsonArray> ExpandedList(Harness h, string path = "/")
    {
        var token = await h.LoginAsync();
        var (_, body) = await h.GetAsync(h.ListUrl("environment=dev&expandSecretReferences=true&secretPath=" + path), token);
        return body!["secrets"]!.AsArray();
    }

    private static string Value(JsonArray secrets, string key) =>
        secrets.Single(s => s!["secretKey"]!.GetValue<string>() == key)!["secretValue"]!.GetValue<string>();

    [Fact]
    public async Task Chains_deeper_than_ten_stop_with_the_literal_reference()
    {
        await using var h = await Harness.StartAsync(seed: Seed());
        var secrets = await ExpandedList(h);
        Assert.Equal("${L12}", Value(secrets, "L0"));
        Assert.Equal("end", Value(secrets, "L1"));
    }

    [Fact]
    public async Task Empty_referenced_value_becomes_empty_now_but_stays_literal_in_2024()
    {
        await using var current = await Harness.StartAsync(seed: Seed());
        Assert.Equal("[]", Value(await ExpandedList(current), "USES_EMPTY"));
        await using var legacy = await Harness.StartAsync(Infisical.LocalServer.CompatibilityLevel.Legacy2024, seed: Seed());
        Assert.Equal("[${EMPTY}]", Value(await ExpandedList(legacy), "USES_EMPTY"));
    }

    [Fact]
    public async Task Two_part_reference_is_the_environment_root_and_project_or_invalid_references_stay_literal()
    {
        await using var h = await Harness.StartAsync(seed: Seed());
        var secrets = await ExpandedList(h);
        Assert.Equal("top-of-prod", Value(secrets, "ROOT_FORM"));
        Assert.Equal("${A B}", Value(secrets, "BAD_CHARS"));
        Assert.Equal("${@other.dev.KEY}", Value(secrets, "PROJECT_REF"));
    }

    [Fact]
    public async Task Single_part_reference_resolves_in_the_referencing_secrets_own_folder()
    {
        await using var h = await Harness.StartAsync(seed: Seed());
        Assert.Equal("sub-n", Value(await ExpandedList(h, "/sub"), "LOCAL"));
    }
}
