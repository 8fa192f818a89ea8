using System.Text.RegularExpressions;
using Redis.EndToEnd.Tests.EventLoop;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>
/// <c>HELLO 3</c> over the wire: the connection answers in RESP3 from the HELLO reply on, until <c>HELLO 2</c>. Every
/// expected string is what redis-server 7.0.15 sent for the same commands (the connection-dependent parts matched).
/// </summary>
public abstract partial class Resp3Tests(ServerFixture server)
{
    [Collection(ServerCollection.Name)]
    public sealed class Blocking(ServerFixture server) : Resp3Tests(server);

    [Collection(EventLoopServerCollection.Name)]
    public sealed class EventLoop(EventLoopServerFixture server) : Resp3Tests(server);

    [Fact]
    public void HelloThreeAnswersAMapInRespThreeAndSwitchesTheConnection()
    {
        using var client = server.Connect();

        var hello = client.Call("HELLO", "3");

        Assert.Matches(
            "^%7\r\n\\$6\r\nserver\r\n\\$5\r\nredis\r\n\\$7\r\nversion\r\n\\$6\r\n7\\.0\\.15\r\n\\$5\r\nproto\r\n:3\r\n" +
            "\\$2\r\nid\r\n:[0-9]+\r\n\\$4\r\nmode\r\n\\$10\r\nstandalone\r\n\\$4\r\nrole\r\n\\$6\r\nmaster\r\n\\$7\r\nmodules\r\n\\*0\r\n$",
            hello);
        Assert.Equal("_\r\n", client.Call("GET", "resp3:missing"));
        Assert.Equal("*2\r\n_\r\n_\r\n", client.Call("MGET", "resp3:missing", "resp3:other"));
        Assert.Equal("%0\r\n", client.Call("CONFIG", "GET", "resp3:nosuchsetting"));
        Assert.Equal("$3\r\n1.5\r\n", client.Call("INCRBYFLOAT", "resp3:float", "1.5"));
        Assert.Matches("^\\*2\r\n\\$[0-9]+\r\n[0-9]+\r\n\\$[0-9]+\r\n[0-9]+\r\n$", client.Call("TIME"));
        Assert.Equal("+PONG\r\n", client.Call("PING"));
        Assert.Equal("=4\r\ntxt:\r\n", client.Call("CLIENT", "LIST", "ID", "0"));
    }

    [Fact]
    public void ClientInfoIsVerbatimTextWithRespThree()
    {
        using var client = server.Connect();
        client.Call("HELLO", "3");

        var info = client.Call("CLIENT", "INFO");
        var match = VerbatimHeader().Match(info);

        Assert.True(match.Success, info);
        var header = match.Length - "txt:id=".Length;
        Assert.Equal(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), info.Length - header - 2);
        Assert.Contains(" resp=3 ", info, StringComparison.Ordinal);
        Assert.StartsWith("=", client.Call("INFO", "keyspace"), StringComparison.Ordinal);
    }

    [Fact]
    public void HelloTwoSwitchesBackAndHelloWithoutVersionKeepsTheProtocol()
    {
        using var client = server.Connect();
        client.Call("HELLO", "3");

        Assert.StartsWith("%7\r\n", client.Call("HELLO"), StringComparison.Ordinal);
        Assert.Equal("_\r\n", client.Call("GET", "resp3:missing"));
        Assert.StartsWith("*14\r\n", client.Call("HELLO", "2"), StringComparison.Ordinal);
        Assert.Equal("$-1\r\n", client.Call("GET", "resp3:missing"));
        Assert.Contains(" resp=2 ", client.Call("CLIENT", "INFO"), StringComparison.Ordinal);
    }

    [Fact]
    public void RefusedHelloKeepsRespTwo()
    {
        using var client = server.Connect();

        Assert.Equal("-NOPROTO unsupported protocol version\r\n", client.Call("HELLO", "4"));
        Assert.Equal("-ERR Syntax error in HELLO option 'foo'\r\n", client.Call("HELLO", "3", "foo"));
        Assert.Equal("$-1\r\n", client.Call("GET", "resp3:missing"));
    }

    [Fact]
    public void ExecAnswersNullWhenAWatchedKeyChanged()
    {
        using var client = server.Connect();
        client.Call("HELLO", "3");
        client.Call("WATCH", "resp3:watched");
        client.Call("SET", "resp3:watched", "changed");
        client.Call("MULTI");
        client.Call("INCR", "resp3:watched");

        Assert.Equal("_\r\n", client.Call("EXEC"));
    }

    [GeneratedRegex("^=([0-9]+)\r\ntxt:id=")]
    private static partial Regex VerbatimHeader();
}
