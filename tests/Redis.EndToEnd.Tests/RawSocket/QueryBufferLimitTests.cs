using System.Globalization;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>
/// <c>client-query-buffer-limit</c> bounds one unfinished request: a client whose request is still incomplete after
/// more bytes than the limit is disconnected without a reply, as Redis does; complete requests, however many are in
/// flight, are not affected.
/// </summary>
public abstract class QueryBufferLimitTests(ServerFixture server)
{
    public sealed class Blocking(Server<BlockingTransport> server) : QueryBufferLimitTests(server), IClassFixture<Server<BlockingTransport>>;

    public sealed class EventLoop(Server<EventLoopTransport> server) : QueryBufferLimitTests(server), IClassFixture<Server<EventLoopTransport>>;

    /// <summary>Below the transport's first buffer (16 KiB), so the limit, not the buffer's size, must stop the client.</summary>
    public const int Limit = 4096;

    [Fact]
    public void ServesRequestGivenItCompletesWithinOneByteOverLimit()
    {
        // While incomplete it held at most Limit bytes; its last byte completes it.
        using var client = server.Connect();
        client.Send(SetRequestOfLength(Limit + 1));

        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal("+PONG\r\n", client.Call("PING"));
    }

    [Fact]
    public void ClosesWithoutReplyGivenRequestStillIncompleteAfterLimitPlusOneBytes()
    {
        using (var client = server.Connect())
        {
            client.Send(SetRequestOfLength(Limit + 2));

            Assert.True(client.IsClosedByServer());
        }

        using var next = server.Connect();
        Assert.Equal("+PONG\r\n", next.Call("PING"));
    }

    [Fact]
    public void ServesPipelinedRequestsGivenTheyTotalManyTimesTheLimit()
    {
        var ping = Resp.Command("PING");
        using var client = server.Connect();
        client.Send(Enumerable.Repeat(ping, 4 * Limit / ping.Length).SelectMany(b => b).ToArray());

        for (var i = 0; i < 4 * Limit / ping.Length; i++)
        {
            Assert.Equal("+PONG\r\n", client.ReadReplyText());
        }
    }

    /// <summary>A RESP <c>SET k value</c> of exactly <paramref name="length"/> bytes.</summary>
    private static byte[] SetRequestOfLength(int length)
    {
        for (var value = length; value > 0; value--)
        {
            var request = Resp.Command("SET"u8.ToArray(), "k"u8.ToArray(), Resp.Payload(value));
            if (request.Length == length)
            {
                return request;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(length));
    }

    public sealed class Server<TTransport> : ServerFixture<TTransport>
        where TTransport : ITransport
    {
        protected override void Configure(IDictionary<string, string?> settings) =>
            settings["Redis:ClientQueryBufferLimit"] = Limit.ToString(CultureInfo.InvariantCulture);
    }
}
