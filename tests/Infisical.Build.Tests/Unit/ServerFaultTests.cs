using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Infisical.Client.Tests.Auth.Fakes;
using Infisical.LocalServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Infisical.Build.Tests.Unit;

/// <summary>
/// Answers a real server would not give, from a loopback stand-in: each is one coded error naming the cause, and
/// the files of the last good build stay exactly as they were.
/// </summary>
public sealed class ServerFaultTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "infisical-faults-" + Guid.NewGuid().ToString("N"));
    private LocalInfisicalServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(Seeds.Document(Seeds.AwkwardDev)) });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"secrets\": null}")]
    [InlineData("{\"secrets\": [{\"secretKey\": \"A\", \"secretValue\": null}]}")]
    [InlineData("{\"secrets\": [")]
    public async Task A_list_answer_without_its_shape_is_INFB019_and_keeps_the_previous_files(string body)
    {
        var good = Pipeline(_server.BaseUrl);
        Assert.True(good.Execute(), good.Engine.AllText);
        var before = File.ReadAllText(good.JsonOutputPath!);

        await using var stub = await FakeMetadataServer.StartAsync(app =>
        {
            app.MapPost("/api/v1/auth/universal-auth/login", () => Results.Json(new { accessToken = "stub-token-value-Lr4", expiresIn = 3600, accessTokenMaxTTL = 3600, tokenType = "Bearer" }));
            app.MapGet("/api/v3/secrets/raw", () => Results.Text(body, "application/json"));
        });
        var faulty = Pipeline(stub.BaseUri.ToString().TrimEnd('/'));

        Assert.False(faulty.Execute());
        var error = Assert.Single(faulty.Engine.Errors);
        Assert.True(error.Code == "INFB019", error.Code + ": " + error.Message);
        Assert.Equal(before, File.ReadAllText(good.JsonOutputPath!));
        Assert.DoesNotContain("stub-token-value-Lr4", faulty.Engine.AllText);
    }

    [Fact]
    public void A_host_with_a_wrong_path_is_INFB005_not_rejected_credentials()
    {
        var wrong = Pipeline(_server.BaseUrl + "/foo");
        Assert.False(wrong.Execute());
        var error = Assert.Single(wrong.Engine.Errors);
        Assert.True(error.Code == "INFB005", error.Code + ": " + error.Message);
        Assert.Contains("does not look like an Infisical API", error.Message);
    }

    [Fact]
    public async Task A_login_redirected_to_another_origin_is_INFB048_and_the_secret_goes_nowhere()
    {
        var elsewhere = new List<string>();
        await using var other = await FakeMetadataServer.StartAsync(app => app.MapPost("/{**path}", (HttpContext http) => { elsewhere.Add(http.Request.Path); return Results.Ok(); }));
        await using var redirecting = await FakeMetadataServer.StartAsync(app =>
            app.MapPost("/api/v1/auth/universal-auth/login", () => Results.Redirect(new Uri(other.BaseUri, "/api/v1/auth/universal-auth/login").ToString(), permanent: false, preserveMethod: true)));

        var pipeline = Pipeline(redirecting.BaseUri.ToString().TrimEnd('/'));

        Assert.False(pipeline.Execute());
        var error = Assert.Single(pipeline.Engine.Errors);
        Assert.True(error.Code == "INFB048", error.Code + ": " + error.Message);
        Assert.Contains(other.BaseUri.Authority, error.Message);
        Assert.Empty(elsewhere);
    }

    private TaskPipeline Pipeline(string host)
    {
        var env = Seeds.UniversalAuth();
        return new TaskPipeline(new RecordingBuildEngine(), _dir, name => env.GetValueOrDefault(name))
        {
            Host = host,
            ProjectId = Seeds.ProjectId,
            Refresh = "true",

            // One token cache per host, as in the product (the file name hashes host and identity).
            TokenCacheDirectory = Path.Combine(_dir, "tokens"),
        };
    }
}
