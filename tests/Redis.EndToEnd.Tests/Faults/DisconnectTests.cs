using System.Net.Sockets;

namespace Redis.EndToEnd.Tests.Faults;

/// <summary>A client that vanishes mid-request or resets the connection mid-reply costs only its own connection.</summary>
public abstract class DisconnectTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : DisconnectTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : DisconnectTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public void ClientClosingInTheMiddleOfABulkStringLeavesAcknowledgedWritesAndTheNextClientIsServed()
    {
        using (var client = server.Connect())
        {
            Assert.Equal("+OK\r\n", client.Call("SET", "fault:acked", "kept"));

            // Half a bulk string: the header says 100 bytes, 50 arrive, then the client closes.
            client.Send([.. "*3\r\n$3\r\nSET\r\n$10\r\nfault:half\r\n$100\r\n"u8, .. Resp.Payload(50)]);
        }

        AssertServedWith(("GET", "fault:acked", "$4\r\nkept\r\n"), ("EXISTS", "fault:half", ":0\r\n"));
    }

    [Fact]
    public void ClientClosingInTheMiddleOfAnInlineLineLeavesNoTrace()
    {
        using (var client = server.Connect())
        {
            client.Send("SET fault:inline half-a-li");
        }

        AssertServedWith(("EXISTS", "fault:inline", ":0\r\n"));
    }

    [Fact]
    public void ClientResettingTheConnectionMidFrameIsDroppedAndTheNextClientIsServed()
    {
        using (var client = server.Connect())
        {
            Assert.Equal("+OK\r\n", client.Call("SET", "fault:before-reset", "kept"));
            client.Send("*3\r\n$3\r\nSET\r\n$11\r\nfault:reset\r\n$100\r\nabc"u8);
            Reset(client.Socket);
        }

        AssertServedWith(("GET", "fault:before-reset", "$4\r\nkept\r\n"), ("EXISTS", "fault:reset", ":0\r\n"));
    }

    [Fact]
    public void ClientResettingTheConnectionMidReplyIsDroppedAndTheNextClientIsServed()
    {
        const int Size = 16 * 1024 * 1024;
        var set = Resp.Command("SET"u8.ToArray(), "fault:big"u8.ToArray(), Resp.Payload(Size));
        using (var writer = server.Connect())
        {
            writer.Send(set);
            Assert.Equal("+OK\r\n", writer.ReadReplyText());
        }

        using (var reader = server.Connect())
        {
            reader.SendCommand("GET", "fault:big");

            // Take the first part of the 16 MB reply, then reset while the server is still sending the rest.
            var first = new byte[64 * 1024];
            var got = 0;
            while (got < first.Length)
            {
                got += reader.Socket.Receive(first, got, first.Length - got, SocketFlags.None);
            }

            Reset(reader.Socket);
        }

        AssertServedWith(("STRLEN", "fault:big", $":{Size}\r\n"));
    }

    /// <summary>Closes with SO_LINGER 0: the kernel sends RST instead of FIN and drops whatever is unsent or unread.</summary>
    private static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    private void AssertServedWith(params (string Command, string Key, string Expected)[] checks)
    {
        using var next = server.Connect();
        Assert.Equal("+PONG\r\n", next.Call("PING"));
        foreach (var (command, key, expected) in checks)
        {
            Assert.Equal(expected, next.Call(command, key));
        }
    }
}
