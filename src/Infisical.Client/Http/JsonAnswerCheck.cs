using System;
using System.Text.Json;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Http;

/// <summary>
/// Says why a success body could not be read: cut off (a valid beginning of JSON that stops early, as when a proxy
/// or a dropped connection ends it), not JSON at all, or JSON of a shape the client does not read. JsonException
/// messages name the JSON path and position, never the offending value.
/// </summary>
internal static class JsonAnswerCheck
{
    public static InfisicalResponseException Unreadable(ReadOnlyMemory<byte> body, InfisicalRequest request, JsonException e)
    {
        var route = $"{request.Method} {request.Path}";
        if (IsWhitespace(body.Span))
        {
            return new InfisicalResponseException($"Infisical answered {route} with an empty body where JSON was expected.", false, e);
        }

        if (IsJson(body))
        {
            return new InfisicalResponseException($"Infisical's answer to {route} is JSON of a shape this client cannot read: {e.Message}", false, e);
        }

        if (IsCutOff(body.Span))
        {
            return new InfisicalResponseException(
                $"Infisical's answer to {route} was cut off: its JSON stops after {body.Length} bytes "
                + "(the server, a proxy or the connection ended it early).",
                true,
                e);
        }

        return new InfisicalResponseException($"Infisical's answer to {route} is not valid JSON: {e.Message}", false, e);
    }

    /// <summary>True when every byte is a valid continuation of a JSON document that is still open at the end.</summary>
    public static bool IsCutOff(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            return false;
        }

        // Read() stopped for want of more data: either inside a token or with containers still open.
        return reader.CurrentDepth > 0 || reader.BytesConsumed < body.Length;
    }

    private static bool IsJson(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
