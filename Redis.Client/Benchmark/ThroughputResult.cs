namespace Redis.Client.Benchmark;

/// <summary>One command's throughput and latency.</summary>
internal sealed record ThroughputResult(string Command, LatencySummary Latency, int Mismatches);
