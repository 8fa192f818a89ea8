namespace Redis.Client.Benchmark;

/// <summary>What one key size and value size measured: SET and GET latencies, and how many of each went wrong.</summary>
/// <param name="SetFailures">SETs not answered <c>OK</c>.</param>
/// <param name="GetMismatches">GETs that did not return exactly the bytes SET sent.</param>
internal sealed record SizePairResult(int KeySize, int ValueSize, LatencySummary Set, LatencySummary Get, int SetFailures, int GetMismatches)
{
    public int Mismatches => SetFailures + GetMismatches;
}
