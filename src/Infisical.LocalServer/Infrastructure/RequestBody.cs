using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Infisical.LocalServer;

/// <summary>
/// Reads a request body as the real server does: JSON, or a form body (@fastify/formbody), whose values are strings.
/// An absent body reads as an empty object so that field validation reports what is missing.
/// </summary>
internal static class RequestBody
{
    /// <summary>Reads the body; on malformed JSON returns the server's 400 error instead.</summary>
    public static async Task<(JsonObject? Body, IResult? Error)> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var errors = ApiErrors.From(context);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var fromForm = new JsonObject();
            foreach (var field in form)
            {
                fromForm[field.Key] = field.Value.ToString();
            }

            return (fromForm, null);
        }

        string text;
        using (var reader = new StreamReader(request.Body))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (new JsonObject(), null);
        }

        try
        {
            var node = JsonNode.Parse(text);
            if (node != null && HasLoneSurrogate(text))
            {
                // JSON.parse would accept it, but no .NET string can hold it for UTF-8 output: refuse it as bad JSON
                // rather than fail later with a 500.
                return (null, errors.MalformedJson());
            }

            if (node is JsonObject obj)
            {
                return (obj, null);
            }

            // A JSON body that is not an object fails zod's object check.
            return (null, errors.Validation(new JsonArray(ZodIssues.InvalidType(errors.Compatibility, Array.Empty<string>(), "object", Describe(node)))));
        }
        catch (JsonException)
        {
            return (null, errors.MalformedJson());
        }
    }

    private static bool HasLoneSurrogate(string text)
    {
        // Only an escape can produce one (the decoded text is valid UTF-16); skip the second parse otherwise.
        if (text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        using var document = JsonDocument.Parse(text);
        return LoneSurrogates.PathIn(document.RootElement) != null;
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "array",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "string",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => "number",
        _ => "boolean",
    };
}
