using System;
using System.Collections.Generic;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Http;

/// <summary>
/// Finishes an error parsed from a server answer: adds what the caller needs to act (the URL is not an Infisical API;
/// how long a 429 asked to wait) and removes every credential the connection knows from the server's text.
/// </summary>
internal static class ApiErrorText
{
    public static InfisicalApiException Finish(
        InfisicalApiException parsed, string host, InfisicalRequest request, CredentialScrubber scrubber)
    {
        var message = parsed.Message;
        if (parsed.IsUnknownRoute)
        {
            message += $". The URL {host}{request.Path} does not look like an Infisical API (no route answers there); "
                + "check the host setting: it is the server's base URL, such as https://app.infisical.com";
        }

        if ((int)parsed.StatusCode == 429 && parsed.RetryAfter is { } wait)
        {
            message += $". The server asked to wait {wait.TotalSeconds:0.###} s before trying again";
        }

        var messages = new List<string>(parsed.Messages.Count);
        foreach (var m in parsed.Messages)
        {
            messages.Add(scrubber.Scrub(m));
        }

        return new InfisicalApiException(
            scrubber.Scrub(message),
            parsed.StatusCode,
            scrubber.ScrubOrNull(parsed.Error),
            messages,
            scrubber.ScrubOrNull(parsed.ReqId),
            parsed.RetryAfter);
    }
}
