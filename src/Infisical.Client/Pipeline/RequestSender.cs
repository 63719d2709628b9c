using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Auth;
using Infisical.Client.Http;

namespace Infisical.Client.Pipeline;

/// <summary>
/// The one call every sub-client makes: sends an <see cref="InfisicalRequest"/> through a pipeline and reads the
/// answer with source-generated JSON. Errors have already been thrown by the pipeline's policies.
/// </summary>
internal sealed class RequestSender
{
    private readonly HttpPipeline _pipeline;
    private readonly CredentialScrubber _scrubber;

    public RequestSender(HttpPipeline pipeline, CredentialScrubber scrubber)
    {
        _pipeline = pipeline;
        _scrubber = scrubber;
    }

    /// <summary>Sends and returns the parsed answer; a 304 here is an error (use <see cref="SendForResponseAsync{T}"/>).</summary>
    public async Task<T> SendAsync<T>(InfisicalRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var response = await SendForResponseAsync(request, responseType, cancellationToken).ConfigureAwait(false);
        return response.Value ?? throw new InfisicalResponseException(
            $"Infisical returned an empty answer for {request.Method} {request.Path}.");
    }

    /// <summary>Sends and returns the answer with its ETag, or a not-modified marker.</summary>
    public async Task<InfisicalResponse<T>> SendForResponseAsync<T>(
        InfisicalRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var message = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = message.RequireResponse();
        if (message.NotModified)
        {
            return new InfisicalResponse<T>(default, answer.ETag ?? request.IfNoneMatch, notModified: true);
        }

        T value;
        try
        {
            value = Deserialize(answer.Body, responseType, request);
        }
        finally
        {
            // Both outcomes are complete here: the value holds copies, and the error was built from the body already.
            answer.ReleaseBody();
        }

        if (value is AccessTokenResponse obtained)
        {
            // A token obtained at run time is as secret as the configured one: a later echo must not show it.
            _scrubber.Add(obtained.AccessToken);
        }

        return new InfisicalResponse<T>(value, answer.ETag, notModified: false);
    }

    private static T Deserialize<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> type, InfisicalRequest request)
    {
        try
        {
            return JsonSerializer.Deserialize(body.Span, type)
                ?? throw new InfisicalResponseException($"Infisical returned an empty answer for {request.Method} {request.Path}.");
        }
        catch (JsonException e)
        {
            throw JsonAnswerCheck.Unreadable(body, request, e);
        }
    }
}
