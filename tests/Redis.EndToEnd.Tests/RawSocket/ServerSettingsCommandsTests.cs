namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>CONFIG SET taking effect at once, SLOWLOG, OBJECT, COMMAND GETKEYS and RESET on the wire.</summary>
/// <remarks>A server of its own: CONFIG SET changes it for every later test. Its clock is fake, so every command takes 0 µs.</remarks>
public abstract class ServerSettingsCommandsTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : ServerSettingsCommandsTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : ServerSettingsCommandsTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public void SlowlogRecordsEveryCommandOnceTheThresholdIsZero()
    {
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("CONFIG", "SET", "slowlog-log-slower-than", "0"));
        try
        {
            Assert.Equal("+OK\r\n", client.Call("SLOWLOG", "RESET"));
            Assert.Equal("+OK\r\n", client.Call("CLIENT", "SETNAME", "slow"));
            Assert.Equal("+OK\r\n", client.Call("SET", "slow:k", "v"));

            var entries = client.Call("SLOWLOG", "GET", "2");
            var address = client.Socket.LocalEndPoint!.ToString()!;
            Assert.Matches(
                @"^\*2\r\n\*6\r\n:(\d+)\r\n:\d+\r\n:0\r\n\*3\r\n\$3\r\nSET\r\n\$6\r\nslow:k\r\n\$1\r\nv\r\n\$" + address.Length + "\r\n" +
                System.Text.RegularExpressions.Regex.Escape(address) + "\r\n\\$4\r\nslow\r\n\\*6\r\n",
                entries);

            // SLOWLOG RESET, CLIENT SETNAME, SET, SLOWLOG GET: the reset is logged after it ran.
            Assert.Equal(":4\r\n", client.Call("SLOWLOG", "LEN"));
        }
        finally
        {
            client.Call("CONFIG", "SET", "slowlog-log-slower-than", "10000");
        }
    }

    [Fact]
    public void ProtoMaxBulkLenChangesForTheNextRequest()
    {
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("CONFIG", "SET", "proto-max-bulk-len", "1mb"));
        try
        {
            Assert.Equal(":1048576\r\n", client.Call("APPEND", "bulk:k", new string('a', 1024 * 1024)));
            Assert.Equal("-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n", client.Call("APPEND", "bulk:k", "b"));
        }
        finally
        {
            client.Call("CONFIG", "SET", "proto-max-bulk-len", "512mb");
        }
    }

    [Fact]
    public void RequirePassAppliesToNewConnectionsAndReset()
    {
        using (var client = server.Connect())
        {
            Assert.Equal("+OK\r\n", client.Call("CONFIG", "SET", "requirepass", "s3cret"));
            Assert.Equal("+PONG\r\n", client.Call("PING"));
            Assert.Equal("+RESET\r\n", client.Call("RESET"));
            Assert.Equal("-NOAUTH Authentication required.\r\n", client.Call("PING"));
            Assert.Equal("+OK\r\n", client.Call("AUTH", "s3cret"));
            Assert.Equal("+OK\r\n", client.Call("CONFIG", "SET", "requirepass", ""));
        }

        using var next = server.Connect();
        Assert.Equal("+PONG\r\n", next.Call("PING"));
    }

    [Fact]
    public void ResetEndsMultiAndAnswersAtOnce()
    {
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("MULTI"));
        Assert.Equal("+QUEUED\r\n", client.Call("SET", "reset:k", "1"));
        Assert.Equal("+RESET\r\n", client.Call("RESET"));
        Assert.Equal("-ERR EXEC without MULTI\r\n", client.Call("EXEC"));
        Assert.Equal("$-1\r\n", client.Call("GET", "reset:k"));
    }

    [Fact]
    public void ObjectAndGetKeysAnswerAsRedis()
    {
        using var client = server.Connect();
        client.Call("SET", "obj:n", "42");
        Assert.Equal("$3\r\nint\r\n", client.Call("OBJECT", "ENCODING", "obj:n"));
        Assert.Equal(":2147483647\r\n", client.Call("OBJECT", "REFCOUNT", "obj:n"));
        Assert.Equal("$-1\r\n", client.Call("OBJECT", "ENCODING", "obj:missing"));
        Assert.Equal("*2\r\n$1\r\na\r\n$1\r\nb\r\n", client.Call("COMMAND", "GETKEYS", "MSET", "a", "1", "b", "2"));
    }
}
