namespace Infisical.Client.Tests.Core;

public sealed class SecretReadTests
{
    private static ListSecretsOptions Dev(string path = "/") =>
        new() { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretPath = path };

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task List_sends_every_flag_explicitly_in_lowercase(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        await client.Secrets.ListAsync(Dev() with { Recursive = true, ViewSecretValue = true, IncludeImports = false, TagSlugs = new[] { "backend", "frontend" } });

        var query = h.Controls.Matching("/api/v3/secrets/raw", "GET").Single().Query;
        Assert.Contains("workspaceId=" + TestSeed.ProjectId, query);
        Assert.Contains("environment=dev", query);
        Assert.Contains("secretPath=%2F", query);
        Assert.Contains("viewSecretValue=true", query);
        Assert.Contains("expandSecretReferences=true", query);
        Assert.Contains("recursive=true", query);
        Assert.Contains("include_imports=false", query);
        Assert.Contains("tagSlugs=backend%2Cfrontend", query);
        Assert.DoesNotContain("True", query);
        Assert.DoesNotContain("workspaceSlug", query);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task List_returns_values_with_references_expanded(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var list = await client.Secrets.ListAsync(Dev() with { IncludeImports = false });

        var byKey = list.Secrets.ToDictionary(s => s.SecretKey);
        Assert.Equal("dev-db-pass", byKey["DB_PASSWORD"].SecretValue);
        Assert.Equal("postgres://u:dev-db-pass@db", byKey["DB_URL"].SecretValue);
        Assert.Equal("dev", byKey["DB_PASSWORD"].Environment);
        Assert.Equal(TestSeed.ProjectId, byKey["DB_PASSWORD"].Workspace);
        Assert.Equal("/", byKey["DB_PASSWORD"].SecretPath);
        Assert.True(byKey["DB_PASSWORD"].Version >= 1);
        Assert.Empty(list.Imports);
        Assert.DoesNotContain("dev-db-pass", byKey["DB_PASSWORD"].ToString());
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Project_slug_is_sent_only_when_no_id_is_given(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var bySlug = await client.Secrets.ListAsync(new ListSecretsOptions { ProjectSlug = TestSeed.ProjectSlug, EnvironmentSlug = "dev" });
        await client.Secrets.ListAsync(Dev() with { ProjectSlug = "ignored-slug" });

        Assert.Contains(bySlug.Secrets, s => s.SecretKey == "DB_PASSWORD");
        var queries = h.Controls.Matching("/api/v3/secrets/raw", "GET").Select(r => r.Query).ToList();
        Assert.Contains("workspaceSlug=demo", queries[0]);
        Assert.DoesNotContain("workspaceId", queries[0]);
        Assert.Contains("workspaceId=", queries[1]);
        Assert.DoesNotContain("ignored-slug", queries[1]);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Imports_are_merged_local_first_then_last_import_wins(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var list = await client.Secrets.ListAsync(Dev());

        Assert.Equal(2, list.Imports.Count);
        Assert.Equal(list.Secrets.Count, list.Secrets.Select(s => s.SecretKey).Distinct().Count());
        var byKey = list.Secrets.ToDictionary(s => s.SecretKey);
        Assert.Equal("https://dev.example", byKey["API_URL"].SecretValue);       // local beats import
        Assert.Equal("from-shared-more", byKey["OVERLAP"].SecretValue);          // last import beats first
        Assert.Equal("/more", byKey["OVERLAP"].SecretPath);
        Assert.Equal("shared", byKey["OVERLAP"].Environment);
        Assert.Equal("from-shared-root", byKey["SHARED_ONE"].SecretValue);
        Assert.Equal("from-shared-more", byKey["MORE_ONLY"].SecretValue);

        // Get-by-name agrees with the list's precedence.
        var overlap = await client.Secrets.GetByNameAsync(new GetSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "OVERLAP" });
        Assert.Equal(byKey["OVERLAP"].SecretValue, overlap.SecretValue);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Recursive_list_reports_each_secrets_folder(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var list = await client.Secrets.ListAsync(Dev() with { Recursive = true, IncludeImports = false });

        Assert.Equal("/app/db", list.Secrets.Single(s => s.SecretKey == "DB_HOST").SecretPath);
        Assert.Equal("/app", list.Secrets.Single(s => s.SecretKey == "APP_KEY").SecretPath);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Missing_folder_lists_empty(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var list = await client.Secrets.ListAsync(Dev("/does/not/exist"));

        Assert.Empty(list.Secrets);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Get_by_name_percent_encodes_odd_names(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var secret = await client.Secrets.GetByNameAsync(new GetSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = TestSeed.OddName,
        });

        Assert.Equal(TestSeed.OddName, secret.SecretKey);
        Assert.Equal("odd-value", secret.SecretValue);
        var logged = h.Controls.Matching("/api/v3/secrets/raw/", "GET").Single();
        Assert.Equal("/api/v3/secrets/raw/odd name%#?+&é", Uri.UnescapeDataString(logged.Path));
        Assert.Contains("type=shared", logged.Query);
        Assert.Contains("include_imports=true", logged.Query);
        Assert.Contains("expandSecretReferences=true", logged.Query);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Missing_secret_is_an_api_error_naming_it(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync(o => o.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.GetByNameAsync(new GetSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "NOPE",
        }));

        Assert.Equal(mode == CompatibilityLevel.Current ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(error.IsTokenError);
        if (mode == CompatibilityLevel.Current)
        {
            Assert.StartsWith("req-", error.ReqId);
            Assert.Equal("NotFound", error.Error);
            Assert.Contains("NOPE", error.Messages.Single());
        }
        else
        {
            Assert.Null(error.ReqId);
        }

        // A 4xx is never retried.
        Assert.Equal(1, h.Controls.Count("/api/v3/secrets/raw/NOPE"));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Personal_type_is_sent_in_lowercase_and_a_machine_identity_has_none(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.GetByNameAsync(new GetSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD", Type = SecretType.Personal, IncludeImports = false,
        }));

        // No personal secret of that name: 404 on current servers, 400 on the 2024 server (docs/infisical-api-notes.md,
        // "Older self-hosted servers").
        Assert.Equal(mode == CompatibilityLevel.Current ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("type=personal", h.Controls.Matching("/api/v3/secrets/raw/DB_PASSWORD").Single().Query);
    }

    [Fact]
    public async Task Hidden_values_are_masked_by_the_server()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await h.LoginAsync();

        var list = await client.Secrets.ListAsync(Dev() with { ViewSecretValue = false, IncludeImports = false });

        var secret = list.Secrets.Single(s => s.SecretKey == "DB_PASSWORD");
        Assert.Equal("<hidden-by-infisical>", secret.SecretValue);
        Assert.True(secret.SecretValueHidden);
        Assert.Contains("viewSecretValue=false", h.Controls.Matching("/api/v3/secrets/raw").Single().Query);
    }

    [Fact]
    public async Task Missing_project_and_environment_are_rejected_before_any_request()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await h.LoginAsync();
        h.Controls.ClearRequests();

        var noProject = await Assert.ThrowsAsync<ArgumentException>(() => client.Secrets.ListAsync(new ListSecretsOptions { EnvironmentSlug = "dev" }));
        var noEnv = await Assert.ThrowsAsync<ArgumentException>(() => client.Secrets.ListAsync(new ListSecretsOptions { ProjectId = TestSeed.ProjectId }));
        var noName = await Assert.ThrowsAsync<ArgumentException>(() => client.Secrets.GetByNameAsync(new GetSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev" }));

        Assert.Contains("ProjectId or ProjectSlug", noProject.Message);
        Assert.Contains("EnvironmentSlug", noEnv.Message);
        Assert.Contains("SecretName", noName.Message);
        Assert.Empty(h.Controls.Settled());
    }
}
