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

        // No sleep: the blocking read returns when the server gives up on the idle client (after about 1 s).
        Assert.True(idle.IsClosedByServer());
        Assert.Equal("+PONG\r\n", waiting.ReadReplyText());
    }

    public sealed class Server : ServerFixture
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Redis:Timeout"] = "1";
    }
}
