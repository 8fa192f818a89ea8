using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>The defining property: one thread serves one client until it leaves, and only then the next.</summary>
/// <remarks>Proved by ordering, not timing: A's extra round trip shows the server was busy with A after B had sent.</remarks>
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
}
