namespace Redis.Client.Benchmark;

/// <summary>How a column's values are shown to people; scripts (CSV, JSON) always get the plain number.</summary>
internal enum BenchmarkColumnKind
{
    Text,
    Integer,

    /// <summary>A byte count, shown as <c>10 KB</c> when it is a whole number of KB.</summary>
    Size,

    /// <summary>Milliseconds, shown with three decimals.</summary>
    Milliseconds,

    /// <summary>A rate (MB/s, ops/s), shown with one decimal.</summary>
    Rate,
}
