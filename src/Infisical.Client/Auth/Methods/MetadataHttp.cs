using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Infisical.Client.Auth.Methods;

/// <summary>
/// Talks to cloud instance-metadata services (Azure IMDS, GCP metadata server, EC2 IMDSv2). These answer on a
/// link-local address and must be reached directly, never through a proxy, and quickly: off-cloud, a short
/// timeout turns "no metadata service here" into a clear error instead of a long hang.
/// </summary>
internal static class MetadataHttp
{
    private static readonly HttpClient Http = new(new HttpClientHandler { UseProxy = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Per-call limit.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Sends a request and returns the body; throws <see cref="InfisicalException"/> naming the service on failure.</summary>
    public static async Task<string> SendAsync(
        HttpMethod method, Uri url, IEnumerable<KeyValuePair<string, string>> headers, string serviceName,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        using var request = new HttpRequestMessage(method, url);
        foreach (var header in headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        try
        {
            using var response = await Http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // The body of a metadata error is a diagnostic, not a credential, but it is still left out.
                throw new InfisicalException(
                    $"{serviceName} at {url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            return body;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InfisicalException(
                $"{serviceName} at {url.GetLeftPart(UriPartial.Authority)} did not answer within {CallTimeout.TotalSeconds:0} s; "
                + "is this process running on that cloud?", e);
        }
        catch (HttpRequestException e)
        {
            throw new InfisicalException(
                $"{serviceName} at {url.GetLeftPart(UriPartial.Authority)} cannot be reached ({e.Message}); "
                + "is this process running on that cloud?", e);
        }
    }
}
