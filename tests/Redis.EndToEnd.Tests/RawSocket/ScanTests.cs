using System.Text.RegularExpressions;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>SCAN's guarantee: every key present for the whole iteration is returned, whatever is added or deleted meanwhile.</summary>
public abstract partial class ScanTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : ScanTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : ScanTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public void ReturnsEveryStableKeyWhileOthersAreAddedAndDeleted()
    {
        using var client = server.Connect();
        client.Call("FLUSHALL");
        for (var i = 0; i < 300; i++)
        {
            client.Call("SET", $"stable:{i}", "v");
            client.Call("SET", $"churn:{i}", "v");
        }

        var seen = new HashSet<string>();
        var cursor = "0";
        var step = 0;
        do
        {
            var reply = client.Call("SCAN", cursor, "COUNT", "7");
            var parts = BulkStrings().Matches(reply).Select(m => m.Groups[1].Value).ToList();
            cursor = parts[0];
            seen.UnionWith(parts.Skip(1));

            // Between steps: delete some churn keys (moving others around) and add new ones.
            client.Call("DEL", $"churn:{step}", $"churn:{299 - step}");
            client.Call("SET", $"new:{step}", "v");
            step++;
        }
        while (cursor != "0" && step < 1000);

        Assert.Equal("0", cursor);
        Assert.All(Enumerable.Range(0, 300), i => Assert.Contains($"stable:{i}", seen));
    }

    [Fact]
    public void SkipsExpiredKeysAndHonoursMatchAndType()
    {
        using var client = server.Connect();
        client.Call("FLUSHALL");
        client.Call("SET", "a:1", "v");
        client.Call("SET", "a:2", "v", "PX", "10");
        client.Call("SET", "b:1", "v");
        server.Clock.Advance(TimeSpan.FromMilliseconds(11));

        Assert.Equal("*2\r\n$1\r\n0\r\n*1\r\n$3\r\na:1\r\n", client.Call("SCAN", "0", "MATCH", "a:*"));
        Assert.Equal(":2\r\n", client.Call("DBSIZE"));
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", client.Call("SCAN", "0", "TYPE", "hash"));
        Assert.Equal("-ERR invalid cursor\r\n", client.Call("SCAN", "abc"));
        Assert.Equal("$1\r\nv\r\n", client.Call("GETDEL", "b:1"));
        Assert.Equal("$3\r\na:1\r\n", client.Call("RANDOMKEY"));
        Assert.Equal("*1\r\n$3\r\na:1\r\n", client.Call("KEYS", "*"));
        Assert.Equal(":1\r\n", client.Call("DBSIZE"));
        Assert.Equal("+OK\r\n", client.Call("FLUSHDB"));
        Assert.Equal("$-1\r\n", client.Call("RANDOMKEY"));
    }

    [GeneratedRegex(@"\$\d+\r\n([^\r]*)\r\n")]
    private static partial Regex BulkStrings();
}
