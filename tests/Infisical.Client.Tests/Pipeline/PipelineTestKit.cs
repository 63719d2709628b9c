using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using Infisical.Client.Http;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Tests.Pipeline;

/// <summary>
/// Runs one policy on its own: a scripted last step stands in for the rest of the pipeline, answering each attempt
/// in turn and recording the headers the policy put on the message.
/// </summary>
internal sealed class ScriptedNext : PipelinePolicy
{
    private readonly Queue<Func<PipelineMessage, RawAnswer>> _script;

    public ScriptedNext(params Func<PipelineMessage, RawAnswer>[] script) => _script = new(script);

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> SentHeaders { get; } = new();

    public int Calls => SentHeaders.Count;

    public override Task ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        SentHeaders.Enqueue(new Dictionary<string, string>(message.Headers));
        message.Response = _script.Dequeue()(message);
        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="policy"/> with this script after it.</summary>
    public Task<PipelineMessage> RunAsync(PipelinePolicy policy, InfisicalRequest request, CancellationToken cancellationToken = default) =>
        new HttpPipeline(policy, this).SendAsync(request, cancellationToken);
}

internal static class Answers
{
    public static readonly CredentialScrubber Scrubber = new();

    public static Func<PipelineMessage, RawAnswer> Status(int status, string body = "{}", TimeSpan? retryAfter = null, string? etag = null) =>
        _ => Make(status, body, retryAfter, etag, Scrubber);

    public static Func<PipelineMessage, RawAnswer> Throws(Exception e) => _ => throw e;

    public static RawAnswer Make(int status, string body, TimeSpan? retryAfter, string? etag, CredentialScrubber scrubber) =>
        new((HttpStatusCode)status, null, Encoding.UTF8.GetBytes(body), "application/json", etag, retryAfter, "https://infisical.test", scrubber);

    public static string ErrorBody(int status, string error, string message) =>
        $"{{\"statusCode\":{status},\"error\":\"{error}\",\"message\":\"{message}\",\"reqId\":\"req-1\"}}";

    public static InfisicalRequest Read(string path = "/api/v3/secrets/raw") => new(HttpMethod.Get, path, RequestOptions.Read);

    public static InfisicalRequest Write(string path = "/api/v3/secrets/raw/A") => new(HttpMethod.Post, path, RequestOptions.Write);

    public static InfisicalRequest Login() => new(HttpMethod.Post, "/api/v1/auth/universal-auth/login", RequestOptions.Login);
}
