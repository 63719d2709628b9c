using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>Checks error bodies against docs/infisical-api-notes.md, "Error bodies" (current) and "Older self-hosted servers (2024-07)" (2024).</summary>
public static class ErrorAssert
{
    public static void Current(HttpStatusCode actualStatus, JsonNode? body, int status, string error, string? message = null)
    {
        Assert.Equal(status, (int)actualStatus);
        Assert.NotNull(body);
        Assert.Matches(new Regex("^req-[A-Za-z0-9]{14}$"), body!["reqId"]!.GetValue<string>());
        Assert.Equal(status, body["statusCode"]!.GetValue<int>());
        Assert.Equal(error, body["error"]!.GetValue<string>());
        if (message != null)
        {
            Assert.Equal(message, body["message"]!.GetValue<string>());
        }
    }

    public static void Legacy(HttpStatusCode actualStatus, JsonNode? body, int status, string? error = null, string? message = null)
    {
        Assert.Equal(status, (int)actualStatus);
        Assert.NotNull(body);
        Assert.Null(body!["reqId"]);
        Assert.Equal(status, body["statusCode"]!.GetValue<int>());
        if (error != null)
        {
            Assert.Equal(error, body["error"]!.GetValue<string>());
        }

        if (message != null)
        {
            Assert.Equal(message, body["message"]!.GetValue<string>());
        }
    }

    /// <summary>A zod issue list naming the field.</summary>
    public static void ZodIssues(JsonNode? body, string field)
    {
        var issues = Assert.IsType<JsonArray>(body!["message"]);
        Assert.Contains(issues, i => i!["path"]!.AsArray().Count > 0 && i["path"]![0]!.GetValue<string>() == field && i["message"]!.GetValueKind() == JsonValueKind.String);
    }
}
