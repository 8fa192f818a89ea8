namespace Redis.Client.Benchmark;

/// <summary>The lab benchmark's results, and a description of every mismatch.</summary>
internal sealed record SizeMatrixReport(string Server, SizeMatrixSettings Settings, IReadOnlyList<SizePairResult> Pairs, IReadOnlyList<string> Mismatches);
