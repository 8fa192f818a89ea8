using Redis.Client.Benchmark;
using Redis.Client.Connection;
using Redis.Client.Rendering;

namespace Redis.Client.CommandLine;

/// <summary>What the command line asked for.</summary>
/// <param name="Format">The reply format forced by <c>--raw</c> or <c>--no-raw</c>; null to choose by whether output is a terminal.</param>
/// <param name="Command">The words of a one-shot command; empty for the REPL.</param>
/// <param name="Throughput">Set when any throughput option was given: the benchmark measures throughput rather than the size matrix.</param>
/// <param name="BenchmarkOutput">CSV or JSON when asked for; null to choose by whether output is a terminal.</param>
/// <param name="Credentials">What to send as <c>AUTH</c> on connecting, from <c>-a</c>/<c>--pass</c>, <c>--user</c> or <c>REDISCLI_AUTH</c>.</param>
/// <param name="WarnAboutPassword">True when the password came from the command line and <c>--no-auth-warning</c> was not given.</param>
/// <param name="Database">redis-cli's <c>-n</c>: the database every connection selects.</param>
/// <param name="Repeat">redis-cli's <c>-r</c>: how many times the one-shot command runs; negative for ever.</param>
/// <param name="Interval">redis-cli's <c>-i</c>: the wait after each reply.</param>
/// <param name="Scan">redis-cli's <c>--scan</c>, with its <c>--pattern</c> and <c>--count</c>; null when not asked for.</param>
/// <param name="Pipe">redis-cli's <c>--pipe</c>: standard input is sent to the server as it is (mass insertion).</param>
/// <param name="StdinLastArg">redis-cli's <c>-x</c>: standard input is the one-shot command's last argument.</param>
/// <param name="Resp3">redis-cli's <c>-3</c>: every connection sends <c>HELLO 3</c> after AUTH and SELECT.</param>
internal sealed record ClientOptions(
    string Host,
    int Port,
    ReplyFormat? Format,
    IReadOnlyList<string> Command,
    bool Benchmark,
    SizeMatrixSettings Sizes,
    ThroughputSettings? Throughput,
    BenchmarkOutput? BenchmarkOutput,
    Credentials? Credentials = null,
    bool WarnAboutPassword = false,
    int Database = 0,
    long Repeat = 1,
    TimeSpan Interval = default,
    bool StdinLastArg = false,
    ScanSettings? Scan = null,
    bool Pipe = false,
    bool Resp3 = false);
