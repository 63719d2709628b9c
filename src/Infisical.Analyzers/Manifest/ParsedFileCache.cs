using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace Infisical.Analyzers.Manifest;

/// <summary>
/// Parses an additional file once per distinct content. The IDE hands the same <see cref="SourceText"/>
/// to every compilation until the file changes (first-level cache); a rebuilt but identical file gets a new
/// instance with the same checksum (second-level cache, bounded).
/// </summary>
internal sealed class ParsedFileCache<T>
    where T : class
{
    private const int MaxByChecksum = 32;
    private readonly ConditionalWeakTable<SourceText, T> _byInstance = new();
    private readonly ConcurrentDictionary<string, T> _byChecksum = new(StringComparer.Ordinal);
    private readonly Func<string, T> _parse;

    public ParsedFileCache(Func<string, T> parse)
    {
        _parse = parse;
    }

    public T Get(SourceText text)
    {
        if (_byInstance.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var checksum = ChecksumKey(text);
        if (!_byChecksum.TryGetValue(checksum, out var parsed))
        {
            parsed = _parse(text.ToString());
            if (_byChecksum.Count >= MaxByChecksum)
            {
                _byChecksum.Clear();
            }

            _byChecksum[checksum] = parsed;
        }

        try
        {
            _byInstance.Add(text, parsed);
        }
        catch (ArgumentException)
        {
            // Another thread cached the same instance first; both values are equivalent.
        }

        return parsed;
    }

    private static string ChecksumKey(SourceText text)
    {
        ImmutableArray<byte> checksum = text.GetChecksum();
        var chars = new char[checksum.Length * 2 + 8];
        var i = 0;
        foreach (var b in checksum)
        {
            chars[i++] = Hex(b >> 4);
            chars[i++] = Hex(b & 0xF);
        }

        // The length guards against the (theoretical) collision of two different algorithms' outputs.
        var length = text.Length.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        length.CopyTo(0, chars, i, 8);
        return new string(chars);
    }

    private static char Hex(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
