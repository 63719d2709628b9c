using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Memory;

namespace Infisical.Client.Caching;

/// <summary>
/// In-memory cache of secret reads. An entry is fresh for the TTL; after that (or after any write through this
/// client) it is kept as "stale" so the next read can revalidate it with <c>If-None-Match</c>, and a 304 makes it
/// fresh again without a body. Bounded by entry count; stale entries are dropped after the retention window.
/// </summary>
internal sealed class SecretCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly TimeSpan _ttl;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _time;
    private long _generation;

    public SecretCache(InfisicalClientOptions options)
    {
        _time = options.TimeProvider;
        if (options.CacheTtl is { } ttl && ttl > TimeSpan.Zero)
        {
            _ttl = ttl;
            _retention = options.CacheStaleRetention;
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.CacheMaxEntries });
        }
    }

    public bool Enabled => _cache != null;

    /// <summary>Current write generation; capture it before a read so a write racing the read is not masked.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Returns the entry, or null. <paramref name="fresh"/> says whether it may be served without asking.</summary>
    public CacheEntry? Find(ReadKey key, out bool fresh)
    {
        fresh = false;
        if (_cache == null || !_cache.TryGetValue(key, out CacheEntry? entry) || entry == null)
        {
            return null;
        }

        fresh = entry.Generation == Generation && _time.GetUtcNow() - entry.ValidatedAt < _ttl;
        return entry;
    }

    public void Store(ReadKey key, object value, string? etag, long generation)
    {
        if (_cache == null)
        {
            return;
        }

        var entry = new CacheEntry(value, etag, _time.GetUtcNow(), generation);
        _cache.Set(key, entry, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = _ttl + _retention,
        });
    }

    /// <summary>
    /// Every write makes every entry stale. A write can change far more than its own folder (references
    /// and imports from other environments and projects read it), and a stale entry costs only a conditional request.
    /// </summary>
    public void InvalidateAll() => Interlocked.Increment(ref _generation);

    public void Dispose() => _cache?.Dispose();
}

/// <summary>
/// A read's cache key: who asks, and exactly what. <paramref name="What"/> is the options record itself where its
/// value equality covers everything the request carries (records compare field by field), else the request's full
/// relative URL; either way two reads share an entry only when they would send the same request.
/// </summary>
internal sealed record ReadKey(string Identity, object What);

/// <summary>A cached parsed answer with its validator.</summary>
internal sealed class CacheEntry
{
    private object? _answer;

    public CacheEntry(object value, string? etag, DateTimeOffset validatedAt, long generation)
    {
        Value = value;
        ETag = etag;
        ValidatedAt = validatedAt;
        Generation = generation;
    }

    public object Value { get; }

    public string? ETag { get; }

    public DateTimeOffset ValidatedAt { get; }

    public long Generation { get; }

    /// <summary>
    /// The caller's answer for this entry as a completed task, made once, so a fresh hit allocates nothing; each
    /// entry belongs to one kind of read, so <typeparamref name="TAnswer"/> is always the same for it.
    /// </summary>
    public Task<TAnswer> Answer<TAnswer>(Func<object, TAnswer> project) =>
        (Task<TAnswer>)(_answer ??= Task.FromResult(project(Value)));
}
