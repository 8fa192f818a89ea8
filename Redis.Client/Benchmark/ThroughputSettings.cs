namespace Redis.Client.Benchmark;

/// <summary>The throughput benchmark, in redis-benchmark's terms (<c>-n</c>, <c>-P</c>, <c>-d</c>, <c>-r</c>).</summary>
/// <param name="Requests">Requests per command.</param>
/// <param name="Pipeline">Requests sent together before their replies are read.</param>
/// <param name="DataSize">Value size of SET, in bytes.</param>
/// <param name="Keyspace">Keys are drawn at random from this many.</param>
/// <param name="Seed">Seeds the key draws, so two runs touch the same keys.</param>
internal sealed record ThroughputSettings(int Requests, int Pipeline, int DataSize, int Keyspace, int Seed)
{
    public static ThroughputSettings Default { get; } = new(100_000, 1, 3, 10_000, 1);

    /// <summary>The commands measured, in order; GET reads the keys SET wrote, so every GET must find its value.</summary>
    public static IReadOnlyList<string> Commands { get; } = ["SET", "GET"];

    public int TotalOperations => Requests * Commands.Count;
}
