using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>An idle client is disconnected after <c>timeout</c> seconds, so it cannot hold the one serving thread forever.</summary>
[TransportSpecific("The waiting client is served only once the idle one is cut off, which holds only while one client is served at a time.")]
public sealed class IdleTimeoutTests(IdleTimeoutTests.Server server) : IClassFixture<IdleTimeoutTests.Server>
{
    [Fact]
    public void IdleClientIsDisconnectedAndTheWaitingClientIsServed()
    {
        using var idle = server.Connect();
        Assert.Equal("+PONG\r\n", idle.Call("PING"));

        using var waiting = server.Connect();
        waiting.SendCommand("PING");

        // Idle time is the server's clock: once it passes the timeout, the server gives up on the idle client at its
        // next poll, and the blocking read returns. No sleep.
        Assert.Equal("+PONG\r\n", idle.Call("PING"));
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("+PONG\r\n", idle.Call("PING"));
        server.Clock.Advance(TimeSpan.FromMilliseconds(1001));
        Assert.True(idle.IsClosedByServer());
        Assert.Equal("+PONG\r\n", waiting.ReadReplyText());
    }

    public sealed class Server : ServerFixture
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Redis:Timeout"] = "1";
    }
}
