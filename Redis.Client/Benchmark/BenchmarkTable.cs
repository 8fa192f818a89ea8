namespace Redis.Client.Benchmark;

/// <summary>A benchmark's results as rows and columns, ready for any output format.</summary>
/// <param name="Name">Which benchmark: <c>sizes</c> or <c>throughput</c>.</param>
/// <param name="Settings">What was run, written as is into the JSON report.</param>
/// <param name="Rows">One value per column: <see cref="string"/>, <see cref="int"/>, <see cref="long"/> or <see cref="double"/>.</param>
/// <param name="MismatchCount">Every wrong reply, even those not described.</param>
internal sealed record BenchmarkTable(
    string Name,
    string Server,
    object Settings,
    IReadOnlyList<BenchmarkColumn> Columns,
    IReadOnlyList<object[]> Rows,
    long MismatchCount,
    IReadOnlyList<string> Mismatches)
{
    public static BenchmarkTable From(SizeMatrixReport report)
    {
        var rows = new List<object[]>();
        foreach (var pair in report.Pairs)
        {
            rows.Add(SizeRow(pair, "SET", pair.Set, pair.SetFailures));
            rows.Add(SizeRow(pair, "GET", pair.Get, pair.GetMismatches));
        }

        BenchmarkColumn[] columns =
        [
            new("key_size", "key", BenchmarkColumnKind.Size),
            new("value_size", "value", BenchmarkColumnKind.Size),
            new("op", "op", BenchmarkColumnKind.Text),
            new("count", "count", BenchmarkColumnKind.Integer),
            new("avg_ms", "avg ms", BenchmarkColumnKind.Milliseconds),
            new("p50_ms", "p50 ms", BenchmarkColumnKind.Milliseconds),
            new("p99_ms", "p99 ms", BenchmarkColumnKind.Milliseconds),
            new("mb_per_s", "MB/s", BenchmarkColumnKind.Rate),
            new("mismatches", "mismatches", BenchmarkColumnKind.Integer),
        ];
        return new BenchmarkTable("sizes", report.Server, report.Settings, columns, rows, report.Pairs.Sum(p => p.Mismatches), report.Mismatches);
    }

    public static BenchmarkTable From(ThroughputReport report)
    {
        var settings = report.Settings;
        var rows = report.Results.Select(r => new object[]
        {
            r.Command, r.Latency.Count, settings.Pipeline, settings.DataSize, r.Latency.OperationsPerSecond,
            r.Latency.AverageMilliseconds, r.Latency.P50Milliseconds, r.Latency.P95Milliseconds,
            r.Latency.P99Milliseconds, r.Latency.MaxMilliseconds, r.Mismatches,
        }).ToList();
        BenchmarkColumn[] columns =
        [
            new("command", "command", BenchmarkColumnKind.Text),
            new("requests", "requests", BenchmarkColumnKind.Integer),
            new("pipeline", "pipeline", BenchmarkColumnKind.Integer),
            new("data_size", "data", BenchmarkColumnKind.Size),
            new("ops_per_s", "ops/s", BenchmarkColumnKind.Rate),
            new("avg_ms", "avg ms", BenchmarkColumnKind.Milliseconds),
            new("p50_ms", "p50 ms", BenchmarkColumnKind.Milliseconds),
            new("p95_ms", "p95 ms", BenchmarkColumnKind.Milliseconds),
            new("p99_ms", "p99 ms", BenchmarkColumnKind.Milliseconds),
            new("max_ms", "max ms", BenchmarkColumnKind.Milliseconds),
            new("mismatches", "mismatches", BenchmarkColumnKind.Integer),
        ];
        return new BenchmarkTable("throughput", report.Server, settings, columns, rows, report.Results.Sum(r => r.Mismatches), report.Mismatches);
    }

    private static object[] SizeRow(SizePairResult pair, string op, LatencySummary latency, int mismatches) =>
    [
        pair.KeySize, pair.ValueSize, op, latency.Count, latency.AverageMilliseconds, latency.P50Milliseconds,
        latency.P99Milliseconds, latency.MegabytesPerSecond, mismatches,
    ];
}
