using System.Threading;

namespace Infisical.Client.Tests.Support;

/// <summary>
/// A client clock for tests against the local server: "now" comes from a function (usually the server's fake clock),
/// and when <c>onDelay</c> is given every wait the client asks for is reported to it and ends at once, so retry tests
/// neither sleep nor lose the waits they assert on. Without <c>onDelay</c>, waits take real time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly Func<DateTimeOffset> now;
    private readonly Action<TimeSpan>? onDelay;

    public TestClock(Func<DateTimeOffset> now, Action<TimeSpan>? onDelay = null)
    {
        this.now = now;
        this.onDelay = onDelay;
    }

    public override DateTimeOffset GetUtcNow() => now();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (onDelay == null)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        onDelay(dueTime);
        // Fired off the caller's stack: the caller has not stored the timer yet when CreateTimer returns.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
