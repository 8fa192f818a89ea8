using System.Text;
using Redis.Application.Routing;
using Redis.Client.Connection;
using Redis.Client.Tests.Support;
using Redis.Protocol;

namespace Redis.Client.Tests.Connection;

[Collection(ServerCollection.Name)]
public class RedisConnectionTests(ServerFixture server)
{
    [Fact]
    public void ExecutesACommandAndReturnsItsReply()
    {
        using var connection = RedisConnection.Connect(server.Host, server.Port);

        Assert.Equal(Reply.Ok, connection.Execute(CommandArgs.From("SET", "connection:a", "1")));
        Assert.Equal(Reply.Bulk("1"), connection.Execute(CommandArgs.From("GET", "connection:a")));
        Assert.Equal(Reply.One, connection.Execute(CommandArgs.From("DEL", "connection:a")));
        Assert.Equal(Reply.Nil, connection.Execute(CommandArgs.From("GET", "connection:a")));
    }

    [Fact]
    public void PipelinesCommandsSentInOneFlush()
    {
        using var connection = RedisConnection.Connect(server.Host, server.Port);
        for (var i = 0; i < 100; i++)
        {
            connection.Enqueue("ECHO"u8.ToArray(), Encoding.ASCII.GetBytes($"message {i}"));
        }

        connection.Flush();

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(Reply.Bulk($"message {i}"), connection.Receive());
        }
    }

    [Fact]
    public void RoundTripsALargeBinaryValueExactly()
    {
        var value = new byte[3 * 1024 * 1024];
        new Random(3).NextBytes(value);
        using var connection = RedisConnection.Connect(server.Host, server.Port);

        connection.Execute("SET"u8.ToArray(), "connection:large"u8.ToArray(), value);
        var reply = connection.Execute("GET"u8.ToArray(), "connection:large"u8.ToArray());
        connection.Execute("DEL"u8.ToArray(), "connection:large"u8.ToArray());

        Assert.True(reply.Bytes.SequenceEqual(value));
    }

    [Fact]
    public void ReturnsErrorRepliesAsValues()
    {
        using var connection = RedisConnection.Connect(server.Host, server.Port);

        var reply = connection.Execute(CommandArgs.From("GET"));

        Assert.Equal(Reply.Error("ERR wrong number of arguments for 'get' command"), reply);
        Assert.False(connection.IsBroken);
    }

    [Fact]
    public void ReportsAClosedConnectionAsRedisCliDoes()
    {
        using var stub = new StubServer(_ => null);
        using var connection = RedisConnection.Connect("127.0.0.1", stub.Port);

        var error = Assert.Throws<RedisConnectionException>(() => connection.Execute(CommandArgs.From("PING")));

        Assert.Equal("Server closed the connection", error.Message);
        Assert.True(connection.IsBroken);
    }

    [Fact]
    public void BreaksForGoodOnceTheServerHasQuit()
    {
        using var connection = RedisConnection.Connect(server.Host, server.Port);
        Assert.Equal(Reply.Ok, connection.Execute(CommandArgs.From("QUIT")));

        var error = Assert.Throws<RedisConnectionException>(() => connection.Execute(CommandArgs.From("PING")));

        // Usually end of stream; a reset when the PING reached the server before it closed the socket.
        Assert.Contains(error.Message, new[] { "Server closed the connection", "Connection reset by peer" });
        Assert.True(connection.IsBroken);
        Assert.Equal("Not connected", Assert.Throws<RedisConnectionException>(() => connection.Execute(CommandArgs.From("PING"))).Message);
    }

    [Fact]
    public void ReportsARefusedConnectionAsRedisCliDoes()
    {
        var port = ClientRun.ClosedPort();

        var error = Assert.Throws<RedisConnectionException>(() => RedisConnection.Connect("127.0.0.1", port));

        Assert.Equal($"Could not connect to Redis at 127.0.0.1:{port}: Connection refused", error.Message);
    }

    [Fact]
    public void ReportsAPeerThatDoesNotSpeakResp()
    {
        using var raw = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        raw.Start();
        var port = ((System.Net.IPEndPoint)raw.LocalEndpoint).Port;
        using var connection = RedisConnection.Connect("127.0.0.1", port);
        using var accepted = raw.AcceptSocket();
        accepted.Send("HTTP/1.1 400 Bad Request\r\n"u8.ToArray());

        var error = Assert.Throws<RedisConnectionException>(() => connection.Execute(CommandArgs.From("PING")));

        Assert.Equal("Protocol error, got \"H\" as reply type byte", error.Message);
        Assert.True(connection.IsBroken);
    }
}
