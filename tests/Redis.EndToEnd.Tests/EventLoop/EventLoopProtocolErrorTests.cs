using Redis.EndToEnd.Tests.RawSocket;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>The blocking transport's <see cref="ProtocolErrorTests"/>, run against the event loop with the same limits.</summary>
public sealed class EventLoopProtocolErrorTests(EventLoopProtocolErrorTests.Server server)
    : ProtocolErrorTests(server), IClassFixture<EventLoopProtocolErrorTests.Server>
{
    public new sealed class Server : ProtocolErrorTests.Server
    {
        protected override string IoModel => "event-loop";
    }
}
