using System.Threading.Tasks;

namespace Infisical.Client.Pipeline;

/// <summary>
/// Outermost policy: an answer that is neither a success nor a "not modified" becomes the typed
/// <see cref="InfisicalApiException"/> (parsed from the server's error body, with every credential the client has held
/// removed from the server's text; see <c>ApiErrorText</c> and <c>CredentialScrubber</c>).
/// </summary>
internal sealed class ErrorMappingPolicy : PipelinePolicy
{
    public override async Task ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        await next.ProcessAsync(message).ConfigureAwait(false);
        var answer = message.RequireResponse();
        if (!message.NotModified && !answer.IsSuccess)
        {
            throw answer.ToException(message.Request);
        }
    }
}
