using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary><see cref="TestControls.WhenIdleAsync"/>: the request log is complete once the server has nothing in hand.</summary>
public sealed class RequestLogIdleTests
{
    [Fact]
    public async Task A_request_the_client_gave_up_on_is_logged_by_the_time_the_server_is_idle()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Controls.InjectFault(new FaultRule { PathContains = "/api/status", StatusCode = 503, DelayMilliseconds = 500 });
        var handled = h.Http.GetAsync("/api/status");
        using (var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            // The server is still waiting out the fault when the client stops caring.
            await Assert.ThrowsAnyAsync<Exception>(() => handled.WaitAsync(giveUp.Token));
        }

        await h.Server.Controls.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var entry = Assert.Single(h.Server.Controls.Requests, r => r.Path == "/api/status");
        Assert.Equal(503, entry.Status);
        await handled;
    }
}

/// <summary>The request log keeps the newest 10,000 entries, oldest first.</summary>
public sealed class RequestLogBoundTests
{
    [Fact]
    public async Task A_full_log_drops_its_oldest_entry_for_each_new_one()
    {
        await using var h = await Harness.StartAsync();
        var controls = h.Server.Controls;
        controls.ClearRequests();
        for (var i = 0; i < 10_005; i++)
        {
            controls.Record(new RequestLogEntry(DateTimeOffset.UnixEpoch, "GET", "/r" + i, string.Empty, 200, false));
        }

        var log = controls.Requests;
        Assert.Equal(10_000, log.Count);
        Assert.Equal("/r5", log[0].Path);
        Assert.Equal("/r10004", log[^1].Path);
        Assert.Equal(Enumerable.Range(5, 10_000).Select(i => "/r" + i), log.Select(e => e.Path));
    }
}
