using System.Net.Sockets;

namespace Redis.EndToEnd.Tests.Faults;

/// <summary>
/// <c>timeout</c> cuts off a client that stalls, not one that is slow: a large reply read steadily for longer than the
/// timeout arrives whole, and sending it counts as activity, as Redis's <c>lastinteraction</c> does.
/// </summary>
public abstract class SteadyReaderTests(ServerFixture server)
{
    public sealed class Blocking(Server<BlockingTransport> server) : SteadyReaderTests(server), IClassFixture<Server<BlockingTransport>>;

    public sealed class EventLoop(Server<EventLoopTransport> server) : SteadyReaderTests(server), IClassFixture<Server<EventLoopTransport>>;

    private const int TimeoutSeconds = 3;

    [Fact]
    public void LargeReplyReadSteadilyForLongerThanTheTimeoutArrivesWhole()
    {
        const int Size = 32 * 1024 * 1024;
        var set = Resp.Command("SET"u8.ToArray(), "steady:big"u8.ToArray(), Resp.Payload(Size));
        using var client = server.Connect();
        client.Send(set);
        Assert.Equal("+OK\r\n", client.ReadReplyText());

        // At most 256 KiB every 50 ms, about 5 MB/s: the 32 MB take twice the timeout, and no pause is long.
        client.SendCommand("GET", "steady:big");
        var expected = Resp.Bulk(Resp.Payload(Size)).Length;
        var buffer = new byte[256 * 1024];
        for (var read = 0; read < expected;)
        {
            var count = client.Socket.Receive(buffer, 0, Math.Min(buffer.Length, expected - read), SocketFlags.None);
            Assert.True(count > 0, $"The server closed the connection after {read} of the reply's {expected} bytes.");
            read += count;
            Thread.Sleep(50);
        }

        Assert.Equal("+PONG\r\n", client.Call("PING"));
    }

    [Fact]
    public void IdleTimeCountsFromTheEndOfTheLastReplyNotFromTheLastRequest()
    {
        const int Size = 8 * 1024 * 1024;
        var set = Resp.Command("SET"u8.ToArray(), "steady:late"u8.ToArray(), Resp.Payload(Size));
        using var client = server.Connect();
        client.Send(set);
        Assert.Equal("+OK\r\n", client.ReadReplyText());

        // The reply outgrows the socket buffers, so the server is still sending it when the client starts to read,
        // 0.6 of the timeout after the request; the client then reads it all and waits 0.6 of the timeout again.
        var pause = TimeSpan.FromSeconds(TimeoutSeconds * 0.6);
        client.SendCommand("GET", "steady:late");
        Thread.Sleep(pause);
        Assert.Equal(Resp.Bulk(Resp.Payload(Size)).Length, client.ReadReply().Length);
        Thread.Sleep(pause);

        // 1.2 timeouts after the request, 0.6 after the reply: not idle.
        Assert.Equal("+PONG\r\n", client.Call("PING"));
    }

    public sealed class Server<TTransport> : ServerFixture<TTransport>
        where TTransport : ITransport
    {
        protected override void Configure(IDictionary<string, string?> settings) =>
            settings["Redis:Timeout"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
