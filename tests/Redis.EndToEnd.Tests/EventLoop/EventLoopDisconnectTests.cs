using Redis.EndToEnd.Tests.Faults;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>The blocking transport's <see cref="DisconnectTests"/>, run against the event loop.</summary>
public sealed class EventLoopDisconnectTests(EventLoopServerFixture server)
    : DisconnectTests(server), IClassFixture<EventLoopServerFixture>;
