using System.Collections.Generic;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using Infisical.Client.Json;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Tests.Core;

public sealed class ErrorHandlingTests
{
    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Server_validation_of_a_capitalised_boolean_is_flattened_into_messages(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();
        // What the reference .NET SDK's bool.ToString() would send; our own requests never do this.
        var query = new List<KeyValuePair<string, string>>
        {
            new("workspaceId", TestSeed.ProjectId), new("environment", "dev"), new("recursive", "True"),
        };

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Connection.Requests.SendAsync(
            new InfisicalRequest(HttpMethod.Get, "/api/v3/secrets/raw", RequestOptions.Read).WithQuery(query), ClientJsonContext.Default.ListSecretsWire, default));

        Assert.Equal(mode == CompatibilityLevel.Current ? (HttpStatusCode)422 : HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("ValidationFailure", error.Error);
        Assert.Contains(error.Messages, m => m.StartsWith("recursive: ", StringComparison.Ordinal));
        Assert.False(error.IsTokenError);
        Assert.Equal(1, h.Controls.Count("/api/v3/secrets/raw"));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_garbage_token_is_reported_as_a_token_error(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = h.CreateClient(o => o.Token = "not-a-jwt");

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(
            new ListSecretsOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev" }));

        Assert.True(error.IsTokenError, $"{(int)error.StatusCode} {error.Error}: {string.Join("; ", error.Messages)}");
        Assert.DoesNotContain("not-a-jwt", error.Message);
        Assert.Equal(1, h.Controls.Count("/api/v3/secrets/raw")); // a 2024 "jwt malformed" 500 is not retried
    }

    [Fact]
    public async Task A_non_json_error_body_is_described_not_echoed()
    {
        await using var proxy = await RawHttpServer.StartAsync(
            "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: 36\r\n\r\n<html>upstream said: hunter2</html>\n");
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = proxy.BaseUrl, Token = "t", MaxRetries = 0, CacheTtl = null });

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.ListAsync(
            new ListSecretsOptions { ProjectId = "p", EnvironmentSlug = "dev" }));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Contains("non-JSON body (text/html, 36 bytes)", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.Null(error.Error);
        Assert.Null(error.ReqId);
    }

    [Fact]
    public async Task An_unreadable_success_body_is_an_InfisicalResponseException()
    {
        await using var proxy = await RawHttpServer.StartAsync(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: 26\r\n\r\n{\"secrets\": \"not-a-list\"}\n");
        using var client = new InfisicalClient(new InfisicalClientOptions { Host = proxy.BaseUrl, Token = "t", MaxRetries = 0, CacheTtl = null });

        var error = await Assert.ThrowsAsync<InfisicalResponseException>(() => client.Secrets.ListAsync(
            new ListSecretsOptions { ProjectId = "p", EnvironmentSlug = "dev" }));

        Assert.Contains("secrets is a string, not an array", error.Message);
        Assert.DoesNotContain("not-a-list", error.Message);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Unknown_routes_answer_with_the_fastify_shape(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Connection.Requests.SendAsync(
            new InfisicalRequest(HttpMethod.Get, "/api/v9/nothing", RequestOptions.Read).WithQuery(null), ClientJsonContext.Default.MessageResponse, default));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.NotEmpty(error.Messages);
    }

    [Fact]
    public async Task Logs_carry_routes_and_statuses_but_no_tokens_or_values()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        var logger = new CapturingLogger();
        using var client = await h.LoginAsync(o => o.Logger = logger);
        h.Controls.InjectFault(new FaultRule { PathContains = "/api/v3/secrets/raw", Method = "GET", StatusCode = 503 });

        await client.Secrets.ListAsync(new ListSecretsOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev" });
        await client.Secrets.CreateAsync(new CreateSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "LOGGED", SecretValue = "value-never-logged" });

        var all = string.Join("\n", logger.Messages);
        Assert.Contains("/api/v3/secrets/raw", all);
        Assert.Contains("503", all);
        Assert.DoesNotContain(client.Auth.AccessToken!, all);
        Assert.DoesNotContain(TestSeed.ClientSecret, all);
        Assert.DoesNotContain("value-never-logged", all);
        Assert.DoesNotContain("dev-db-pass", all);
    }

    /// <summary>A one-shot HTTP/1.1 server that answers every connection with a fixed response (a misbehaving proxy).</summary>
    private sealed class RawHttpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task _loop;

        private RawHttpServer(TcpListener listener, string response)
        {
            _listener = listener;
            _loop = Task.Run(async () =>
            {
                while (true)
                {
                    TcpClient socket;
                    try
                    {
                        socket = await _listener.AcceptTcpClientAsync();
                    }
                    catch (Exception)
                    {
                        return;
                    }

                    using (socket)
                    {
                        var stream = socket.GetStream();
                        var buffer = new byte[8192];
                        var seen = new StringBuilder();
                        while (!seen.ToString().Contains("\r\n\r\n"))
                        {
                            var n = await stream.ReadAsync(buffer);
                            if (n == 0)
                            {
                                break;
                            }

                            seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
                        }

                        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
                    }
                }
            });
        }

        public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        public static Task<RawHttpServer> StartAsync(string response)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return Task.FromResult(new RawHttpServer(listener, response));
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _loop;
        }
    }
}
