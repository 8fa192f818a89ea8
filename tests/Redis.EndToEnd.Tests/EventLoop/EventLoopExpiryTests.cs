using Redis.EndToEnd.Tests.RawSocket;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>The blocking transport's <see cref="ExpiryTests"/>, run against the event loop.</summary>
[Collection(EventLoopServerCollection.Name)]
public sealed class EventLoopExpiryTests(EventLoopServerFixture server) : ExpiryTests(server);
