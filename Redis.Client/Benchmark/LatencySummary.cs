namespace Redis.Client.Benchmark;

/// <summary>The latency of one operation over a run: count, average and percentiles in milliseconds, and throughput.</summary>
/// <param name="MegabytesPerSecond">Payload bytes (key and value) moved per second of time spent in this operation; 1 MB = 10^6 bytes.</param>
/// <param name="OperationsPerSecond">Operations completed per second of wall-clock time.</param>
internal sealed record LatencySummary(
    long Count,
    double AverageMilliseconds,
    double P50Milliseconds,
    double P95Milliseconds,
    double P99Milliseconds,
    double MaxMilliseconds,
    double MegabytesPerSecond,
    double OperationsPerSecond);
