using Redis.EndToEnd.Tests.RawSocket;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>The blocking transport's <see cref="QueryBufferLimitTests"/>, run against the event loop with the same limits.</summary>
public sealed class EventLoopQueryBufferLimitTests(EventLoopQueryBufferLimitTests.Server server)
    : QueryBufferLimitTests(server), IClassFixture<EventLoopQueryBufferLimitTests.Server>
{
    public new sealed class Server : QueryBufferLimitTests.Server
    {
        protected override string IoModel => "event-loop";
    }
}
