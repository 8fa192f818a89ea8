namespace Redis.Client.Benchmark;

/// <summary>The throughput benchmark's results, and a description of every mismatch.</summary>
internal sealed record ThroughputReport(string Server, ThroughputSettings Settings, IReadOnlyList<ThroughputResult> Results, IReadOnlyList<string> Mismatches);
