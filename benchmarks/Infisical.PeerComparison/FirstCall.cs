using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace Infisical.PeerComparison;

/// <summary>
/// The first get-by-name in a fresh process, split into runtime start (process start to Main), login and the
/// first get, each including its JIT. Timed from the OS's process start time, as the Node side uses its time origin.
/// </summary>
internal static class FirstCall
{
    public static async Task<string> MeasureAsync(string url, string kind)
    {
        var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var toMain = (DateTime.UtcNow - processStart).TotalMilliseconds;
        var watch = Stopwatch.StartNew();
        await using var target = await Target.CreateAsync(url, kind);
        var login = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        await target.GetAsync();
        var get = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        await target.GetAsync();
        var second = watch.Elapsed.TotalMilliseconds;
        return string.Format(
            CultureInfo.InvariantCulture,
            "{{\"client\":\"{0}\",\"op\":\"first-call\",\"to_main_ms\":{1:0.#},\"login_ms\":{2:0.#},\"first_get_ms\":{3:0.#},\"second_get_ms\":{4:0.###},\"total_ms\":{5:0.#}}}",
            kind, toMain, login, get, second, toMain + login + get);
    }
}
