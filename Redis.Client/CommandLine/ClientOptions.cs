using Redis.Client.Benchmark;
using Redis.Client.Rendering;

namespace Redis.Client.CommandLine;

/// <summary>What the command line asked for.</summary>
/// <param name="Format">The reply format forced by <c>--raw</c> or <c>--no-raw</c>; null to choose by whether output is a terminal.</param>
/// <param name="Command">The words of a one-shot command; empty for the REPL.</param>
/// <param name="Throughput">Set when any throughput option was given: the benchmark measures throughput rather than the size matrix.</param>
/// <param name="BenchmarkOutput">CSV or JSON when asked for; null to choose by whether output is a terminal.</param>
internal sealed record ClientOptions(
    string Host,
    int Port,
    ReplyFormat? Format,
    IReadOnlyList<string> Command,
    bool Benchmark,
    SizeMatrixSettings Sizes,
    ThroughputSettings? Throughput,
    BenchmarkOutput? BenchmarkOutput);
