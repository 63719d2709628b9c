using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>List and get (docs/infisical-api-notes.md, "Secrets": the object, list, get and "Reference expansion") against the current-server behaviour. Read-only: one shared server.</summary>
public sealed class SecretReadTests : IClassFixture<SharedServer>
{
    private readonly SharedServer shared;

    public SecretReadTests(SharedServer shared) => this.shared = shared;

    private Task<(HttpStatusCode Status, JsonNode? Body)> Get(string url) => shared.H.GetAsync(url, shared.Token);

    private static JsonNode Secret(JsonNode body, string key) => body["secrets"]!.AsArray().Single(s => s!["secretKey"]!.GetValue<string>() == key)!;

    [Fact]
    public async Task List_items_have_exactly_the_list_schema_fields()
    {
        var (status, body) = await Get(shared.H.ListUrl("environment=dev&secretPath=/"));
        Assert.Equal(HttpStatusCode.OK, status);
        var secret = (JsonObject)Secret(body!, "DB_PASSWORD");
        var expected = new[]
        {
            "id", "_id", "workspace", "environment", "version", "type", "secretKey", "secretValue", "secretComment",
            "secretReminderNote", "secretReminderRepeatDays", "skipMultilineEncoding", "createdAt", "updatedAt", "actor",
            "isRotatedSecret", "rotationId", "secretPath", "secretValueHidden", "secretMetadata", "tags",
        };
        Assert.Equal(expected.OrderBy(x => x), secret.Select(p => p.Key).OrderBy(x => x));
        Assert.Equal(secret["id"]!.GetValue<string>(), secret["_id"]!.GetValue<string>());
        Assert.Equal(shared.H.ProjectId, secret["workspace"]!.GetValue<string>());
        Assert.Equal("hunter2", secret["secretValue"]!.GetValue<string>());
        Assert.Equal("main db", secret["secretComment"]!.GetValue<string>());
        Assert.Equal(1, secret["version"]!.GetValue<int>());
        Assert.Equal("shared", secret["type"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", secret["createdAt"]!.GetValue<string>());
        Assert.Equal("db", secret["tags"]![0]!["slug"]!.GetValue<string>());
        Assert.Null(body!["imports"]);
    }

    [Fact]
    public async Task List_without_expansion_returns_references_literally_by_default()
    {
        var (_, body) = await Get(shared.H.ListUrl("environment=dev"));
        Assert.Equal("user=${DB_USER};pw=${DB_PASSWORD};host=${prod.infra.HOST}", Secret(body!, "CONN")["secretValue"]!.GetValue<string>());
        Assert.DoesNotContain(body!["secrets"]!.AsArray(), s => s!["secretKey"]!.GetValue<string>() == "APP_KEY");
    }

    [Fact]
    public async Task Expansion_resolves_same_folder_and_cross_env_folder_references()
    {
        var (_, body) = await Get(shared.H.ListUrl("environment=dev&expandSecretReferences=true"));
        Assert.Equal("user=app;pw=hunter2;host=db.prod", Secret(body!, "CONN")["secretValue"]!.GetValue<string>());
        Assert.Equal("x-${NOPE}-y", Secret(body!, "DANGLING")["secretValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Expansion_stops_cycles_leaving_a_literal_reference()
    {
        // The server substitutes a reference back into the chain once, then stops scanning it.
        var (_, body) = await Get(shared.H.ListUrl("environment=dev&expandSecretReferences=true"));
        Assert.Equal("aba${CYCLE_B}", Secret(body!, "CYCLE_A")["secretValue"]!.GetValue<string>());
        Assert.Equal("bab${CYCLE_A}", Secret(body!, "CYCLE_B")["secretValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Multiline_quirk_quotes_expanded_values_when_skipMultilineEncoding_is_set()
    {
        var (_, body) = await Get(shared.H.ListUrl("environment=dev&expandSecretReferences=true"));
        Assert.Equal("\"line1\\nline2\"", Secret(body!, "QUOTED")["secretValue"]!.GetValue<string>());
        Assert.Equal("line1\nline2", Secret(body!, "MULTI")["secretValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task ViewSecretValue_false_masks_values_and_skips_expansion()
    {
        var (_, body) = await Get(shared.H.ListUrl("environment=dev&viewSecretValue=false&expandSecretReferences=true"));
        var secret = Secret(body!, "CONN");
        Assert.Equal("<hidden-by-infisical>", secret["secretValue"]!.GetValue<string>());
        Assert.True(secret["secretValueHidden"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("recursive=True", "recursive")]
    [InlineData("expandSecretReferences=1", "expandSecretReferences")]
    [InlineData("include_imports=TRUE", "include_imports")]
    [InlineData("viewSecretValue=yes", "viewSecretValue")]
    public async Task Booleans_other_than_lowercase_true_false_give_422(string query, string field)
    {
        var (status, body) = await Get(shared.H.ListUrl("environment=dev&" + query));
        ErrorAssert.Current(status, body, 422, "ValidationFailure");
        ErrorAssert.ZodIssues(body, field);
    }

    [Theory]
    [InlineData("/app/")]
    [InlineData(" /app ")]
    [InlineData("/app")]
    public async Task Secret_path_is_trimmed_and_one_trailing_slash_removed(string path)
    {
        var (_, body) = await Get(shared.H.ListUrl("environment=dev&secretPath=" + System.Uri.EscapeDataString(path)));
        Assert.Equal("appval", Secret(body!, "APP_KEY")["secretValue"]!.GetValue<string>());
        Assert.Equal("/app", Secret(body!, "APP_KEY")["secretPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task Recursive_list_is_flat_with_each_secret_path()
    {
        var (_, body) = await Get(shared.H.ListUrl("environment=dev&secretPath=/app&recursive=true"));
        var secrets = body!["secrets"]!.AsArray();
        Assert.Equal(2, secrets.Count);
        Assert.Equal("/app/db", Secret(body!, "DEEP")["secretPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_folder_or_environment_lists_empty_but_recursive_unknown_env_is_404()
    {
        var (s1, b1) = await Get(shared.H.ListUrl("environment=dev&secretPath=/nope"));
        Assert.Equal(HttpStatusCode.OK, s1);
        Assert.Empty(b1!["secrets"]!.AsArray());
        var (s2, b2) = await Get(shared.H.ListUrl("environment=qa"));
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.Empty(b2!["secrets"]!.AsArray());
        var (s3, b3) = await Get(shared.H.ListUrl("environment=qa&recursive=true"));
        ErrorAssert.Current(s3, b3, 404, "NotFound");
    }

    [Fact]
    public async Task Missing_environment_parameter_is_400()
    {
        var (status, body) = await Get($"/api/v3/secrets/raw?workspaceId={shared.H.ProjectId}");
        ErrorAssert.Current(status, body, 400, "BadRequest", "Missing project id or environment");
    }

    [Fact]
    public async Task Include_imports_returns_a_separate_imports_array_without_timestamps()
    {
        var (_, body) = await Get(shared.H.ListUrl("environment=dev&include_imports=true"));
        var imports = body!["imports"]!.AsArray();
        Assert.Equal(2, imports.Count);
        Assert.Equal("staging", imports[0]!["environment"]!.GetValue<string>());
        Assert.Equal("/shared", imports[0]!["secretPath"]!.GetValue<string>());
        Assert.NotNull(imports[0]!["folderId"]);
        var imported = (JsonObject)imports[0]!["secrets"]!.AsArray().Single(s => s!["secretKey"]!.GetValue<string>() == "SHARED")!;
        Assert.Equal("from-staging", imported["secretValue"]!.GetValue<string>());
        Assert.False(imported.ContainsKey("createdAt"));
        Assert.False(imported.ContainsKey("updatedAt"));
        Assert.True(imported.ContainsKey("secretValueHidden"));
        Assert.DoesNotContain(body["secrets"]!.AsArray(), s => s!["secretKey"]!.GetValue<string>() == "SHARED");
    }

    [Fact]
    public async Task TagSlugs_filters_the_list()
    {
        var (_, body) = await Get(shared.H.ListUrl("environment=dev&tagSlugs=db"));
        Assert.Equal("DB_PASSWORD", Assert.Single(body!["secrets"]!.AsArray())!["secretKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task V4_list_uses_projectId()
    {
        var (status, body) = await Get($"/api/v4/secrets?projectId={shared.H.ProjectId}&environment=dev");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("hunter2", Secret(body!, "DB_PASSWORD")["secretValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Workspace_slug_selects_the_project()
    {
        var (status, body) = await Get("/api/v3/secrets/raw?workspaceSlug=demo&environment=dev");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(body!["secrets"]!.AsArray());
    }

    [Fact]
    public async Task Get_by_name_returns_secret_with_get_schema_and_expands_when_asked()
    {
        var (status, body) = await Get(shared.H.GetUrl("CONN", "environment=dev&expandSecretReferences=true"));
        Assert.Equal(HttpStatusCode.OK, status);
        var secret = (JsonObject)body!["secret"]!;
        Assert.Equal("user=app;pw=hunter2;host=db.prod", secret["secretValue"]!.GetValue<string>());
        Assert.True(secret.ContainsKey("secretValueHidden"));
        Assert.True(secret.ContainsKey("tags"));
        Assert.Equal("/", secret["secretPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_missing_secret_and_missing_folder_are_404_with_messages()
    {
        var (s1, b1) = await Get(shared.H.GetUrl("NOPE", "environment=dev"));
        ErrorAssert.Current(s1, b1, 404, "NotFound", "Secret with name 'NOPE' not found");
        var (s2, b2) = await Get(shared.H.GetUrl("X", "environment=dev&secretPath=/nope"));
        ErrorAssert.Current(s2, b2, 404, "NotFound", "Folder with path '/nope' in environment with slug 'dev' not found");
    }

    [Fact]
    public async Task Get_through_imports_lets_the_last_import_win_and_reports_the_source()
    {
        var (_, without) = await Get(shared.H.GetUrl("SHARED", "environment=dev"));
        Assert.Equal(404, without!["statusCode"]!.GetValue<int>());
        var (status, body) = await Get(shared.H.GetUrl("SHARED", "environment=dev&include_imports=true"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("from-prod", body!["secret"]!["secretValue"]!.GetValue<string>());
        Assert.Equal("prod", body["secret"]!["environment"]!.GetValue<string>());
        Assert.Equal("/shared", body["secret"]!["secretPath"]!.GetValue<string>());

        // A local secret wins over any import.
        var (_, local) = await Get(shared.H.GetUrl("DB_USER", "environment=dev&include_imports=true"));
        Assert.Equal("app", local!["secret"]!["secretValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_personal_type_as_identity_is_404()
    {
        var (status, body) = await Get(shared.H.GetUrl("DB_USER", "environment=dev&type=personal"));
        ErrorAssert.Current(status, body, 404, "NotFound");
    }

    [Fact]
    public async Task Get_by_id_has_no_secretValueHidden()
    {
        var (_, list) = await Get(shared.H.ListUrl("environment=dev"));
        var id = Secret(list!, "DB_USER")["id"]!.GetValue<string>();
        var (status, body) = await Get($"/api/v3/secrets/raw/id/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        var secret = (JsonObject)body!["secret"]!;
        Assert.Equal("DB_USER", secret["secretKey"]!.GetValue<string>());
        Assert.False(secret.ContainsKey("secretValueHidden"));
        Assert.True(secret.ContainsKey("secretPath"));
    }

    [Fact]
    public async Task Etag_is_strong_and_if_none_match_gives_304_with_empty_body()
    {
        var url = shared.H.ListUrl("environment=dev");
        var (first, _) = await shared.H.RawAsync(System.Net.Http.HttpMethod.Get, url, token: shared.Token);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag!.IsWeak);
        var (second, text) = await shared.H.RawAsync(System.Net.Http.HttpMethod.Get, url, token: shared.Token, headers: new System.Collections.Generic.Dictionary<string, string> { ["If-None-Match"] = etag.Tag });
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(string.Empty, text);

        // Different flags produce a different body, hence a different ETag.
        var (third, _) = await shared.H.RawAsync(System.Net.Http.HttpMethod.Get, url + "&expandSecretReferences=true", token: shared.Token, headers: new System.Collections.Generic.Dictionary<string, string> { ["If-None-Match"] = etag.Tag });
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.NotEqual(etag.Tag, third.Headers.ETag!.Tag);
    }
}
