namespace Infisical.Client.Tests.Transport;

/// <summary>
/// A 200 answer without what the route must return is refused with <see cref="InfisicalResponseException"/>: taken
/// as "no secrets" it would replace good data with nothing.
/// </summary>
public sealed class ResponseShapeTests
{
    private static readonly ListSecretsOptions Dev = new() { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev" };

    [Theory]
    [InlineData("{}", "secrets")]
    [InlineData("""{"secrets": null}""", "secrets")]
    [InlineData("""{"imports": []}""", "secrets")]
    [InlineData("""{"secrets": [ {"secretKey":"A","secretValue":null} ]}""", "secrets[0] ('A')")]
    [InlineData("""{"secrets": [ {"secretKey":"A","secretValue":"ok-value"}, {"secretKey":"B"} ]}""", "secrets[1] ('B')")]
    [InlineData("""{"secrets": [ {"secretKey":"A","secretValue":42} ]}""", "secrets[0] ('A')")]
    [InlineData("""{"secrets": [ null ]}""", "secrets[0]")]
    [InlineData("""{"secrets": [], "imports": [ {"secretPath":"/","environment":"shared"} ]}""", "imports[0].secrets")]
    [InlineData("""{"secrets": [], "imports": [ {"secretPath":"/","secrets":null} ]}""", "imports[0].secrets")]
    [InlineData("""{"secrets": [], "imports": [ {"secrets":[ {"secretKey":"I","secretValue":null} ]} ]}""", "imports[0].secrets[0] ('I')")]
    public async Task A_list_answer_without_its_shape_is_a_typed_error_naming_what_is_missing(string body, string names)
    {
        await using var server = LoopbackHttpServer.Start(LoopbackReply.Json(200, body));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, Token = "t", MaxRetries = 0, CacheTtl = null });

        var error = await Assert.ThrowsAsync<InfisicalResponseException>(() => client.Secrets.ListAsync(Dev));

        Assert.Contains(names, error.Message);
        Assert.DoesNotContain("ok-value", error.Message);
    }

    [Fact]
    public async Task An_empty_list_is_still_an_empty_list()
    {
        await using var server = LoopbackHttpServer.Start(LoopbackReply.Json(200, """{"secrets": [], "imports": []}"""));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, Token = "t", MaxRetries = 0, CacheTtl = null });

        var list = await client.Secrets.ListAsync(Dev);

        Assert.Empty(list.Secrets);
    }

    [Fact]
    public async Task A_refused_list_is_not_cached()
    {
        await using var server = LoopbackHttpServer.Start((_, n) => n == 0
            ? LoopbackReply.Json(200, "{}")
            : LoopbackReply.Json(200, """{"secrets": [ {"secretKey":"A","secretValue":"a"} ]}"""));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, Token = "t", MaxRetries = 0 });

        await Assert.ThrowsAsync<InfisicalResponseException>(() => client.Secrets.ListAsync(Dev));
        var list = await client.Secrets.ListAsync(Dev);

        Assert.Equal("a", Assert.Single(list.Secrets).SecretValue);
    }

    [Theory]
    [InlineData("{}", "secret")]
    [InlineData("""{"secret": null}""", "secret")]
    [InlineData("""{"secret": {"secretKey":"DB_PASSWORD"}}""", "secretValue")]
    [InlineData("""{"secret": {"secretKey":"DB_PASSWORD","secretValue":null}}""", "secretValue")]
    public async Task A_get_answer_without_a_secret_and_its_value_is_a_typed_error(string body, string names)
    {
        await using var server = LoopbackHttpServer.Start(LoopbackReply.Json(200, body));
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = server.BaseUrl, Token = "t", MaxRetries = 0, CacheTtl = null });

        var error = await Assert.ThrowsAsync<InfisicalResponseException>(() => client.Secrets.GetByNameAsync(
            new GetSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD" }));

        Assert.Contains(names, error.Message);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Real_list_and_get_answers_pass_the_checks(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var list = await client.Secrets.ListAsync(Dev with { IncludeImports = true });
        var one = await client.Secrets.GetByNameAsync(new GetSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD" });

        Assert.Contains(list.Secrets, s => s.SecretKey == "MORE_ONLY");
        Assert.Equal("dev-db-pass", one.SecretValue);
    }
}
