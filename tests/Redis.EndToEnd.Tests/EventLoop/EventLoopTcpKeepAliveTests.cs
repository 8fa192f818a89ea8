using Redis.EndToEnd.Tests.RawSocket;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>The blocking transport's <see cref="TcpKeepAliveTests"/> against the event loop, with a configured 120 s.</summary>
public sealed class EventLoopTcpKeepAliveTests(EventLoopTcpKeepAliveTests.Server server)
    : TcpKeepAliveTests(server, 120), IClassFixture<EventLoopTcpKeepAliveTests.Server>
{
    public sealed class Server : EventLoopServerFixture
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Redis:TcpKeepAlive"] = "120";
    }
}
