using System;
using System.Collections.Generic;

namespace Infisical.Build.Core.Snapshots;

/// <summary>
/// What one source answered, with where and when it came from: the unit the store keeps, a warm build reuses,
/// a revalidation compares (by ETag) and the merge step combines. It holds exactly what the generated files
/// hold (names, folders, values) plus non-secret validators, nothing more. In encrypt mode it is kept
/// <em>sealed</em>: the secrets exist only as an encrypted envelope (docs/encrypted-settings.md), so a snapshot
/// read back from the store carries no plaintext until the write step unseals it with one KMS call.
/// </summary>
internal sealed class SecretSnapshot
{
    public SecretSnapshot(SourceSpec source, DateTimeOffset fetchedAt, string? etag, IReadOnlyList<FetchedSecret> secrets)
        : this(source, fetchedAt, etag, secrets, null, secrets.Count)
    {
    }

    private SecretSnapshot(SourceSpec source, DateTimeOffset fetchedAt, string? etag, IReadOnlyList<FetchedSecret> secrets, string? sealedEnvelope, int count)
    {
        Source = source;
        FetchedAt = fetchedAt;
        ETag = etag;
        Secrets = secrets;
        SealedEnvelope = sealedEnvelope;
        Count = count;
    }

    public SourceSpec Source { get; }

    /// <summary>When the server last confirmed this content (a 304 moves it forward without changing the secrets).</summary>
    public DateTimeOffset FetchedAt { get; }

    /// <summary>The list answer's ETag, sent back as If-None-Match on the next fetch.</summary>
    public string? ETag { get; }

    /// <summary>The secrets in plaintext; empty when <see cref="IsSealed"/>.</summary>
    public IReadOnlyList<FetchedSecret> Secrets { get; }

    /// <summary>Encrypt mode: the secrets as an encrypted-settings envelope (ASCII), else null.</summary>
    public string? SealedEnvelope { get; }

    public bool IsSealed => SealedEnvelope != null;

    /// <summary>How many secrets the snapshot holds (known without unsealing).</summary>
    public int Count { get; }

    public SecretSnapshot ConfirmedAt(DateTimeOffset now, string? etag) => new(Source, now, etag ?? ETag, Secrets, SealedEnvelope, Count);

    /// <summary>This snapshot with its secrets replaced by their envelope.</summary>
    public SecretSnapshot Sealed(string envelope) => new(Source, FetchedAt, ETag, Array.Empty<FetchedSecret>(), envelope, Count);

    /// <summary>Recreates a sealed snapshot read from the store.</summary>
    public static SecretSnapshot FromStore(SourceSpec source, DateTimeOffset fetchedAt, string? etag, string envelope, int count) =>
        new(source, fetchedAt, etag, Array.Empty<FetchedSecret>(), envelope, count);
}
