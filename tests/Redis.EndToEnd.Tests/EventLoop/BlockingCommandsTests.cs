using System.Diagnostics;
using System.Text.RegularExpressions;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>
/// The blocking list and sorted-set commands across connections: a client blocked on a key is served by another's
/// push, in the order the clients blocked, times out on the server's clock, and is unblocked by CLIENT UNBLOCK.
/// </summary>
/// <remarks>
/// Each test waits until the server reports the client blocked (INFO's blocked_clients) before acting, so no test
/// races the server; timeouts follow the fixture's fake clock.
/// </remarks>
[TransportSpecific("Another connection's push: the blocking transport serves one connection at a time, and answers a blocking command at once.")]
[Collection(EventLoopServerCollection.Name)]
public sealed partial class BlockingCommandsTests(EventLoopServerFixture server)
{
    [Fact]
    public void APushServesTheBlockedClientAndTheKeyIsGone()
    {
        using var waiter = server.Connect();
        using var pusher = server.Connect();
        waiter.SendCommand("BLPOP", "b:none", "b:q", "0");
        WaitForBlocked(pusher, 1);

        Assert.Equal(":1\r\n", pusher.Call("RPUSH", "b:q", "job"));

        Assert.Equal("*2\r\n$3\r\nb:q\r\n$3\r\njob\r\n", waiter.ReadReplyText());
        Assert.Equal(":0\r\n", pusher.Call("EXISTS", "b:q"));
        WaitForBlocked(pusher, 0);
    }

    [Fact]
    public void ClientsAreServedInTheOrderTheyBlocked()
    {
        using var first = server.Connect();
        using var second = server.Connect();
        using var pusher = server.Connect();
        first.SendCommand("BLPOP", "b:order", "0");
        WaitForBlocked(pusher, 1);
        second.SendCommand("BRPOP", "b:order", "0");
        WaitForBlocked(pusher, 2);

        Assert.Equal(":3\r\n", pusher.Call("RPUSH", "b:order", "a", "b", "c"));

        Assert.Equal("*2\r\n$7\r\nb:order\r\n$1\r\na\r\n", first.ReadReplyText());
        Assert.Equal("*2\r\n$7\r\nb:order\r\n$1\r\nc\r\n", second.ReadReplyText());
        Assert.Equal("*1\r\n$1\r\nb\r\n", pusher.Call("LRANGE", "b:order", "0", "-1"));
    }

    [Fact]
    public void ACommandPipelinedBehindTheBlockedOneRunsOnceItIsServed()
    {
        using var waiter = server.Connect();
        using var pusher = server.Connect();
        waiter.Send("BLPOP b:pipe 0\r\nPING\r\n");
        WaitForBlocked(pusher, 1);

        pusher.Call("LPUSH", "b:pipe", "x");

        Assert.Equal("*2\r\n$6\r\nb:pipe\r\n$1\r\nx\r\n", waiter.ReadReplyText());
        Assert.Equal("+PONG\r\n", waiter.ReadReplyText());
    }

    [Fact]
    public void TheWaitTimesOutOnTheServersClockWithANullArray()
    {
        using var waiter = server.Connect();
        using var other = server.Connect();
        waiter.SendCommand("BZPOPMIN", "b:timeout", "5");
        WaitForBlocked(other, 1);
        Assert.Contains("clients_in_timeout_table:1\r\n", other.Call("INFO", "clients"), StringComparison.Ordinal);

        server.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Contains("blocked_clients:1\r\n", other.Call("INFO", "clients"), StringComparison.Ordinal);
        server.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("*-1\r\n", waiter.ReadReplyText());
        Assert.Contains("clients_in_timeout_table:0\r\n", other.Call("INFO", "clients"), StringComparison.Ordinal);
    }

    [Fact]
    public void ABlockedMoveWakesAClientWaitingOnItsDestination()
    {
        using var mover = server.Connect();
        using var popper = server.Connect();
        using var pusher = server.Connect();
        mover.SendCommand("BLMOVE", "b:src", "b:dst", "LEFT", "RIGHT", "0");
        WaitForBlocked(pusher, 1);
        popper.SendCommand("BLPOP", "b:dst", "0");
        WaitForBlocked(pusher, 2);

        pusher.Call("LPUSH", "b:src", "item");

        Assert.Equal("$4\r\nitem\r\n", mover.ReadReplyText());
        Assert.Equal("*2\r\n$5\r\nb:dst\r\n$4\r\nitem\r\n", popper.ReadReplyText());
        Assert.Equal(":0\r\n", pusher.Call("EXISTS", "b:src", "b:dst"));
    }

    [Fact]
    public void InsideATransactionTheWaitIsATimeoutAndAPushInsideServesAfterExec()
    {
        using var waiter = server.Connect();
        using var writer = server.Connect();
        writer.Call("MULTI");
        Assert.Equal("+QUEUED\r\n", writer.Call("BLPOP", "b:multi", "0"));
        Assert.Equal("+QUEUED\r\n", writer.Call("BLMOVE", "b:multi", "b:other", "LEFT", "LEFT", "0"));
        Assert.Equal("*2\r\n*-1\r\n$-1\r\n", writer.Call("EXEC"));

        waiter.SendCommand("BLPOP", "b:multi", "0");
        WaitForBlocked(writer, 1);
        writer.Call("MULTI");
        writer.Call("LPUSH", "b:multi", "v");
        writer.Call("LPOP", "b:multi");
        writer.Call("LPUSH", "b:multi", "w");

        // The waiter is served after EXEC, with what the transaction left: the first element was popped inside it.
        Assert.Equal("*3\r\n:1\r\n$1\r\nv\r\n:1\r\n", writer.Call("EXEC"));
        Assert.Equal("*2\r\n$7\r\nb:multi\r\n$1\r\nw\r\n", waiter.ReadReplyText());
    }

    [Fact]
    public void ClientUnblockEndsTheWaitWithTheTimeoutReplyOrAnError()
    {
        using var waiter = server.Connect();
        using var other = server.Connect();
        var id = Id(waiter);
        Assert.Equal(":0\r\n", other.Call("CLIENT", "UNBLOCK", id));

        waiter.SendCommand("BLPOP", "b:unblock", "0");
        WaitForBlocked(other, 1);
        Assert.Matches($"id={id} .* flags=b ", other.Call("CLIENT", "LIST"));
        Assert.Equal(":1\r\n", other.Call("CLIENT", "UNBLOCK", id));
        Assert.Equal("*-1\r\n", waiter.ReadReplyText());

        waiter.SendCommand("BZMPOP", "0", "1", "b:unblock", "MIN");
        WaitForBlocked(other, 1);
        Assert.Equal("-ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR\r\n", other.Call("CLIENT", "UNBLOCK", id, "LATER"));
        Assert.Equal(":1\r\n", other.Call("CLIENT", "UNBLOCK", id, "ERROR"));
        Assert.Equal("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n", waiter.ReadReplyText());
        Assert.Equal("+PONG\r\n", waiter.Call("PING"));
    }

    [Fact]
    public void ClientUnblockCountsAFailedCallOnTheBlockedCommandForEitherReason()
    {
        using var waiter = server.Connect();
        using var other = server.Connect();
        var id = Id(waiter);
        other.Call("CONFIG", "RESETSTAT");
        foreach (var reason in new[] { "TIMEOUT", "ERROR" })
        {
            waiter.SendCommand("BLPOP", "b:stats", "0");
            WaitForBlocked(other, 1);
            Assert.Equal(":1\r\n", other.Call("CLIENT", "UNBLOCK", id, reason));
            waiter.ReadReplyText();
        }

        // As redis-server 7.0.15 reports it: updateStatsOnUnblock marks the blocked command failed either way, and the
        // UNBLOCKED error also fails the CLIENT UNBLOCK that sent it.
        var stats = other.Call("INFO", "commandstats");
        Assert.Matches(@"\r\ncmdstat_blpop:calls=2,usec=\d+,usec_per_call=[\d.]+,rejected_calls=0,failed_calls=2\r\n", stats);
        Assert.Matches(@"\r\ncmdstat_client\|unblock:calls=2,usec=\d+,usec_per_call=[\d.]+,rejected_calls=0,failed_calls=1\r\n", stats);
    }

    [Fact]
    public void AStringStoredUnderTheKeyWakesNobodyButRenameOfAListDoes()
    {
        using var waiter = server.Connect();
        using var other = server.Connect();
        waiter.SendCommand("BLPOP", "b:typed", "0");
        WaitForBlocked(other, 1);

        other.Call("SET", "b:typed", "text");
        other.Call("ZADD", "b:zset", "1", "m");
        Assert.Contains("blocked_clients:1\r\n", other.Call("INFO", "clients"), StringComparison.Ordinal);

        other.Call("DEL", "b:typed");
        other.Call("RPUSH", "b:staging", "moved");
        other.Call("RENAME", "b:staging", "b:typed");

        Assert.Equal("*2\r\n$7\r\nb:typed\r\n$5\r\nmoved\r\n", waiter.ReadReplyText());
    }

    [Fact]
    public void CopyCreatingTheListServesTheBlockedClientAndLeavesTheSource()
    {
        using var waiter = server.Connect();
        using var other = server.Connect();
        waiter.SendCommand("BRPOP", "b:copied", "0");
        WaitForBlocked(other, 1);

        other.Call("RPUSH", "b:original", "x", "y");
        Assert.Equal(":1\r\n", other.Call("COPY", "b:original", "b:copied"));

        Assert.Equal("*2\r\n$8\r\nb:copied\r\n$1\r\ny\r\n", waiter.ReadReplyText());
        Assert.Equal("*2\r\n$1\r\nx\r\n$1\r\ny\r\n", other.Call("LRANGE", "b:original", "0", "-1"));
        other.Call("DEL", "b:original", "b:copied");
    }

    [Fact]
    public void SortStoreCreatingTheListServesTheBlockedClient()
    {
        using var waiter = server.Connect();
        using var other = server.Connect();
        waiter.SendCommand("BLPOP", "b:sorted", "0");
        WaitForBlocked(other, 1);

        other.Call("SADD", "b:numbers", "3", "1", "2");
        Assert.Equal(":3\r\n", other.Call("SORT", "b:numbers", "STORE", "b:sorted"));

        Assert.Equal("*2\r\n$8\r\nb:sorted\r\n$1\r\n1\r\n", waiter.ReadReplyText());
        Assert.Equal("*2\r\n$1\r\n2\r\n$1\r\n3\r\n", other.Call("LRANGE", "b:sorted", "0", "-1"));
        other.Call("DEL", "b:numbers", "b:sorted");
    }

    [Fact]
    public void ASortedSetPushServesBzpopWithKeyMemberAndScore()
    {
        using var waiter = server.Connect();
        using var other = server.Connect();
        waiter.SendCommand("BZPOPMAX", "b:z1", "b:z2", "0");
        WaitForBlocked(other, 1);

        other.Call("ZADD", "b:z2", "1", "low", "2.5", "high");

        Assert.Equal("*3\r\n$4\r\nb:z2\r\n$4\r\nhigh\r\n$3\r\n2.5\r\n", waiter.ReadReplyText());
    }

    [Fact]
    public void AClosedBlockedClientNoLongerWaits()
    {
        using var other = server.Connect();
        using (var waiter = server.Connect())
        {
            waiter.SendCommand("BLMPOP", "0", "2", "b:gone1", "b:gone2", "LEFT", "COUNT", "2");
            WaitForBlocked(other, 1);
        }

        WaitForBlocked(other, 0);
        Assert.Equal(":1\r\n", other.Call("LPUSH", "b:gone2", "kept"));
        Assert.Equal(":1\r\n", other.Call("LLEN", "b:gone2"));
        other.Call("DEL", "b:gone2");
    }

    private static string Id(WireClient client) => IdPattern().Match(client.Call("CLIENT", "ID")).Groups[1].Value;

    // Polls INFO until the server reports this many blocked clients (the command reached the loop and waits).
    private static void WaitForBlocked(WireClient observer, int count)
    {
        var expected = $"blocked_clients:{count}\r\n";
        var clock = Stopwatch.StartNew();
        while (!observer.Call("INFO", "clients").Contains(expected, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the server never reported " + expected.Trim());
            Thread.Yield();
        }
    }

    [GeneratedRegex(@":(\d+)")]
    private static partial Regex IdPattern();
}
