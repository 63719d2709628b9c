using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

/// <summary>
/// In-process and short (BenchmarkDotNet's ShortRun: 3 warm-ups, 3 iterations): the machine is shared and the whole
/// suite must fit in minutes; the figures are for orders of magnitude and ratios within one run, not nanoseconds.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
}
