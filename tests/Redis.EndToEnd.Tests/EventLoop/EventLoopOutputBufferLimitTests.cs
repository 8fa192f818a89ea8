using Redis.EndToEnd.Tests.RawSocket;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>The blocking transport's <see cref="OutputBufferLimitTests"/>, run against the event loop with the same hard limit.</summary>
public sealed class EventLoopOutputBufferLimitTests(EventLoopOutputBufferLimitTests.Server server)
    : OutputBufferLimitTests(server), IClassFixture<EventLoopOutputBufferLimitTests.Server>
{
    public new sealed class Server : OutputBufferLimitTests.Server
    {
        protected override string IoModel => "event-loop";
    }
}
