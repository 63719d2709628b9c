using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Infisical.Client;

/// <summary>Reads Infisical error bodies of both server generations without ever echoing the raw body.</summary>
internal static class ErrorBodyParser
{
    public static InfisicalApiException Parse(
        HttpStatusCode status, string? reasonPhrase, ReadOnlyMemory<byte> body, string? mediaType, string method, string path, TimeSpan? retryAfter)
    {
        string? error = null;
        string? reqId = null;
        var messages = new List<string>();

        if (!TryReadJson(body, ref error, ref reqId, messages))
        {
            // A proxy's HTML page or plain text: say what arrived, not what it said (it could echo anything).
            messages.Add($"The server answered with a non-JSON body ({mediaType ?? "no content type"}, {body.Length} bytes).");
        }

        var summary = new StringBuilder();
        summary.Append("Infisical returned ").Append((int)status).Append(' ')
            .Append(error ?? reasonPhrase ?? status.ToString())
            .Append(" for ").Append(method).Append(' ').Append(path);
        if (messages.Count > 0)
        {
            summary.Append(": ").Append(string.Join("; ", messages));
        }

        if (reqId != null)
        {
            summary.Append(" (reqId ").Append(reqId).Append(')');
        }

        return new InfisicalApiException(summary.ToString(), status, error, messages, reqId, retryAfter);
    }

    private static bool TryReadJson(ReadOnlyMemory<byte> body, ref string? error, ref string? reqId, List<string> messages)
    {
        if (body.Length == 0)
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            error = ReadString(root, "error");
            reqId = ReadString(root, "reqId");
            if (root.TryGetProperty("message", out var message))
            {
                AddMessages(message, messages);
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void AddMessages(JsonElement message, List<string> messages)
    {
        switch (message.ValueKind)
        {
            case JsonValueKind.String:
                messages.Add(WithoutRouteQuery(message.GetString() ?? string.Empty));
                break;
            case JsonValueKind.Array:
                // 422 (and the 2024 server's 403 ValidationFailure) carry an array of zod issues.
                foreach (var issue in message.EnumerateArray())
                {
                    messages.Add(DescribeIssue(issue));
                }

                break;
            case JsonValueKind.Object:
                messages.Add(DescribeIssue(message));
                break;
        }
    }

    // Fastify's unknown-route text repeats the whole URL ("Route GET:/api/v1/kms/keys?projectId=... not found"); the
    // query adds nothing to the diagnosis and may carry identifiers, so only the path is kept.
    private static string WithoutRouteQuery(string message)
    {
        const string Suffix = " not found";
        if (!message.StartsWith("Route ", StringComparison.Ordinal) || !message.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return message;
        }

        var query = message.IndexOf('?');
        return query < 0 ? message : message.Substring(0, query) + Suffix;
    }

    private static string DescribeIssue(JsonElement issue)
    {
        if (issue.ValueKind == JsonValueKind.String)
        {
            return issue.GetString() ?? string.Empty;
        }

        if (issue.ValueKind != JsonValueKind.Object)
        {
            return issue.GetRawText();
        }

        var text = ReadString(issue, "message") ?? ReadString(issue, "code") ?? "invalid value";
        if (issue.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.Array && path.GetArrayLength() > 0)
        {
            var parts = new List<string>();
            foreach (var p in path.EnumerateArray())
            {
                parts.Add(p.ValueKind == JsonValueKind.String ? p.GetString() ?? string.Empty : p.GetRawText());
            }

            return string.Join(".", parts) + ": " + text;
        }

        return text;
    }

    private static string? ReadString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
