using System.IO;
using System.Threading.Tasks;
using Infisical.Build.Tests.Support;
using Xunit;

namespace Infisical.Build.Tests.EndToEnd;

/// <summary>Replays a binary log into a diagnostic-verbosity text log, so a test can search everything it recorded.</summary>
internal static class BinlogText
{
    public static async Task<string> ReplayAsync(PackagedBuildFixture fixture, string binlog)
    {
        var text = binlog + ".diag.log";
        var replay = await fixture.DotnetAsync(Path.GetDirectoryName(binlog)!, new[] { "msbuild", binlog, "-noconlog", "-nologo", "-fl", $"-flp:logfile={text};verbosity=diagnostic" });
        Assert.True(replay.ExitCode == 0, "binlog replay failed:\n" + replay.Output);
        return await File.ReadAllTextAsync(text);
    }
}
