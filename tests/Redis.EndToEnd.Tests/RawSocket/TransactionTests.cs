using System.Text;
using Redis.EndToEnd.Tests.EventLoop;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>MULTI/EXEC/DISCARD/WATCH over the wire on one connection; expiry driven by the fake clock, no sleeps.</summary>
public abstract class TransactionTests(ServerFixture server)
{
    [Collection(ServerCollection.Name)]
    public sealed class Blocking(ServerFixture server) : TransactionTests(server);

    [Collection(EventLoopServerCollection.Name)]
    public sealed class EventLoop(EventLoopServerFixture server) : TransactionTests(server);

    [Fact]
    public void QueuesThenAnswersEveryReplyInOneArray()
    {
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("MULTI"));
        Assert.Equal("+QUEUED\r\n", client.Call("SET", "tx:a", "1"));
        Assert.Equal("+QUEUED\r\n", client.Call("INCR", "tx:a"));
        Assert.Equal("+QUEUED\r\n", client.Call("GET", "tx:a"));

        Assert.Equal("*3\r\n+OK\r\n:2\r\n$1\r\n2\r\n", client.Call("EXEC"));
    }

    [Fact]
    public void AnswersARunTimeErrorInTheMiddleAndRunsTheRest()
    {
        using var client = server.Connect();
        client.Call("SET", "tx:text", "abc");
        client.Call("MULTI");
        client.Call("INCR", "tx:text");
        client.Call("SET", "tx:text", "v", "BOGUS");
        client.Call("APPEND", "tx:text", "d");

        Assert.Equal(
            "*3\r\n-ERR value is not an integer or out of range\r\n-ERR syntax error\r\n:4\r\n",
            client.Call("EXEC"));
        Assert.Equal("$4\r\nabcd\r\n", client.Call("GET", "tx:text"));
    }

    [Fact]
    public void AbortsAfterAnErrorWhileQueueingAndRunsNothing()
    {
        using var client = server.Connect();
        client.Call("DEL", "tx:abort");
        client.Call("MULTI");
        client.Call("SET", "tx:abort", "v");
        Assert.Equal("-ERR unknown command 'NOPE', with args beginning with: 'x' \r\n", client.Call("NOPE", "x"));

        Assert.Equal("-EXECABORT Transaction discarded because of previous errors.\r\n", client.Call("EXEC"));
        Assert.Equal("$-1\r\n", client.Call("GET", "tx:abort"));
        Assert.Equal("-ERR EXEC without MULTI\r\n", client.Call("EXEC"));
    }

    [Fact]
    public void DiscardDropsTheQueue()
    {
        using var client = server.Connect();
        client.Call("DEL", "tx:discard");
        client.Call("MULTI");
        client.Call("SET", "tx:discard", "v");

        Assert.Equal("+OK\r\n", client.Call("DISCARD"));
        Assert.Equal("$-1\r\n", client.Call("GET", "tx:discard"));
        Assert.Equal("-ERR DISCARD without MULTI\r\n", client.Call("DISCARD"));
    }

    /// <summary>
    /// The whole transaction in one send, then more traffic over the same receive buffer before EXEC: the queue keeps
    /// its own copy of the arguments.
    /// </summary>
    [Fact]
    public void QueuedArgumentsSurviveTheReuseOfTheReceiveBuffer()
    {
        using var client = server.Connect();
        var value = new string('q', 5000);
        client.Send(Encoding.UTF8.GetString([.. Resp.Command("MULTI"), .. Resp.Command("SET", "tx:copy", value)]));
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal("+QUEUED\r\n", client.ReadReplyText());
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("+QUEUED\r\n", client.Call("ECHO", new string((char)('a' + i), 6000)));
        }

        client.Send(Encoding.UTF8.GetString([.. Resp.Command("GET", "tx:copy"), .. Resp.Command("EXEC")]));
        Assert.Equal("+QUEUED\r\n", client.ReadReplyText());
        var replies = client.ReadReplyText();

        Assert.StartsWith("*22\r\n+OK\r\n", replies, StringComparison.Ordinal);
        Assert.EndsWith($"${value.Length}\r\n{value}\r\n", replies, StringComparison.Ordinal);
        Assert.Contains($"${6000}\r\n{new string('t', 6000)}\r\n", replies, StringComparison.Ordinal);
    }

    [Fact]
    public void WatchIsBrokenByTheConnectionsOwnWrite()
    {
        using var client = server.Connect();
        client.Call("SET", "tx:own", "1");
        Assert.Equal("+OK\r\n", client.Call("WATCH", "tx:own"));
        client.Call("SET", "tx:own", "2");
        client.Call("MULTI");
        client.Call("INCR", "tx:own");

        Assert.Equal("*-1\r\n", client.Call("EXEC"));
        Assert.Equal("$1\r\n2\r\n", client.Call("GET", "tx:own"));
    }

    /// <summary>A watched key that expires before EXEC breaks the transaction (Redis 7.0's <c>isWatchedKeyExpired</c>); one still alive does not.</summary>
    [Theory]
    [InlineData(500, "*1\r\n$1\r\nv\r\n")]
    [InlineData(501, "*-1\r\n")]
    public void WatchIsBrokenByAKeyThatExpiresBeforeExec(int elapsedMilliseconds, string exec)
    {
        using var client = server.Connect();
        var key = "tx:ttl:" + elapsedMilliseconds;
        client.Call("SET", key, "v", "PX", "500");
        client.Call("WATCH", key);
        client.Call("MULTI");
        client.Call("GET", key);

        server.Clock.Advance(TimeSpan.FromMilliseconds(elapsedMilliseconds));

        Assert.Equal(exec, client.Call("EXEC"));
    }

    [Fact]
    public void ClientInfoShowsTheTransaction()
    {
        using var client = server.Connect();
        Assert.Contains(" flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 ", client.Call("CLIENT", "INFO"), StringComparison.Ordinal);
        client.Call("MULTI");
        client.Call("PING");
        client.Call("CLIENT", "INFO");

        Assert.Contains(" flags=x db=0 sub=0 psub=0 ssub=0 multi=2 ", client.Call("EXEC"), StringComparison.Ordinal);
    }
}
