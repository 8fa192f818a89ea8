using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>The defining property: one thread serves one client until it leaves, and only then the next.</summary>
/// <remarks>Proved by ordering, not timing: A's extra round trip shows the server was busy with A after B had sent.</remarks>
[TransportSpecific("The blocking transport's defining property; the event loop serves every client at once (EventLoop/).")]
[Collection(ServerCollection.Name)]
public sealed class OneClientAtATimeTests(ServerFixture server)
{
    [Fact]
    public void SecondClientIsConnectedButUnansweredUntilFirstLeaves()
    {
        var a = server.Connect();
        Assert.Equal("+PONG\r\n", a.Call("PING"));

        // The kernel's backlog completes B's connection: it can send, but nobody reads it yet.
        using var b = server.Connect();
        b.SendCommand("PING");

        // A is still served after B's request arrived, so the serving thread was busy with A all along.
        Assert.Equal("$5\r\nstill\r\n", a.Call("ECHO", "still"));
        Assert.Equal(0, b.Available);

        a.Dispose();
        Assert.Equal("+PONG\r\n", b.ReadReplyText());
    }

    [Fact]
    public void InfoCountsTheClientsWaitingInTheBacklog()
    {
        using var served = server.Connect();
        served.Call("PING");
        using var second = new System.Net.Sockets.TcpClient();
        using var third = new System.Net.Sockets.TcpClient();
        second.Connect(server.EndPoint);
        third.Connect(server.EndPoint);

        // The kernel completed both connections; the server has not accepted them, since it serves one client at a time.
        Assert.Contains("\r\nwaiting_clients:2\r\n", Eventually(() => served.Call("INFO", "clients"), info => info.Contains("waiting_clients:2", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    /// <summary>Calls <paramref name="read"/> until <paramref name="done"/> holds, for state the kernel updates on its own time.</summary>
    private static string Eventually(Func<string> read, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var value = read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
            value = read();
        }

        return value;
    }
}
