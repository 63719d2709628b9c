using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client;
using Infisical.Client.Secrets;
using Infisical.LocalServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace Infisical.Extensions.Configuration.Tests;

/// <summary>AddInfisical against the local server over HTTP.</summary>
public sealed class LiveSourceTests : IAsyncLifetime
{
    private const string ProjectId = "5a1c2e3f-4b5d-4c6e-8f70-9a1b2c3d4e5f";
    private const string ClientId = "live-client";
    private const string ClientSecret = "live-client-secret-value";

    private const string Seed = """
        { "identities": [ { "clientId": "live-client", "clientSecret": "live-client-secret-value" } ],
          "projects": [ { "id": "5a1c2e3f-4b5d-4c6e-8f70-9a1b2c3d4e5f", "slug": "live", "environments": ["dev", "prod"],
            "secrets": [
              { "environment": "dev", "path": "/", "key": "ConnectionStrings__Db", "value": "Host=db;Password=live-pw" },
              { "environment": "dev", "path": "/", "key": "API_KEY", "value": "live-api-key" },
              { "environment": "dev", "path": "/nested", "key": "DEEP", "value": "deep-value" },
              { "environment": "prod", "path": "/", "key": "API_KEY", "value": "prod-api-key" }
            ] } ] }
        """;

    private LocalInfisicalServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(Seed) });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private void Configure(InfisicalOptions o)
    {
        o.Host = _server.BaseUrl;
        o.ProjectId = ProjectId;
        o.Environment = "dev";
        o.Auth = InfisicalAuth.UniversalAuth(ClientId, ClientSecret);
        o.ConfigureClient = c => c.MaxRetries = 0;
    }

    [Fact]
    public void Fetches_values_and_maps_double_underscores_to_sections()
    {
        var config = new ConfigurationBuilder().AddInfisical(Configure).Build();
        Assert.Equal("Host=db;Password=live-pw", config.GetConnectionString("Db"));
        Assert.Equal("live-api-key", config["API_KEY"]);
        Assert.Null(config["DEEP"]);
    }

    [Fact]
    public void Project_slug_environment_and_recursive_are_honoured()
    {
        var prod = new ConfigurationBuilder().AddInfisical(o => { Configure(o); o.ProjectId = null; o.ProjectSlug = "live"; o.Environment = "prod"; }).Build();
        Assert.Equal("prod-api-key", prod["API_KEY"]);
        var recursive = new ConfigurationBuilder().AddInfisical(o => { Configure(o); o.Recursive = true; }).Build();
        Assert.Equal("deep-value", recursive["DEEP"]);
    }

    [Fact]
    public void Credentials_come_from_the_build_variables_by_default()
    {
        var env = new Dictionary<string, string?>
        {
            ["INFISICAL_UNIVERSAL_AUTH_CLIENT_ID"] = ClientId,
            ["INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"] = ClientSecret,
            ["INFISICAL_API_URL"] = _server.BaseUrl,
        };
        var config = new ConfigurationBuilder().AddInfisical(o =>
        {
            o.ProjectId = ProjectId;
            o.Environment = "dev";
            o.GetEnvironmentVariable = n => env.TryGetValue(n, out var v) ? v : null;
        }).Build();
        Assert.Equal("live-api-key", config["API_KEY"]);
    }

    [Fact]
    public void Missing_credentials_throw_a_typed_error_naming_the_variables()
    {
        var e = Assert.Throws<InfisicalConfigurationException>(() => new ConfigurationBuilder().AddInfisical(o =>
        {
            o.Host = _server.BaseUrl;
            o.ProjectId = ProjectId;
            o.Environment = "dev";
            o.GetEnvironmentVariable = _ => null;
        }).Build());
        Assert.Contains("INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", e.Message);
    }

    [Fact]
    public void A_rejected_login_throws_a_typed_error_without_the_secret()
    {
        const string wrong = "wrong-secret-do-not-print";
        var e = Assert.Throws<InfisicalConfigurationException>(() => new ConfigurationBuilder().AddInfisical(o =>
        {
            Configure(o);
            o.Auth = InfisicalAuth.UniversalAuth(ClientId, wrong);
        }).Build());
        Assert.Contains(ProjectId, e.Message);
        Assert.DoesNotContain(wrong, e.ToString());
        Assert.IsAssignableFrom<InfisicalException>(e.InnerException);
    }

    [Fact]
    public async Task Periodic_reload_picks_up_a_changed_secret_and_raises_the_reload_token()
    {
        var root = (IConfigurationRoot)new ConfigurationBuilder()
            .AddInfisical(o => { Configure(o); o.ReloadInterval = TimeSpan.FromMilliseconds(200); })
            .Build();
        try
        {
            Assert.Equal("live-api-key", root["API_KEY"]);
            var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = ChangeToken.OnChange(root.GetReloadToken, () => { if (root["API_KEY"] == "rotated") reloaded.TrySetResult(); });

            using var writer = new InfisicalClient(new InfisicalClientOptions { Host = _server.BaseUrl, MaxRetries = 0 });
            await writer.Auth.UniversalAuth.LoginAsync(ClientId, ClientSecret);
            var update = await writer.Secrets.UpdateAsync(new UpdateSecretOptions { ProjectId = ProjectId, EnvironmentSlug = "dev", SecretName = "API_KEY", SecretValue = "rotated" });
            Assert.False(update.RequiresApproval);

            await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("rotated", root["API_KEY"]);
        }
        finally
        {
            (root as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public async Task Dispose_stops_the_reload_timer()
    {
        var root = (IConfigurationRoot)new ConfigurationBuilder()
            .AddInfisical(o => { Configure(o); o.ReloadInterval = TimeSpan.FromMilliseconds(100); })
            .Build();
        var provider = Assert.IsType<InfisicalConfigurationProvider>(Assert.Single(root.Providers));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (provider.SuccessfulFetches < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(provider.SuccessfulFetches >= 2, "the timer never fetched");
        ((IDisposable)root).Dispose();
        await Task.Delay(50); // lets a fetch that was already in flight finish
        var after = provider.SuccessfulFetches;
        _server.Controls.ClearRequests();
        await Task.Delay(500);
        Assert.Equal(after, provider.SuccessfulFetches);
        Assert.Empty(_server.Controls.Requests);
    }
}
