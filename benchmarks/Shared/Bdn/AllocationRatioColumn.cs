using System;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

/// <summary>
/// "Alloc/Payload": bytes allocated per operation divided by a payload size the benchmark recorded for that case
/// (e.g. the response body of a list), so the table shows the overhead factor next to the raw figure.
/// </summary>
public sealed class AllocationRatioColumn : IColumn
{
    private readonly Func<BenchmarkCase, long?> _payloadBytes;

    public AllocationRatioColumn(Func<BenchmarkCase, long?> payloadBytes) => _payloadBytes = payloadBytes;

    public string Id => nameof(AllocationRatioColumn);

    public string ColumnName => "Alloc/Payload";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Metric;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Allocated bytes per operation / payload bytes (response body or input size)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var allocated = summary[benchmarkCase]?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        var payload = _payloadBytes(benchmarkCase);
        return allocated is long a && payload is long p && p > 0
            ? (a / (double)p).ToString("0.00", CultureInfo.InvariantCulture) + "x"
            : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
