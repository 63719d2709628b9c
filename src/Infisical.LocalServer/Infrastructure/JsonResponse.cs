using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Infisical.LocalServer;

/// <summary>
/// Writes a JSON body exactly as built (field order and nulls kept), with Fastify's content type.
/// Handlers build <see cref="JsonObject"/>s so that the fields sent match the real route's response schema.
/// </summary>
internal sealed class JsonResponse : IResult
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Creates a response.</summary>
    public JsonResponse(JsonNode body, int statusCode = 200, IReadOnlyDictionary<string, string>? headers = null)
    {
        Body = body;
        StatusCode = statusCode;
        Headers = headers;
    }

    /// <summary>The body.</summary>
    public JsonNode Body { get; }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>Extra response headers.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; }

    /// <summary>200 with the given body.</summary>
    public static JsonResponse Ok(JsonNode body) => new(body);

    /// <summary>Serializes a node the way responses are serialized (no escaping of non-ASCII or HTML characters).</summary>
    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        if (Headers != null)
        {
            foreach (var pair in Headers)
            {
                httpContext.Response.Headers[pair.Key] = pair.Value;
            }
        }

        httpContext.Response.ContentType = "application/json; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(Serialize(Body));
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
