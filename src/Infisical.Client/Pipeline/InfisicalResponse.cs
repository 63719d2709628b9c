namespace Infisical.Client.Pipeline;

/// <summary>A successful answer with the metadata the cache needs.</summary>
internal sealed class InfisicalResponse<T>
{
    public InfisicalResponse(T? value, string? etag, bool notModified)
    {
        Value = value;
        ETag = etag;
        NotModified = notModified;
    }

    /// <summary>The parsed body; default when <see cref="NotModified"/> is true.</summary>
    public T? Value { get; }

    /// <summary>The answer's <c>ETag</c> header, if any.</summary>
    public string? ETag { get; }

    /// <summary>True for a 304 answer to <see cref="InfisicalRequest.IfNoneMatch"/>.</summary>
    public bool NotModified { get; }
}
