using Redis.EndToEnd.Tests.EventLoop;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>Byte-exact replies over a raw socket; each expected reply was checked against redis-server 7.0.15.</summary>
public abstract class CommandReplyTests(ServerFixture server)
{
    [Collection(ServerCollection.Name)]
    public sealed class Blocking(ServerFixture server) : CommandReplyTests(server);

    [Collection(EventLoopServerCollection.Name)]
    public sealed class EventLoop(EventLoopServerFixture server) : CommandReplyTests(server);

    [Theory]
    [InlineData(new[] { "PING" }, "+PONG\r\n")]
    [InlineData(new[] { "PING", "hello" }, "$5\r\nhello\r\n")]
    [InlineData(new[] { "PING", "a", "b" }, "-ERR wrong number of arguments for 'ping' command\r\n")]
    [InlineData(new[] { "ECHO", "x y" }, "$3\r\nx y\r\n")]
    [InlineData(new[] { "GET" }, "-ERR wrong number of arguments for 'get' command\r\n")]
    [InlineData(new[] { "GET", "missing" }, "$-1\r\n")]
    [InlineData(new[] { "SET", "k", "v", "EX" }, "-ERR syntax error\r\n")]
    [InlineData(new[] { "SET", "k", "v", "EX", "ten" }, "-ERR value is not an integer or out of range\r\n")]
    [InlineData(new[] { "SET", "k", "v", "EX", "0" }, "-ERR invalid expire time in 'set' command\r\n")]
    [InlineData(new[] { "SET", "k", "v", "EX", "-5" }, "-ERR invalid expire time in 'set' command\r\n")]
    [InlineData(new[] { "EXPIRE", "k", "10", "foo" }, "-ERR Unsupported option foo\r\n")]
    [InlineData(new[] { "TTL", "missing" }, ":-2\r\n")]
    [InlineData(new[] { "FOO", "a", "b" }, "-ERR unknown command 'FOO', with args beginning with: 'a' 'b' \r\n")]
    [InlineData(new[] { "CONFIG", "GET", "appendonly" }, "*2\r\n$10\r\nappendonly\r\n$2\r\nno\r\n")]
    [InlineData(new[] { "COMMAND", "DOCS", "nope" }, "*0\r\n")]
    public void RepliesAsRedisDoes(string[] command, string expected)
    {
        using var client = server.Connect();
        Assert.Equal(expected, client.Call(command));
    }

    [Fact]
    public void SetThenGetReturnsTheValue()
    {
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("SET", "greeting", "hello world"));
        Assert.Equal("$11\r\nhello world\r\n", client.Call("GET", "greeting"));
    }

    [Fact]
    public void DelAndExistsCountKeys()
    {
        using var client = server.Connect();
        client.Call("SET", "d1", "1");
        client.Call("SET", "d2", "2");
        Assert.Equal(":3\r\n", client.Call("EXISTS", "d1", "d2", "d1", "nope"));
        Assert.Equal(":2\r\n", client.Call("DEL", "d1", "d2", "nope"));
        Assert.Equal(":0\r\n", client.Call("EXISTS", "d1", "d2"));
    }

    [Fact]
    public void InlineCommandsGetRespReplies()
    {
        using var client = server.Connect();
        client.Send("SET inline \"two words\"\r\nGET inline\nPING\n");
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal("$9\r\ntwo words\r\n", client.ReadReplyText());
        Assert.Equal("+PONG\r\n", client.ReadReplyText());
    }

    [Fact]
    public void QuitRepliesOkAndClosesTheConnection()
    {
        using (var client = server.Connect())
        {
            Assert.Equal("+OK\r\n", client.Call("QUIT"));
            Assert.True(client.IsClosedByServer());
        }

        using var next = server.Connect();
        Assert.Equal("+PONG\r\n", next.Call("PING"));
    }

    [Fact]
    public void ValuesAreBinarySafe()
    {
        byte[] value = [0, 13, 10, 255, (byte)'$', (byte)'*', 13, 10];
        using var client = server.Connect();
        client.Send(Resp.Command("SET"u8.ToArray(), "bin"u8.ToArray(), value));
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        client.SendCommand("GET", "bin");
        Assert.Equal(Resp.Bulk(value), client.ReadReply());
    }
}
