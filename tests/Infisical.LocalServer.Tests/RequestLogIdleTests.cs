using System;
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
