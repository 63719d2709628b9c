using Microsoft.Extensions.DependencyInjection;

namespace Infisical.Client.Tests.Core;

public sealed class OptionsAndHostTests
{
    [Theory]
    [InlineData(null, "https://app.infisical.com")]
    [InlineData("https://eu.infisical.com/", "https://eu.infisical.com")]
    [InlineData("https://eu.infisical.com/api", "https://eu.infisical.com")]
    [InlineData("https://eu.infisical.com/api/", "https://eu.infisical.com")]
    [InlineData("my.instance.example", "https://my.instance.example")]
    [InlineData("http://127.0.0.1:8080/infisical/api", "http://127.0.0.1:8080/infisical")]
    [InlineData("https://host/api/api", "https://host/api")]
    public void Host_is_normalised(string? input, string expected)
    {
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = input! });
        Assert.Equal(expected, client.Host);
    }

    [Theory]
    [InlineData("ftp://host")]
    [InlineData("https://host?x=1")]
    [InlineData("http://")]
    public void Bad_hosts_are_rejected_naming_the_option(string host)
    {
        var error = Assert.Throws<ArgumentException>(() => new InfisicalClient(new InfisicalClientOptions { Host = host }));
        Assert.Contains("InfisicalClientOptions.Host", error.Message);
    }

    [Fact]
    public void Impossible_options_are_rejected_naming_the_option()
    {
        Assert.Contains("MaxRetries", Assert.Throws<ArgumentException>(() => new InfisicalClient(new InfisicalClientOptions { MaxRetries = -1 })).Message);
        Assert.Contains("Timeout", Assert.Throws<ArgumentException>(() => new InfisicalClient(new InfisicalClientOptions { Timeout = TimeSpan.Zero })).Message);
        Assert.Contains("CacheTtl", Assert.Throws<ArgumentException>(() => new InfisicalClient(new InfisicalClientOptions { CacheTtl = TimeSpan.FromSeconds(-1) })).Message);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_cli_style_host_with_api_suffix_reaches_the_server(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync(o => o.Host = h.BaseUrl + "/api/");

        var list = await client.Secrets.ListAsync(new ListSecretsOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev" });

        Assert.NotEmpty(list.Secrets);
        Assert.DoesNotContain(h.Controls.Settled(), r => r.Path.StartsWith("/api/api", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_caller_supplied_HttpClient_is_used_and_not_disposed()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var http = new System.Net.Http.HttpClient();
        using (var client = await h.LoginAsync(o => o.HttpClient = http))
        {
            await client.Secrets.ListAsync(new ListSecretsOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev" });
        }

        var status = await http.GetAsync(h.BaseUrl + "/api/status");
        Assert.True(status.IsSuccessStatusCode);
    }

    [Fact]
    public async Task AddInfisicalClient_registers_a_client_using_IHttpClientFactory()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var services = new ServiceCollection();
        var handlerCalls = 0;
        services.AddInfisicalClient(o => { o.Host = h.BaseUrl; o.CacheTtl = null; })
            .AddHttpMessageHandler(() => new CountingHandler(() => handlerCalls++));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<InfisicalClient>();
        Assert.Same(client, provider.GetRequiredService<InfisicalClient>());
        await client.Auth.UniversalAuth.LoginAsync(TestSeed.ClientId, TestSeed.ClientSecret);
        var list = await client.Secrets.ListAsync(new ListSecretsOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev" });

        Assert.NotEmpty(list.Secrets);
        Assert.Equal(2, handlerCalls); // login and list went through the factory's pipeline
        Assert.Equal(2, h.Controls.Settled().Count);
    }

    private sealed class CountingHandler : System.Net.Http.DelegatingHandler
    {
        private readonly Action _onSend;

        public CountingHandler(Action onSend) => _onSend = onSend;

        protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            _onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
