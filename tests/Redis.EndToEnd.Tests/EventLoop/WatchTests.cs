using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>WATCH across connections, which only the event loop serves at once.</summary>
[TransportSpecific("WATCH broken by another connection: the blocking transport serves one connection at a time.")]
[Collection(EventLoopServerCollection.Name)]
public sealed class WatchTests(EventLoopServerFixture server)
{
    [Fact]
    public void AnotherConnectionsWriteBreaksTheTransaction()
    {
        using var watcher = server.Connect();
        using var other = server.Connect();
        watcher.Call("SET", "w:balance", "10");
        watcher.Call("WATCH", "w:balance");
        watcher.Call("MULTI");
        watcher.Call("INCRBY", "w:balance", "5");

        Assert.Contains(" flags=N ", other.Call("CLIENT", "INFO"), StringComparison.Ordinal);
        Assert.Equal("+OK\r\n", other.Call("SET", "w:balance", "0"));
        Assert.Contains(" flags=xd ", other.Call("CLIENT", "LIST"), StringComparison.Ordinal);

        Assert.Equal("*-1\r\n", watcher.Call("EXEC"));
        Assert.Equal("$1\r\n0\r\n", watcher.Call("GET", "w:balance"));
    }

    [Fact]
    public void AnotherConnectionsReadLeavesTheTransactionAlone()
    {
        using var watcher = server.Connect();
        using var other = server.Connect();
        watcher.Call("SET", "w:read", "1");
        watcher.Call("WATCH", "w:read");
        other.Call("GET", "w:read");
        other.Call("EXISTS", "w:read");
        watcher.Call("MULTI");
        watcher.Call("INCR", "w:read");

        Assert.Equal("*1\r\n:2\r\n", watcher.Call("EXEC"));
    }

    [Theory]
    [InlineData("DEL", "w:k")]
    [InlineData("RENAME", "w:k", "w:renamed")]
    [InlineData("EXPIRE", "w:k", "100")]
    [InlineData("FLUSHDB")]
    public void AnotherConnectionsChangeBreaksTheTransaction(params string[] change)
    {
        using var watcher = server.Connect();
        using var other = server.Connect();
        watcher.Call("SET", "w:k", "v");
        watcher.Call("WATCH", "w:k");

        other.Call(change);

        watcher.Call("MULTI");
        watcher.Call("PING");
        Assert.Equal("*-1\r\n", watcher.Call("EXEC"));
    }

    [Fact]
    public void RenameBreaksAWatchOnItsDestination()
    {
        using var watcher = server.Connect();
        using var other = server.Connect();
        watcher.Call("SET", "w:from", "v");
        watcher.Call("WATCH", "w:to");

        other.Call("RENAME", "w:from", "w:to");

        watcher.Call("MULTI");
        Assert.Equal("*-1\r\n", watcher.Call("EXEC"));
    }
}
