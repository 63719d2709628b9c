using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Infisical.PeerComparison;

/// <summary>
/// A closed loop: <c>concurrency</c> workers each call back to back for a fixed time after a one-second warm-up;
/// every call's latency is kept, so p50/p99 and throughput come from the same calls.
/// </summary>
internal sealed class LoadRun
{
    private LoadRun(long[] latencyTicks, TimeSpan elapsed)
    {
        Array.Sort(latencyTicks);
        Latencies = latencyTicks;
        Elapsed = elapsed;
    }

    public long[] Latencies { get; }

    public TimeSpan Elapsed { get; }

    public static async Task<LoadRun> RunAsync(Func<Task> call, int concurrency, TimeSpan duration)
    {
        await Loop(call, concurrency, TimeSpan.FromSeconds(1));
        return await Loop(call, concurrency, duration);
    }

    /// <summary>The same call <paramref name="times"/> times in a row (after two warm-ups), for the list figure.</summary>
    public static async Task<LoadRun> RepeatAsync(Func<Task> call, int times)
    {
        await call();
        await call();
        var ticks = new long[times];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        return new LoadRun(ticks, total.Elapsed);
    }

    public string ToJson(string client, string operation, int concurrency) => string.Format(
        CultureInfo.InvariantCulture,
        "{{\"client\":\"{0}\",\"op\":\"{1}\",\"c\":{2},\"calls\":{3},\"p50_ms\":{4:0.####},\"p99_ms\":{5:0.####},\"per_s\":{6:0.#}}}",
        client, operation, concurrency, Latencies.Length, Percentile(0.50), Percentile(0.99), Latencies.Length / Elapsed.TotalSeconds);

    private double Percentile(double p) =>
        Latencies.Length == 0 ? 0 : Latencies[Math.Min(Latencies.Length - 1, (int)(p * Latencies.Length))] * 1000.0 / Stopwatch.Frequency;

    private static async Task<LoadRun> Loop(Func<Task> call, int concurrency, TimeSpan duration)
    {
        var perWorker = new List<long>[concurrency];
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var ticks = perWorker[w] = new List<long>(1 << 16);
            long now;
            while ((now = Stopwatch.GetTimestamp()) < stopAt)
            {
                await call().ConfigureAwait(false);
                ticks.Add(Stopwatch.GetTimestamp() - now);
            }
        }));
        await Task.WhenAll(workers);
        var elapsed = total.Elapsed;
        return new LoadRun(perWorker.SelectMany(t => t).ToArray(), elapsed);
    }
}
