using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Infisical.Client.Http;

/// <summary>
/// One logical API call. The body is serialized once, up front, so every retry sends the same bytes.
/// </summary>
internal sealed class InfisicalRequest
{
    public static readonly HttpMethod Patch = new("PATCH");

    public InfisicalRequest(HttpMethod method, string path, RequestKind kind)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            throw new ArgumentException("A request path starts with '/', e.g. /api/v3/secrets/raw.", nameof(path));
        }

        Method = method;
        Path = path;
        Kind = kind;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path below the host, already percent-encoded (use <see cref="InfisicalConnection.EscapeSegment"/>).</summary>
    public string Path { get; }

    /// <summary>Decides the retry policy.</summary>
    public RequestKind Kind { get; }

    /// <summary>Query parameters in the order they are sent; keys and values are encoded when the URL is built.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Query { get; init; }

    /// <summary>Whether the current access token is attached (false for logins and renewals, which carry no header).</summary>
    public bool Authenticated { get; init; } = true;

    /// <summary>An ETag to send as <c>If-None-Match</c>; the answer may then be 304.</summary>
    public string? IfNoneMatch { get; init; }

    /// <summary>The UTF-8 JSON body, if any.</summary>
    public byte[]? JsonBody { get; private set; }

    /// <summary>Attaches a JSON body, serialized with a source-generated type info.</summary>
    public InfisicalRequest WithJsonBody<TBody>(TBody body, JsonTypeInfo<TBody> bodyType)
    {
        JsonBody = JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        return this;
    }

    /// <summary>The same request, made conditional on <paramref name="etag"/> (for revalidating a cached answer).</summary>
    public InfisicalRequest WithIfNoneMatch(string etag) =>
        new(Method, Path, Kind) { Query = Query, Authenticated = Authenticated, IfNoneMatch = etag, JsonBody = JsonBody };

    /// <summary>The path and encoded query, as appended to the host.</summary>
    public string BuildRelativeUrl()
    {
        if (Query == null || Query.Count == 0)
        {
            return Path;
        }

        var sb = new System.Text.StringBuilder(Path);
        var first = true;
        foreach (var pair in Query)
        {
            sb.Append(first ? '?' : '&');
            first = false;
            sb.Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
        }

        return sb.ToString();
    }
}
