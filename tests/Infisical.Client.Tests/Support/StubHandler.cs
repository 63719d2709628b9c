using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;

namespace Infisical.Client.Tests.Support;

/// <summary>
/// An HttpMessageHandler in place of the network: answers from a callback and counts what it was asked, so a test
/// can prove that nothing was sent at all.
/// </summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;

    public StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) => _answer = answer;

    public ConcurrentQueue<Uri> Sent { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent.Enqueue(request.RequestUri!);
        var response = _answer(request);
        response.RequestMessage ??= request;
        return Task.FromResult(response);
    }
}
