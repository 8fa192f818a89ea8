using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Sessions;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>The connection and server commands clients send at connect: HELLO, CLIENT, SELECT, INFO, TIME, COMMAND.</summary>
/// <remarks>A server of its own, because INFO's counters and the client ids depend on everything done before.</remarks>
public abstract class ServerCommandTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : ServerCommandTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : ServerCommandTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public void HelloAnswersProtocolTwoAndRefusesOthers()
    {
        using var client = server.Connect();
        var id = client.Call("CLIENT", "ID");
        Assert.Equal(
            "*14\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:2\r\n$2\r\nid\r\n" + id +
            "$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n",
            client.Call("HELLO", "2", "SETNAME", "hello-name"));
        Assert.Equal("$10\r\nhello-name\r\n", client.Call("CLIENT", "GETNAME"));
        Assert.Equal("-NOPROTO unsupported protocol version\r\n", client.Call("HELLO", "4"));
        Assert.StartsWith("*14\r\n", client.Call("HELLO"), StringComparison.Ordinal);
        Assert.StartsWith("*14\r\n", client.Call("HELLO", "2", "AUTH", "default", "anything"), StringComparison.Ordinal);
    }

    [Fact]
    public void ClientStateBelongsToOneConnection()
    {
        long firstId;
        using (var first = server.Connect())
        {
            Assert.Equal("+OK\r\n", first.Call("CLIENT", "SETNAME", "worker-1"));
            Assert.Equal("+OK\r\n", first.Call("CLIENT", "SETINFO", "LIB-NAME", "my-lib"));
            Assert.Equal("+OK\r\n", first.Call("CLIENT", "SETINFO", "lib-ver", "1.2.3"));
            Assert.Equal("-ERR Unrecognized option 'foo'\r\n", first.Call("CLIENT", "SETINFO", "foo", "x"));
            Assert.Equal("-ERR lib-ver cannot contain spaces, newlines or special characters.\r\n",
                first.Call("CLIENT", "SETINFO", "lib-ver", "1 2"));
            var info = first.Call("CLIENT", "INFO");
            firstId = long.Parse(first.Call("CLIENT", "ID")[1..^2], CultureInfo.InvariantCulture);
            Assert.Contains($"id={firstId} ", info, StringComparison.Ordinal);
            Assert.Contains(" name=worker-1 ", info, StringComparison.Ordinal);
            Assert.Contains(" cmd=client|info ", info, StringComparison.Ordinal);
            Assert.Contains(" lib-name=my-lib lib-ver=1.2.3\n\r\n", info, StringComparison.Ordinal);
            Assert.StartsWith("*", first.Call("CLIENT", "HELP"), StringComparison.Ordinal);
        }

        using var second = server.Connect();
        Assert.Equal("$-1\r\n", second.Call("CLIENT", "GETNAME"));
        Assert.Equal($":{firstId + 1}\r\n", second.Call("CLIENT", "ID"));
    }

    [Fact]
    public void SelectAcceptsTheSixteenDatabases()
    {
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("SELECT", "15"));
        Assert.Equal("+OK\r\n", client.Call("SELECT", "0"));
        Assert.Equal("-ERR DB index is out of range\r\n", client.Call("SELECT", "16"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", client.Call("SELECT", "x"));
    }

    [Fact]
    public void TimeFollowsTheServerClock()
    {
        using var client = server.Connect();
        var now = server.Clock.GetUtcNow();
        var micros = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        Assert.Equal(
            $"*2\r\n{Bulk((micros / 1_000_000).ToString(CultureInfo.InvariantCulture))}{Bulk((micros % 1_000_000).ToString(CultureInfo.InvariantCulture))}",
            client.Call("TIME"));
    }

    [Fact]
    public void InfoUsesRedisSectionsFieldNamesAndLineEnds()
    {
        using var client = server.Connect();

        // The event loop closes an earlier test's connection when it reads its end; until then it is a client too.
        Assert.True(SpinWait.SpinUntil(() => server.Services.GetRequiredService<ClientRegistry>().Count == 1, TimeSpan.FromSeconds(10)));
        client.Call("FLUSHALL");
        client.Call("SET", "info:a", "1", "EX", "100");
        client.Call("SET", "info:b", "2");
        var before = Stats(client.Call("INFO", "stats"));
        client.Call("GET", "info:a");
        client.Call("GET", "info:missing");
        client.Call("SET", "info:gone", "v", "PX", "1");
        server.Clock.Advance(TimeSpan.FromMilliseconds(2));
        client.Call("GET", "info:gone");

        var stats = Stats(client.Call("INFO", "STATS"));
        Assert.Equal(before["keyspace_hits"] + 1, stats["keyspace_hits"]);
        Assert.Equal(before["keyspace_misses"] + 2, stats["keyspace_misses"]);
        Assert.Equal(before["expired_keys"] + 1, stats["expired_keys"]);
        Assert.True(stats["total_commands_processed"] > before["total_commands_processed"]);

        Assert.Matches(@"^\$\d+\r\n# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=\d+\r\n\r\n$", client.Call("INFO", "keyspace"));
        Assert.Equal("$0\r\n\r\n", client.Call("INFO", "nosuchsection"));

        var all = client.Call("INFO");
        var body = all[(all.IndexOf("\r\n", StringComparison.Ordinal) + 2)..^2];
        Assert.Equal(
            ["# Server", "# Clients", "# Memory", "# Persistence", "# Stats", "# Replication", "# CPU", "# Modules", "# Errorstats", "# Cluster", "# Keyspace"],
            body.Split("\r\n").Where(line => line.StartsWith('#')));
        Assert.DoesNotContain("\n", body.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\r\nredis_version:7.0.15\r\n", body, StringComparison.Ordinal);
        Assert.Contains($"\r\nprocess_id:{Environment.ProcessId}\r\n", body, StringComparison.Ordinal);
        Assert.Contains("\r\nconnected_clients:1\r\n", body, StringComparison.Ordinal);
        Assert.Matches(@"\r\nused_memory:\d+\r\n", body);
        Assert.Matches(@"\r\nuptime_in_seconds:\d+\r\n", body);
        Assert.Matches(@"\r\nrun_id:[0-9a-f]{40}\r\n", body);
        Assert.Contains("\r\n\r\n# Clients\r\n", body, StringComparison.Ordinal);
        Assert.Contains($"\r\ntcp_port:{server.Port}\r\n", body, StringComparison.Ordinal);
        Assert.Contains(
            client.Call("CONFIG", "GET", "io-model").EndsWith($"\r\n{BlockingTransport.IoModel}\r\n", StringComparison.Ordinal)
                ? "\r\nmultiplexing_api:blocking\r\nio_model:one thread, blocking sockets, one client at a time\r\n"
                : "\r\nmultiplexing_api:epoll\r\nio_model:one thread, epoll, every client at once\r\n",
            body,
            StringComparison.Ordinal);
        Assert.Contains("\r\nwaiting_clients:0\r\n", body, StringComparison.Ordinal);
        Assert.Matches(@"\r\ninstantaneous_ops_per_sec:\d+\r\n", body);
        Assert.Matches(@"\r\ninstantaneous_input_kbps:\d+\.\d\d\r\n", body);
        Assert.Matches(@"\r\nprotocol_error_disconnections:\d+\r\n", body);
    }

    [Fact]
    public void InfoEstimatesTheAverageTtlFromTheSweepsSamples()
    {
        using var client = server.Connect();

        // The sweep runs on the server's clock (hz 10): after a clock move of a period, the tick that follows the next
        // command sweeps. Spend any tick an earlier test left due, so none runs until this test moves the clock.
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        client.Call("PING");
        client.Call("FLUSHALL");
        client.Call("SET", "ttl:a", "1", "EX", "100");
        client.Call("SET", "ttl:b", "1", "EX", "300");
        Assert.Contains("avg_ttl=0\r\n", client.Call("INFO", "keyspace"), StringComparison.Ordinal);

        // The first sweep sets the estimate to the mean TTL of its sample (99 s and 299 s by then, drawn at random).
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        client.Call("PING");
        var info = client.Call("INFO", "keyspace");
        var averageTtl = long.Parse(info[(info.IndexOf("avg_ttl=", StringComparison.Ordinal) + 8)..].Split('\r')[0], CultureInfo.InvariantCulture);
        Assert.InRange(averageTtl, 99_000, 299_000);

        client.Call("FLUSHALL");
        client.Call("SET", "ttl:c", "1");
        Assert.Contains("avg_ttl=0", client.Call("INFO", "keyspace"), StringComparison.Ordinal);
    }

    [Fact]
    public void CommandCountMatchesTheCommandTable()
    {
        using var client = server.Connect();
        var count = long.Parse(client.Call("COMMAND", "COUNT")[1..^2], CultureInfo.InvariantCulture);
        var list = client.Call("COMMAND", "LIST");
        Assert.StartsWith($"*{count}\r\n", list, StringComparison.Ordinal);
        foreach (var name in new[] { "set", "getex", "incrbyfloat", "scan", "pexpireat", "expiretime", "hello", "client", "info", "time" })
        {
            Assert.Contains($"\r\n{name}\r\n", list, StringComparison.Ordinal);
        }

        Assert.Equal("-ERR wrong number of arguments for 'client|setname' command\r\n", client.Call("CLIENT", "SETNAME"));
    }

    private static string Bulk(string text) => $"${text.Length}\r\n{text}\r\n";

    private static Dictionary<string, long> Stats(string reply) => reply
        .Split("\r\n")
        .Select(line => line.Split(':'))
        .Where(parts => parts.Length == 2 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out _))
        .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], CultureInfo.InvariantCulture));
}
