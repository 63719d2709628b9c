namespace Infisical.Client.Tests.Core;

/// <summary>Cache hits, misses, keys, invalidation and ETag revalidation, observed through the server's request log.</summary>
public sealed class CacheTests
{
    private const string RawPath = "/api/v3/secrets/raw";
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(60);
    private static readonly ListSecretsOptions Dev = new() { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev" };
    private static readonly GetSecretOptions DbPassword = new() { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD" };

    private static Task<InfisicalClient> CachedClientAsync(LocalServerHarness h) => h.LoginAsync(o => o.CacheTtl = Ttl);

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Repeated_reads_within_the_ttl_are_served_from_memory(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await CachedClientAsync(h);

        var first = await client.Secrets.ListAsync(Dev);
        var second = await client.Secrets.ListAsync(Dev);
        await client.Secrets.GetByNameAsync(DbPassword);
        var again = await client.Secrets.GetByNameAsync(DbPassword);

        Assert.Equal(first.Secrets.Select(s => s.SecretValue), second.Secrets.Select(s => s.SecretValue));
        Assert.Equal("dev-db-pass", again.SecretValue);
        Assert.Equal(1, h.Controls.Count(RawPath, "GET") - h.Controls.Count(RawPath + "/", "GET"));
        Assert.Equal(1, h.Controls.Count(RawPath + "/DB_PASSWORD", "GET"));
    }

    [Fact]
    public async Task Every_query_parameter_is_part_of_the_key()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await CachedClientAsync(h);
        await client.Secrets.UpdateAsync(new UpdateSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD", SecretValue = "v2" });
        h.Controls.ClearRequests();

        await client.Secrets.ListAsync(Dev);
        await client.Secrets.ListAsync(Dev with { ExpandSecretReferences = false });
        await client.Secrets.ListAsync(Dev with { IncludeImports = false });
        await client.Secrets.ListAsync(Dev with { ViewSecretValue = false });
        await client.Secrets.ListAsync(Dev with { Recursive = true });
        await client.Secrets.ListAsync(Dev with { TagSlugs = new[] { "backend" } });
        await client.Secrets.ListAsync(Dev with { EnvironmentSlug = "prod" });
        await client.Secrets.ListAsync(Dev with { SecretPath = "/app" });
        await client.Secrets.ListAsync(Dev with { ProjectId = null, ProjectSlug = TestSeed.ProjectSlug });
        var latest = await client.Secrets.GetByNameAsync(DbPassword);
        var v1 = await client.Secrets.GetByNameAsync(DbPassword with { Version = 1 });
        var latestAgain = await client.Secrets.GetByNameAsync(DbPassword);

        Assert.Equal(9, h.Controls.Settled().Count(r => r.Path == RawPath));
        Assert.Equal(2, h.Controls.Count(RawPath + "/DB_PASSWORD"));
        Assert.Equal("v2", latest.SecretValue);
        Assert.Equal("dev-db-pass", v1.SecretValue);
        Assert.Equal("v2", latestAgain.SecretValue);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task After_the_ttl_an_unchanged_entry_is_revalidated_with_a_304(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await CachedClientAsync(h);
        await client.Secrets.ListAsync(Dev);

        h.AdvanceClock(Ttl + TimeSpan.FromSeconds(1));
        var revalidated = await client.Secrets.ListAsync(Dev);
        await client.Secrets.ListAsync(Dev); // fresh again: no request

        Assert.Equal(new[] { 200, 304 }, h.Controls.Settled().Where(r => r.Path == RawPath).Select(r => r.Status));
        Assert.Equal("dev-db-pass", revalidated.Secrets.Single(s => s.SecretKey == "DB_PASSWORD").SecretValue);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task After_the_ttl_a_changed_secret_is_fetched_again(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await CachedClientAsync(h);
        using var writer = await h.LoginAsync();
        await client.Secrets.GetByNameAsync(DbPassword);

        await writer.Secrets.UpdateAsync(new UpdateSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD", SecretValue = "changed-elsewhere" });
        var stillCached = await client.Secrets.GetByNameAsync(DbPassword);
        h.AdvanceClock(Ttl + TimeSpan.FromSeconds(1));
        var refreshed = await client.Secrets.GetByNameAsync(DbPassword);

        Assert.Equal("dev-db-pass", stillCached.SecretValue); // another client's write is seen only after the TTL
        Assert.Equal("changed-elsewhere", refreshed.SecretValue);
        Assert.Equal(new[] { 200, 200 }, h.Controls.Matching(RawPath + "/DB_PASSWORD", "GET").Select(r => r.Status));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Writes_through_the_client_invalidate_cached_reads(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await CachedClientAsync(h);
        await client.Secrets.ListAsync(Dev);
        await client.Secrets.GetByNameAsync(DbPassword);

        await client.Secrets.CreateAsync(new CreateSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "FRESH", SecretValue = "f" });
        var list = await client.Secrets.ListAsync(Dev);
        await client.Secrets.UpdateAsync(new UpdateSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD", SecretValue = "rotated" });
        var updated = await client.Secrets.GetByNameAsync(DbPassword);

        Assert.Contains(list.Secrets, s => s.SecretKey == "FRESH");
        Assert.Equal("rotated", updated.SecretValue);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_rename_invalidates_both_the_old_and_the_new_name(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await CachedClientAsync(h);
        var api = DbPassword with { SecretName = "API_URL", IncludeImports = false };
        await client.Secrets.GetByNameAsync(api);
        await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.GetByNameAsync(api with { SecretName = "API_BASE" }));

        var rename = new UpdateSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "API_URL", NewSecretName = "API_BASE", SecretValue = "https://v2.example",
        };

        if (mode == CompatibilityLevel.Current)
        {
            await client.Secrets.UpdateAsync(rename);
            await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.GetByNameAsync(api));
            Assert.Equal("https://v2.example", (await client.Secrets.GetByNameAsync(api with { SecretName = "API_BASE" })).SecretValue);
        }
        else
        {
            // No renames on a 2024 server: the value changed under the old name, and the cache must not hide that.
            await Assert.ThrowsAsync<InfisicalUnsupportedFeatureException>(() => client.Secrets.UpdateAsync(rename));
            Assert.Equal("https://v2.example", (await client.Secrets.GetByNameAsync(api)).SecretValue);
            await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.GetByNameAsync(api with { SecretName = "API_BASE" }));
        }
    }

    [Fact]
    public async Task Another_identity_on_the_same_client_does_not_see_cached_entries()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await CachedClientAsync(h);
        await client.Secrets.ListAsync(Dev);

        await client.Auth.UniversalAuth.LoginAsync(TestSeed.ShortClientId, TestSeed.ShortClientSecret);
        await client.Secrets.ListAsync(Dev);
        await client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret);
        await client.Secrets.ListAsync(Dev); // the first identity's entry is still there

        Assert.Equal(2, h.Controls.Settled().Count(r => r.Path == RawPath));
    }

    [Fact]
    public async Task Renewal_keeps_the_cache_because_the_identity_is_unchanged()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await h.LoginAsync(o => o.CacheTtl = TimeSpan.FromMinutes(5), TestSeed.ShortClientId, TestSeed.ShortClientSecret);
        await client.Secrets.ListAsync(Dev);
        var before = client.Auth.AccessToken;

        h.AdvanceClock(TimeSpan.FromSeconds(50));
        await client.Secrets.ListAsync(Dev);

        Assert.NotEqual(before, client.Auth.AccessToken);
        Assert.Equal(1, h.Controls.Settled().Count(r => r.Path == RawPath));
    }

    [Fact]
    public async Task A_null_ttl_disables_the_cache()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await h.LoginAsync(o => o.CacheTtl = null);

        await client.Secrets.ListAsync(Dev);
        await client.Secrets.ListAsync(Dev);

        Assert.Equal(2, h.Controls.Settled().Count(r => r.Path == RawPath));
    }

    [Fact]
    public async Task Errors_are_not_cached()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await CachedClientAsync(h);
        var missing = DbPassword with { SecretName = "LATER" };
        await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.GetByNameAsync(missing));

        using var writer = await h.LoginAsync();
        await writer.Secrets.CreateAsync(new CreateSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "LATER", SecretValue = "now" });

        Assert.Equal("now", (await client.Secrets.GetByNameAsync(missing)).SecretValue);
    }
}
