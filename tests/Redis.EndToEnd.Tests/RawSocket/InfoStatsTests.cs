using System.Globalization;
using System.Text.RegularExpressions;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary><c>INFO commandstats</c>, <c>INFO errorstats</c> and <c>total_error_replies</c> on the wire, and <c>CONFIG RESETSTAT</c>.</summary>
/// <remarks>A server of its own: the counters are the whole server's, and each test starts them again with RESETSTAT.</remarks>
public abstract partial class InfoStatsTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : InfoStatsTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : InfoStatsTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public void CountsCallsRejectionsAndFailuresPerCommandAndSubcommand()
    {
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("CONFIG", "RESETSTAT"));
        client.Call("SET", "stats:s", "v");
        client.Call("GET", "stats:s");
        Assert.Equal("-ERR wrong number of arguments for 'get' command\r\n", client.Call("GET"));
        Assert.StartsWith("-WRONGTYPE ", client.Call("LPUSH", "stats:s", "x"), StringComparison.Ordinal);
        client.Call("CLIENT", "ID");
        client.Call("client", "id");
        Assert.Equal("-ERR unknown subcommand 'NOSUCH'. Try CLIENT HELP.\r\n", client.Call("CLIENT", "NOSUCH"));
        Assert.StartsWith("-ERR unknown command ", client.Call("NOSUCHCOMMAND"), StringComparison.Ordinal);

        var stats = CommandStats(client.Call("INFO", "commandstats"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["config|resetstat"] = "calls=1,rejected_calls=0,failed_calls=0",
                ["set"] = "calls=1,rejected_calls=0,failed_calls=0",
                ["get"] = "calls=1,rejected_calls=1,failed_calls=0",
                ["lpush"] = "calls=1,rejected_calls=0,failed_calls=1",
                ["client|id"] = "calls=2,rejected_calls=0,failed_calls=0",
            },
            stats);
        Assert.Equal(
            "# Errorstats\r\nerrorstat_ERR:count=3\r\nerrorstat_WRONGTYPE:count=1\r\n",
            Body(client.Call("INFO", "errorstats")));
        Assert.Contains("\r\ntotal_error_replies:4\r\n", client.Call("INFO", "stats"), StringComparison.Ordinal);
    }

    [Fact]
    public void CountsTheCommandsExecRanAndItsAbortOnTheirOwn()
    {
        using var client = server.Connect();
        client.Call("CONFIG", "RESETSTAT");
        client.Call("SET", "stats:t", "v");
        client.Call("MULTI");
        client.Call("INCR", "stats:t");
        Assert.Equal("*1\r\n-ERR value is not an integer or out of range\r\n", client.Call("EXEC"));
        client.Call("MULTI");
        client.Call("GET");
        Assert.Equal("-EXECABORT Transaction discarded because of previous errors.\r\n", client.Call("EXEC"));

        var stats = CommandStats(client.Call("INFO", "commandstats"));
        Assert.Equal("calls=1,rejected_calls=0,failed_calls=1", stats["incr"]);
        Assert.Equal("calls=0,rejected_calls=1,failed_calls=0", stats["get"]);
        Assert.Equal("calls=2,rejected_calls=0,failed_calls=0", stats["multi"]);
        Assert.Equal("calls=2,rejected_calls=0,failed_calls=1", stats["exec"]);
        Assert.Equal(
            "# Errorstats\r\nerrorstat_ERR:count=2\r\nerrorstat_EXECABORT:count=1\r\n",
            Body(client.Call("INFO", "errorstats")));
    }

    [Fact]
    public void ResetStatStartsTheCountersAgain()
    {
        using var client = server.Connect();
        client.Call("GET");
        client.Call("PING");

        Assert.Equal("+OK\r\n", client.Call("CONFIG", "RESETSTAT"));

        // RESETSTAT itself is counted once it ran, as Redis's call() counts it.
        Assert.Equal(["config|resetstat"], CommandStats(client.Call("INFO", "commandstats")).Keys);
        Assert.Equal("# Errorstats\r\n", Body(client.Call("INFO", "errorstats")));
        Assert.Contains("\r\ntotal_error_replies:0\r\n", client.Call("INFO", "stats"), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultLeavesCommandstatsOutAndEverythingHasIt()
    {
        using var client = server.Connect();
        string[] defaults = ["# Server", "# Clients", "# Memory", "# Persistence", "# Stats", "# Replication", "# CPU", "# Modules", "# Errorstats", "# Cluster", "# Keyspace"];

        Assert.Equal(defaults, Headers(client.Call("INFO")));
        Assert.Equal(defaults, Headers(client.Call("INFO", "default")));
        Assert.Equal([.. defaults[..8], "# Commandstats", .. defaults[8..]], Headers(client.Call("INFO", "everything")));
        Assert.Equal([.. defaults[..8], "# Commandstats", .. defaults[8..]], Headers(client.Call("INFO", "all")));
        Assert.Equal(["# Commandstats", "# Errorstats"], Headers(client.Call("INFO", "errorstats", "COMMANDSTATS")));
    }

    /// <summary>Each <c>cmdstat_</c> line by command, with the times checked for their form and left out.</summary>
    private static Dictionary<string, string> CommandStats(string reply)
    {
        var stats = new Dictionary<string, string>();
        foreach (var line in Body(reply).Split("\r\n").Where(line => line.StartsWith("cmdstat_", StringComparison.Ordinal)))
        {
            var match = CommandStatLine().Match(line);
            Assert.True(match.Success, line);
            var (calls, usec, perCall) = (long.Parse(match.Groups["calls"].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups["usec"].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups["per"].Value, CultureInfo.InvariantCulture));
            Assert.Equal(calls == 0 ? 0 : Math.Round((double)usec / calls, 2), perCall, 2);
            stats[match.Groups["name"].Value] = $"calls={calls},{match.Groups["rest"].Value}";
        }

        return stats;
    }

    private static string Body(string bulk) => bulk[(bulk.IndexOf("\r\n", StringComparison.Ordinal) + 2)..^2];

    private static string[] Headers(string bulk) => [.. Body(bulk).Split("\r\n").Where(line => line.StartsWith('#'))];

    [GeneratedRegex(@"^cmdstat_(?<name>[a-z|-]+):calls=(?<calls>\d+),usec=(?<usec>\d+),usec_per_call=(?<per>\d+\.\d\d),(?<rest>rejected_calls=\d+,failed_calls=\d+)$")]
    private static partial Regex CommandStatLine();
}
