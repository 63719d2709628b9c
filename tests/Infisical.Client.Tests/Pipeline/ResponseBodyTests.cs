using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using Infisical.Client.Http;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Tests.Pipeline;

/// <summary>The transport reads the body itself: all of it, within the attempt's timeout, with the platform's failures.</summary>
public sealed class ResponseBodyTests
{
    [Fact]
    public async Task A_body_without_a_length_arrives_whole_across_many_reads()
    {
        var body = Enumerable.Range(0, 100_000).Select(i => (byte)('a' + (i % 26))).ToArray();
        using var transport = Transport(_ => Answer(new StreamContent(new Trickle(body, 1000))), TimeSpan.FromSeconds(30));
        var message = new PipelineMessage(Answers.Read(), default);

        await transport.ProcessAsync(message, default);

        Assert.Equal(body, message.Response!.Body.ToArray());
    }

    [Fact]
    public async Task A_length_smaller_than_the_body_only_sizes_the_first_buffer()
    {
        // As when a decompressing handler leaves the compressed length in place.
        var body = Encoding.UTF8.GetBytes(new string('x', 10_000));
        var content = new StreamContent(new Trickle(body, 4096));
        content.Headers.ContentLength = 10;
        using var transport = Transport(_ => Answer(content), TimeSpan.FromSeconds(30));
        var message = new PipelineMessage(Answers.Read(), default);

        await transport.ProcessAsync(message, default);

        Assert.Equal(body.Length, message.Response!.Body.Length);
    }

    [Fact]
    public async Task A_body_that_stops_coming_times_out_even_when_its_stream_ignores_cancellation()
    {
        using var transport = Transport(_ => Answer(new StreamContent(new Stalled())), TimeSpan.FromMilliseconds(300));

        // Without the disposal the read would wait forever: the bound turns that into a failure.
        var error = await Assert.ThrowsAsync<InfisicalTimeoutException>(
            () => transport.ProcessAsync(new PipelineMessage(Answers.Read(), default), default).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Contains("did not answer within 0.3 s", error.Message);
    }

    [Fact]
    public async Task A_body_the_connection_ends_early_is_a_cut_off_network_failure()
    {
        var stream = new Trickle(Encoding.UTF8.GetBytes("{\"secrets\":["), 5, new IOException("The response ended prematurely."));
        using var transport = Transport(_ => Answer(new StreamContent(stream)), TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<InfisicalNetworkException>(
            () => transport.ProcessAsync(new PipelineMessage(Answers.Read(), default), default));

        Assert.Equal(InfisicalNetworkFailure.ResponseCutOff, error.Failure);
    }

    [Fact]
    public async Task The_callers_cancellation_during_the_body_stays_a_cancellation()
    {
        using var cts = new CancellationTokenSource();
        using var transport = Transport(_ => Answer(new StreamContent(new Stalled(cts))), TimeSpan.FromSeconds(30));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => transport.ProcessAsync(new PipelineMessage(Answers.Read(), cts.Token), default).WaitAsync(TimeSpan.FromSeconds(20)));
    }

    private static HttpResponseMessage Answer(HttpContent content) => new(HttpStatusCode.OK) { Content = content };

    private static TransportPolicy Transport(Func<HttpRequestMessage, HttpResponseMessage> answer, TimeSpan timeout) =>
        new("https://infisical.test", new TransportSettings { HttpClient = new HttpClient(new StubHandler(answer)), Timeout = timeout }, new CredentialScrubber(), TimeProvider.System);

    /// <summary>Hands out at most <c>chunk</c> bytes per read, then ends (or fails) and cannot seek, so no length is known.</summary>
    private sealed class Trickle : Stream
    {
        private readonly byte[] _data;
        private readonly int _chunk;
        private readonly Exception? _end;
        private int _at;

        public Trickle(byte[] data, int chunk, Exception? end = null)
        {
            _data = data;
            _chunk = chunk;
            _end = end;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _at; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, _chunk), _data.Length - _at);
            if (n == 0 && _end != null)
            {
                throw _end;
            }

            Array.Copy(_data, _at, buffer, offset, n);
            _at += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Never yields a byte and ignores the read's token; only disposing it ends a read (it may cancel a source first).</summary>
    private sealed class Stalled : Stream
    {
        private readonly TaskCompletionSource<int> _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource? _cancelOnRead;

        public Stalled(CancellationTokenSource? cancelOnRead = null) => _cancelOnRead = cancelOnRead;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _cancelOnRead?.Cancel();
            return _disposed.Task;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _cancelOnRead?.Cancel();
            return new ValueTask<int>(_disposed.Task);
        }

        public override int Read(byte[] buffer, int offset, int count) => _disposed.Task.GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _disposed.TrySetException(new ObjectDisposedException(nameof(Stalled)));
            base.Dispose(disposing);
        }
    }
}
