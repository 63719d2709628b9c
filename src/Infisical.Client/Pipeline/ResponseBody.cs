using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Infisical.Client.Pipeline;

/// <summary>
/// Reads an answer's body once, into a pooled buffer sized from Content-Length when the server sent one. Letting
/// HttpClient buffer it (ResponseContentRead) and then asking for a byte[] grows a stream and copies it again: a list
/// of 10,000 secrets cost twice its size before any parsing.
/// </summary>
internal static class ResponseBody
{
    /// <summary>Big enough for every single-secret answer, small enough to be cheap to rent for each one.</summary>
    private const int FirstChunk = 4096;

    /// <summary>The largest array length the runtime allows for bytes.</summary>
    private const int MaxArrayLength = 0x7FFFFFC7;

    /// <summary>
    /// The whole body, read until the stream ends (Content-Length only sizes the first buffer: a decompressing handler
    /// may leave the compressed length in place). The buffer comes from <see cref="ArrayPool{T}.Shared"/>.
    /// </summary>
    public static async Task<(byte[] Buffer, int Length)> ReadAsync(HttpContent? content, long maxSize, CancellationToken cancellationToken)
    {
        if (content == null)
        {
            return (Array.Empty<byte>(), 0);
        }

        var announced = content.Headers.ContentLength;
        if (announced > maxSize)
        {
            throw TooLarge(maxSize);
        }

        if (announced == 0)
        {
            return (Array.Empty<byte>(), 0);
        }

#if NET
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        // One byte more than announced, so the read that finds the end needs no second buffer.
        var buffer = ArrayPool<byte>.Shared.Rent(announced is long n ? (int)Math.Min(n + 1, MaxArrayLength) : FirstChunk);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, maxSize);
                }

                int read;
                try
                {
                    read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException e) when (!cancellationToken.IsCancellationRequested)
                {
                    // What ResponseContentRead reported for the same failure, so the network classification sees it.
                    throw new HttpRequestException("Error while copying content to a stream.", e);
                }

                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
                if (length > maxSize)
                {
                    throw TooLarge(maxSize);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] full, long maxSize)
    {
        if (full.Length >= Math.Min(maxSize + 1, MaxArrayLength))
        {
            throw TooLarge(maxSize);
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(full.Length * 2L, MaxArrayLength));
        Buffer.BlockCopy(full, 0, larger, 0, full.Length);
        ArrayPool<byte>.Shared.Return(full);
        return larger;
    }

    private static HttpRequestException TooLarge(long maxSize) =>
        new($"Cannot write more bytes to the buffer than the configured maximum buffer size: {maxSize}.");
}
