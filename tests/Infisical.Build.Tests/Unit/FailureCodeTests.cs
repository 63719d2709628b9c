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
/// The failure codes a healthy test server never produces on its own (server errors, timeouts, hidden values,
/// unwritable outputs, bugs): each is provoked on purpose and must be one coded error that says what to do,
/// with no credential, secret value or stack trace in the log.
/// </summary>
public sealed class FailureCodeTests : IAsyncLifetime, IDisposable
{
    private const string SecretsRoute = "/api/v3/secrets/raw";
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "infisical-codes-" + Guid.NewGuid().ToString("N"))).FullName;
    private LocalInfisicalServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(Seeds.Document(Seeds.AwkwardDev)) });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_server_error_beyond_the_retries_is_INFB013_telling_to_try_later()
    {
        // More failures than the build's retries, so every attempt meets one.
        _server.Controls.InjectFault(new FaultRule { PathContains = SecretsRoute, StatusCode = 503, Count = 10 });
        var pipeline = Pipeline(_server.BaseUrl);

        Assert.False(pipeline.Execute());

        var error = OnlyError(pipeline, "INFB013");
        Assert.Contains("503", error.Message);
        Assert.Contains("Try again later", error.Message);
    }

    [Fact]
    public void No_answer_within_the_timeout_is_INFB015_naming_the_setting_to_raise()
    {
        // StatusCode 0: the real answer would come, but only long after the one-second timeout.
        _server.Controls.InjectFault(new FaultRule { PathContains = SecretsRoute, StatusCode = 0, DelayMilliseconds = 30_000 });
        var pipeline = Pipeline(_server.BaseUrl);
        pipeline.TimeoutSeconds = "1";

        Assert.False(pipeline.Execute());

        var error = OnlyError(pipeline, "INFB015");
        Assert.Contains("within 1 s", error.Message);
        Assert.Contains("InfisicalTimeoutSeconds", error.Message);
    }

    [Fact]
    public void A_cancelled_build_is_INFB015_saying_so()
    {
        var pipeline = Pipeline(_server.BaseUrl);
        pipeline.BeforeSnapshot = task => task.Cancel();

        Assert.False(pipeline.Execute());

        var error = OnlyError(pipeline, "INFB015");
        Assert.Contains("cancelled", error.Message);
    }

    [Fact]
    public async Task A_value_the_server_hides_is_INFB016_naming_the_secret_and_the_permission()
    {
        await using var stub = await FakeMetadataServer.StartAsync(app =>
        {
            app.MapPost("/api/v1/auth/universal-auth/login", () => Results.Json(new { accessToken = "stub-token-value-Hm5", expiresIn = 3600, accessTokenMaxTTL = 3600, tokenType = "Bearer" }));

            // What a server answers an identity that may list secrets but not read their values.
            app.MapGet(SecretsRoute, () => Results.Json(new
            {
                secrets = new object[]
                {
                    new { secretKey = "HIDDEN_KEY", secretValue = "<hidden-by-infisical>", secretValueHidden = true },
                    new { secretKey = "VISIBLE", secretValue = "visible-value-Hq2", secretValueHidden = false },
                },
                imports = Array.Empty<object>(),
            }));
        });
        var pipeline = Pipeline(stub.BaseUri.ToString().TrimEnd('/'));

        Assert.False(pipeline.Execute());

        var error = OnlyError(pipeline, "INFB016");
        Assert.Contains("'HIDDEN_KEY'", error.Message);
        Assert.Contains("read access to secret values", error.Message);
        Assert.DoesNotContain("visible-value-Hq2", pipeline.Engine.AllText);
        Assert.DoesNotContain("stub-token-value-Hm5", pipeline.Engine.AllText);
        Assert.False(File.Exists(pipeline.JsonOutputPath));
    }

    [Fact]
    public void An_output_that_cannot_be_written_is_INFB030_naming_the_file()
    {
        // A folder where the file should be: moving the written file into place fails even for root.
        var pipeline = Pipeline(_server.BaseUrl);
        pipeline.JsonOutputPath = Directory.CreateDirectory(Path.Combine(_dir, "appsettings.Infisical.json")).FullName;

        Assert.False(pipeline.Execute());

        var error = OnlyError(pipeline, "INFB030");
        Assert.Contains(pipeline.JsonOutputPath, error.Message);
        Assert.Contains("writable", error.Message);
    }

    [Fact]
    public void An_unexpected_exception_is_INFB099_with_its_type_and_no_stack_trace()
    {
        // The environment seam fails the way a bug would: with an exception no code path expects.
        var env = Seeds.UniversalAuth();
        var pipeline = Pipeline(_server.BaseUrl);
        pipeline.Environment = name => name == "CI" ? throw new InvalidOperationException("seam failure Xr4") : env.GetValueOrDefault(name);

        Assert.False(pipeline.Execute());

        var error = OnlyError(pipeline, "INFB099");
        Assert.Contains("InvalidOperationException: seam failure Xr4", error.Message);
        Assert.Contains("report it", error.Message);
        Assert.DoesNotContain("\n", error.Message);
        Assert.DoesNotContain(" at ", error.Message);
        Assert.DoesNotContain(".cs:line", error.Message);
        Assert.Empty(_server.Controls.Requests);
    }

    private static Microsoft.Build.Framework.BuildErrorEventArgs OnlyError(TaskPipeline pipeline, string code)
    {
        var error = Assert.Single(pipeline.Engine.Errors);
        Assert.True(error.Code == code, error.Code + ": " + error.Message);
        LeakAssert.NoSeededSecretIn(pipeline.Engine.AllText);
        return error;
    }

    private TaskPipeline Pipeline(string host) => TaskPipeline.SeededProjectAt(_dir, host);
}
