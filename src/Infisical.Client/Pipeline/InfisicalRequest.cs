using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Infisical.Client.Pipeline;

/// <summary>
/// One logical API call, immutable: every <c>With…</c> method returns a copy, so a request built once can be
/// resent (retries, a replay after re-login, a conditional revalidation) without any policy changing it for another.
/// The body is serialized once, up front, so every attempt sends the same bytes.
/// </summary>
internal sealed class InfisicalRequest
{
    public static readonly HttpMethod Patch = new("PATCH");

    private static readonly KeyValuePair<string, string>[] NoQuery = Array.Empty<KeyValuePair<string, string>>();
    private byte[]? _body;

    public InfisicalRequest(HttpMethod method, string path, RequestOptions options)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            throw new ArgumentException("A request path starts with '/', e.g. /api/v3/secrets/raw.", nameof(path));
        }

        Method = method;
        Path = path;
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    private InfisicalRequest(InfisicalRequest from)
    {
        Method = from.Method;
        Path = from.Path;
        Options = from.Options;
        Query = from.Query;
        IfNoneMatch = from.IfNoneMatch;
        _body = from._body;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path below the host, already percent-encoded (use <see cref="EscapeSegment"/>).</summary>
    public string Path { get; }

    /// <summary>Retry kind and whether the token is attached.</summary>
    public RequestOptions Options { get; private set; }

    /// <summary>Query parameters in the order they are sent; keys and values are encoded when the URL is built.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; private set; } = NoQuery;

    /// <summary>An ETag to send as <c>If-None-Match</c>; the answer may then be 304.</summary>
    public string? IfNoneMatch { get; private set; }

    /// <summary>The UTF-8 JSON body, if any. A copy of the request shares it, so nothing may write to it.</summary>
    public ReadOnlyMemory<byte>? JsonBody => _body == null ? (ReadOnlyMemory<byte>?)null : _body;

    /// <summary>Percent-encodes one path segment (a secret name, a key id).</summary>
    public static string EscapeSegment(string segment) => Uri.EscapeDataString(segment);

    /// <summary>The same request with these query parameters (replacing any before).</summary>
    public InfisicalRequest WithQuery(IEnumerable<KeyValuePair<string, string>>? query) =>
        new(this) { Query = query?.ToArray() ?? NoQuery };

    /// <summary>The same request with a JSON body, serialized with a source-generated type info.</summary>
    public InfisicalRequest WithJsonBody<TBody>(TBody body, JsonTypeInfo<TBody> bodyType) =>
        new(this) { _body = JsonSerializer.SerializeToUtf8Bytes(body, bodyType) };

    /// <summary>The same request, made conditional on <paramref name="etag"/> (for revalidating a cached answer).</summary>
    public InfisicalRequest WithIfNoneMatch(string etag) => new(this) { IfNoneMatch = etag };

    /// <summary>The same request with other options.</summary>
    public InfisicalRequest WithOptions(RequestOptions options) =>
        new(this) { Options = options ?? throw new ArgumentNullException(nameof(options)) };

    /// <summary>The path and encoded query, as appended to the host.</summary>
    public string BuildRelativeUrl()
    {
        if (Query.Count == 0)
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
