using System.Net.Http;
using System.Net.Sockets;
using Infisical.Client.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Infisical.Client.Tests.Pipeline;

public sealed class RetryPolicyTests
{
    private static readonly RetrySettings Settings = new()
    {
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(30),
    };

    private static RetryPolicy Policy(FakeTimeProvider time) => new(Settings, time, NullLogger.Instance);

    /// <summary>A fake clock that says when a wait has begun, so the test advances time only once the policy waits.</summary>
    private sealed class WaitingClock : FakeTimeProvider
    {
        private readonly System.Threading.SemaphoreSlim _started = new(0);

        public async Task WaitStartedAsync() =>
            Assert.True(await _started.WaitAsync(TimeSpan.FromSeconds(10)), "The policy never began to wait.");

        public override System.Threading.ITimer CreateTimer(System.Threading.TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _started.Release();
            return timer;
        }
    }

    [Fact]
    public async Task A_read_waits_on_the_clock_between_attempts_and_returns_the_first_success()
    {
        var time = new WaitingClock();
        var next = new ScriptedNext(Answers.Status(503), Answers.Status(503), Answers.Status(200));

        var run = next.RunAsync(Policy(time), Answers.Read());
        await time.WaitStartedAsync();
        Assert.Equal(1, next.Calls);
        Assert.False(run.IsCompleted);

        // Backoff is 1 s ±20 %, then 2 s ±20 %: 1.2 s always ends the first wait, 2.4 s the second.
        time.Advance(TimeSpan.FromSeconds(1.2));
        await time.WaitStartedAsync();
        Assert.Equal(2, next.Calls);
        time.Advance(TimeSpan.FromSeconds(2.4));
        var message = await run;

        Assert.Equal(3, next.Calls);
        Assert.Equal(3, message.Attempt);
        Assert.Equal(HttpStatusCode.OK, message.Response!.Status);
    }

    [Fact]
    public async Task Retry_after_is_waited_exactly()
    {
        var time = new WaitingClock();
        var next = new ScriptedNext(Answers.Status(429, retryAfter: TimeSpan.FromSeconds(5)), Answers.Status(200));

        var run = next.RunAsync(Policy(time), Answers.Write());
        await time.WaitStartedAsync();
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(1, next.Calls);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await run;

        Assert.Equal(2, next.Calls);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_maximum_wait_is_returned_at_once()
    {
        var next = new ScriptedNext(Answers.Status(429, retryAfter: TimeSpan.FromMinutes(5)));

        var message = await next.RunAsync(Policy(new FakeTimeProvider()), Answers.Read());

        Assert.Equal(429, (int)message.Response!.Status);
        Assert.Equal(1, next.Calls);
    }

    [Theory]
    [InlineData("Read", 503, true)]
    [InlineData("Read", 408, true)]
    [InlineData("Read", 404, false)]
    [InlineData("Write", 503, false)]
    [InlineData("Write", 429, true)]
    [InlineData("Login", 502, true)]
    [InlineData("Login", 500, false)]
    [InlineData("Login", 401, false)]
    public void Which_answers_are_asked_again_depends_on_the_kind(string kind, int status, bool retried)
    {
        var request = new InfisicalRequest(HttpMethod.Get, "/x", new RequestOptions { Kind = Enum.Parse<RequestKind>(kind) });

        Assert.Equal(retried, RetryPolicy.IsRetryable(Answers.Status(status)(null!), request));
    }

    [Fact]
    public void A_read_500_that_names_a_bad_token_is_not_repeated()
    {
        var answer = Answers.Status(500, Answers.ErrorBody(500, "Internal Server Error", "jwt malformed"))(null!);

        Assert.False(RetryPolicy.IsRetryable(answer, Answers.Read()));
    }

    [Fact]
    public async Task A_write_is_repeated_after_a_refused_connection_but_not_after_a_reset()
    {
        var refused = Failure(SocketError.ConnectionRefused);
        var reset = Failure(SocketError.ConnectionReset);

        Assert.True(RetryPolicy.IsRetryable(refused, RequestKind.Write));
        Assert.False(RetryPolicy.IsRetryable(reset, RequestKind.Write));
        Assert.True(RetryPolicy.IsRetryable(reset, RequestKind.Read));

        var next = new ScriptedNext(Answers.Throws(reset));
        await Assert.ThrowsAsync<InfisicalNetworkException>(() => next.RunAsync(Policy(new FakeTimeProvider()), Answers.Write()));
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task A_timed_out_write_is_not_repeated_but_a_read_is()
    {
        var timeout = new InfisicalTimeoutException("no answer", null);
        var write = new ScriptedNext(Answers.Throws(timeout));
        await Assert.ThrowsAsync<InfisicalTimeoutException>(() => write.RunAsync(Policy(new FakeTimeProvider()), Answers.Write()));
        Assert.Equal(1, write.Calls);

        var time = new WaitingClock();
        var read = new ScriptedNext(Answers.Throws(timeout), Answers.Status(200));
        var run = read.RunAsync(Policy(time), Answers.Read());
        await time.WaitStartedAsync();
        time.Advance(TimeSpan.FromSeconds(1.2));
        await run;
        Assert.Equal(2, read.Calls);
    }

    private static InfisicalNetworkException Failure(SocketError error) =>
        new("failed", InfisicalNetworkFailure.Other, new HttpRequestException("failed", new SocketException((int)error)));
}
