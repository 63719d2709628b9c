using System;
using System.Collections.Generic;

namespace Infisical.Build.Core.Snapshots;

/// <summary>
/// What one source answered, with where and when it came from: the unit the store keeps, a warm build reuses,
/// a revalidation compares (by ETag) and the merge step combines. It holds exactly what the generated files
/// hold (names, folders, values) plus non-secret validators, nothing more.
/// </summary>
internal sealed class SecretSnapshot
{
    public SecretSnapshot(SourceSpec source, DateTimeOffset fetchedAt, string? etag, IReadOnlyList<FetchedSecret> secrets)
    {
        Source = source;
        FetchedAt = fetchedAt;
        ETag = etag;
        Secrets = secrets;
    }

    public SourceSpec Source { get; }

    /// <summary>When the server last confirmed this content (a 304 moves it forward without changing the secrets).</summary>
    public DateTimeOffset FetchedAt { get; }

    /// <summary>The list answer's ETag, sent back as If-None-Match on the next fetch.</summary>
    public string? ETag { get; }

    public IReadOnlyList<FetchedSecret> Secrets { get; }

    public SecretSnapshot ConfirmedAt(DateTimeOffset now, string? etag) => new(Source, now, etag ?? ETag, Secrets);
}
