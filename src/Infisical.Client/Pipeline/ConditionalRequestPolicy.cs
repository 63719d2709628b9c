using System.Net;
using System.Threading.Tasks;

namespace Infisical.Client.Pipeline;

/// <summary>
/// ETag revalidation: sends the request's <c>If-None-Match</c> and marks a 304 to it as "not modified" (the cached
/// copy is current), which the error mapping then passes through. A 304 to a request that sent no ETag stays an
/// error: nothing cached can stand in for the body.
/// </summary>
internal sealed class ConditionalRequestPolicy : PipelinePolicy
{
    public override async Task ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        var etag = message.Request.IfNoneMatch;
        if (etag != null)
        {
            message.Headers["If-None-Match"] = etag;
        }

        await next.ProcessAsync(message).ConfigureAwait(false);
        message.NotModified = etag != null && message.RequireResponse().Status == HttpStatusCode.NotModified;
    }
}
