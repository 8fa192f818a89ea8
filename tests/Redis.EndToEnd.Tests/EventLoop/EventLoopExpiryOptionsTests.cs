using Redis.EndToEnd.Tests.RawSocket;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>The blocking transport's <see cref="ExpiryOptionsTests"/>, run against the event loop.</summary>
[Collection(EventLoopServerCollection.Name)]
public sealed class EventLoopExpiryOptionsTests(EventLoopServerFixture server) : ExpiryOptionsTests(server);
