using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Infisical.LocalServer;

/// <summary>
/// Hooks for client tests: injected faults, a request log (method, path, query, status; never bodies or headers)
/// and the fake clock. Always reachable in-process through <see cref="LocalInfisicalServer.Controls"/>; over HTTP
/// only under <c>/__test/…</c> when <see cref="LocalServerOptions.EnableTestControls"/> is on.
/// </summary>
public sealed class TestControls
{
    private const int MaxLogEntries = 10_000;
    private readonly object sync = new();
    private readonly List<FaultRule> faults = new();
    // A queue, not a list: dropping the oldest entry of a full log is then O(1) per request, not a shift of 10,000.
    private readonly Queue<RequestLogEntry> log = new();
    private int inFlight;
    private TaskCompletionSource idle = Idle();

    /// <summary>Whether a path is a <c>/__test/…</c> control route, which is neither logged, faulted nor rate limited.</summary>
    internal static bool IsControlPath(string path) => path.StartsWith("/__test", StringComparison.Ordinal);

    /// <summary>Creates controls on a clock.</summary>
    internal TestControls(ServerClock clock) => Clock = clock;

    /// <summary>The server clock.</summary>
    public ServerClock Clock { get; }

    /// <summary>Makes the next <see cref="FaultRule.Count"/> matching requests fail as described.</summary>
    public void InjectFault(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (sync)
        {
            faults.Add(rule);
        }
    }

    /// <summary>Removes all pending faults.</summary>
    public void ClearFaults()
    {
        lock (sync)
        {
            faults.Clear();
        }
    }

    /// <summary>Takes one use of the first rule matching a request, if any.</summary>
    internal FaultRule? TakeFault(string method, string path)
    {
        lock (sync)
        {
            var rule = faults.FirstOrDefault(f => f.Matches(method, path));
            if (rule == null)
            {
                return null;
            }

            rule.Count--;
            if (rule.Count <= 0)
            {
                faults.Remove(rule);
            }

            return rule;
        }
    }

    /// <summary>Requests received so far (oldest first), excluding <c>/__test</c> routes.</summary>
    public IReadOnlyList<RequestLogEntry> Requests
    {
        get
        {
            lock (sync)
            {
                return log.ToList();
            }
        }
    }

    /// <summary>Clears the request log.</summary>
    public void ClearRequests()
    {
        lock (sync)
        {
            log.Clear();
        }
    }

    /// <summary>Appends to the log.</summary>
    internal void Record(RequestLogEntry entry)
    {
        lock (sync)
        {
            if (log.Count >= MaxLogEntries)
            {
                log.Dequeue();
            }

            log.Enqueue(entry);
        }
    }

    /// <summary>
    /// Completes once no request is being handled, so every request that reached the server is in <see cref="Requests"/>.
    /// A client call that has returned has had each of its requests reach the server (answered or aborted), so after
    /// awaiting this a "nothing else was sent" check cannot miss one that is logged late (an aborted connection).
    /// </summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (sync)
        {
            return idle.Task.WaitAsync(cancellationToken);
        }
    }

    internal void RequestStarted()
    {
        lock (sync)
        {
            if (inFlight++ == 0)
            {
                idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    internal void RequestFinished()
    {
        TaskCompletionSource? done = null;
        lock (sync)
        {
            if (--inFlight == 0)
            {
                done = idle;
            }
        }

        done?.TrySetResult();
    }

    private static TaskCompletionSource Idle()
    {
        var completed = new TaskCompletionSource();
        completed.SetResult();
        return completed;
    }

    /// <summary>Advances the fake clock (token TTLs, JWT exp, timestamps, rate-limit windows).</summary>
    public void AdvanceClock(TimeSpan by) => Clock.Advance(by);
}

/// <summary>
/// A fault for the next <see cref="Count"/> requests whose path contains <see cref="PathContains"/>
/// (and whose method equals <see cref="Method"/>, when set).
/// </summary>
public sealed class FaultRule
{
    /// <summary>Substring of the request path (ordinal), e.g. "/api/v3/secrets/raw".</summary>
    public string PathContains { get; set; } = "/";

    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; set; }

    /// <summary>How many requests fail.</summary>
    public int Count { get; set; } = 1;

    /// <summary>Status to answer (with an error body in the server's format). Ignored when <see cref="Abort"/>.</summary>
    public int StatusCode { get; set; } = 503;

    /// <summary>Value of a <c>Retry-After</c> header, if any.</summary>
    public string? RetryAfter { get; set; }

    /// <summary>Value of an <c>x-ratelimit-reset</c> header, if any.</summary>
    public string? RateLimitReset { get; set; }

    /// <summary>Drop the connection without answering.</summary>
    public bool Abort { get; set; }

    /// <summary>Wait this long before answering (or before running the real handler when <see cref="StatusCode"/> is 0).</summary>
    public int DelayMilliseconds { get; set; }

    /// <summary>Whether the rule applies.</summary>
    internal bool Matches(string method, string path) =>
        path.Contains(PathContains, StringComparison.Ordinal) &&
        (Method == null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One logged request. Holds no bodies and no headers, so no secrets or tokens.</summary>
public sealed record RequestLogEntry(DateTimeOffset At, string Method, string Path, string Query, int Status, bool Faulted);
