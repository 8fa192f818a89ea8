namespace Redis.Client.Benchmark;

/// <param name="Id">The CSV header and JSON property, in snake case.</param>
/// <param name="Header">The table and text header.</param>
internal sealed record BenchmarkColumn(string Id, string Header, BenchmarkColumnKind Kind);
