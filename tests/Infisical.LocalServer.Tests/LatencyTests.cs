using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>Latency injection per route class: the profile parser, the control route and the delays themselves.</summary>
public sealed class LatencyTests
{
    [Fact]
    public void Real_profile_uses_the_midpoints_of_the_real_server_figures()
    {
        var real = LatencyProfile.Parse("real");
        Assert.Equal((130, 25, 170, 0), (real.LoginMilliseconds, real.ListMilliseconds, real.GetMilliseconds, real.OtherMilliseconds));
        Assert.True(LatencyProfile.Parse("none").IsZero);
    }

    [Fact]
    public void Parse_reads_a_subset_of_classes_and_names_a_bad_part()
    {
        var p = LatencyProfile.Parse("get=7, login=5");
        Assert.Equal((5, 0, 7, 0), (p.LoginMilliseconds, p.ListMilliseconds, p.GetMilliseconds, p.OtherMilliseconds));
        Assert.Contains("'fetch'", Assert.Throws<ArgumentException>(() => LatencyProfile.Parse("fetch=3")).Message);
        Assert.Contains("'get=-1'", Assert.Throws<ArgumentException>(() => LatencyProfile.Parse("get=-1")).Message);
    }

    [Fact]
    public async Task Get_by_name_pays_the_get_delay_and_list_pays_the_list_delay()
    {
        await using var h = await Harness.StartAsync();
        var token = await h.LoginAsync();
        var (set, body) = await h.SendAsync(HttpMethod.Put, "/__test/latency", new JsonObject { ["getMilliseconds"] = 400 });
        Assert.Equal(HttpStatusCode.OK, set);
        Assert.Equal(400, body!["getMilliseconds"]!.GetValue<int>());
        Assert.Equal(0, body["listMilliseconds"]!.GetValue<int>());

        var watch = Stopwatch.StartNew();
        var (got, _) = await h.GetAsync(h.GetUrl("DB_PASSWORD", "environment=dev"), token);
        Assert.True(watch.ElapsedMilliseconds >= 400, $"get took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, got);

        h.Server.Latency = new LatencyProfile { ListMilliseconds = 300 };
        watch.Restart();
        var (listed, _) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        Assert.True(watch.ElapsedMilliseconds >= 300, $"list took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Equal(300, h.Server.Latency!.ListMilliseconds);
        Assert.Equal(0, h.Server.Latency.GetMilliseconds);
    }

    [Fact]
    public async Task Control_route_sets_the_real_preset_resets_and_rejects_negative_delays()
    {
        await using var h = await Harness.StartAsync();
        var (_, real) = await h.SendAsync(HttpMethod.Put, "/__test/latency", new JsonObject { ["profile"] = "real", ["listMilliseconds"] = 22 });
        Assert.Equal(130, real!["loginMilliseconds"]!.GetValue<int>());
        Assert.Equal(22, real["listMilliseconds"]!.GetValue<int>());
        var (bad, _) = await h.SendAsync(HttpMethod.Put, "/__test/latency", new JsonObject { ["getMilliseconds"] = -5 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad);
        Assert.Equal(22, h.Server.Latency!.ListMilliseconds);
        var (_, cleared) = await h.SendAsync(HttpMethod.Delete, "/__test/latency");
        Assert.Equal(0, cleared!["loginMilliseconds"]!.GetValue<int>());
        Assert.True(h.Server.Latency.IsZero);
    }
}
