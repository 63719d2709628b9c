using System.Collections.Generic;
using System.Net.Http;
using System.Net.Sockets;
using Infisical.Client.Http;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Tests.Pipeline;

public sealed class TransportPolicyTests
{
    [Fact]
    public async Task Sends_the_headers_policies_added_and_the_body_and_buffers_the_answer()
    {
        HttpRequestMessage? seen = null;
        string? body = null;
        var stub = new StubHandler(r =>
        {
            seen = r;
            body = r.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
            var answer = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"ok\":true}") };
            answer.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"v2\"");
            return answer;
        });
        using var transport = Transport("https://infisical.test", stub);
        var message = new PipelineMessage(
            Answers.Write().WithJsonBody(new Dictionary<string, string> { ["a"] = "b" }, TestJson.Default.DictionaryStringString),
            default);
        message.Headers["Authorization"] = "Bearer abc";

        await transport.ProcessAsync(message, default);

        Assert.Equal("Bearer abc", seen!.Headers.Authorization!.ToString());
        Assert.Equal("{\"a\":\"b\"}", body);
        Assert.Equal("\"v2\"", message.Response!.ETag);
        Assert.Equal("{\"ok\":true}", System.Text.Encoding.UTF8.GetString(message.Response.Body.Span));
    }

    [Fact]
    public async Task Plain_http_to_another_machine_is_refused_before_anything_is_sent()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var transport = Transport("http://infisical.example.com", stub);

        await Assert.ThrowsAsync<InfisicalInsecureTransportException>(
            () => transport.ProcessAsync(new PipelineMessage(Answers.Read(), default), default));

        Assert.Empty(stub.Sent);
    }

    [Fact]
    public async Task A_redirect_to_another_origin_is_not_followed()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("https://elsewhere.test/") } });
        using var transport = Transport("https://infisical.test", stub);

        await Assert.ThrowsAsync<InfisicalRedirectException>(
            () => transport.ProcessAsync(new PipelineMessage(Answers.Read(), default), default));

        Assert.Single(stub.Sent);
    }

    [Fact]
    public async Task A_platform_failure_becomes_a_network_exception_naming_the_cause()
    {
        var stub = new StubHandler(_ => throw new HttpRequestException("send failed", new SocketException((int)SocketError.ConnectionRefused)));
        using var transport = Transport("https://infisical.test", stub);

        var error = await Assert.ThrowsAsync<InfisicalNetworkException>(
            () => transport.ProcessAsync(new PipelineMessage(Answers.Read(), default), default));

        Assert.Equal(InfisicalNetworkFailure.ConnectionRefused, error.Failure);
        Assert.Contains("GET /api/v3/secrets/raw", error.Message);
    }

    private static TransportPolicy Transport(string host, StubHandler stub) =>
        new(host, new TransportSettings { HttpClient = new HttpClient(stub) }, new CredentialScrubber(), TimeProvider.System);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TestJson : System.Text.Json.Serialization.JsonSerializerContext
{
}
