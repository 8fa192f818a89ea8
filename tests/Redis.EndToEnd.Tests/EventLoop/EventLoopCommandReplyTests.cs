using Redis.EndToEnd.Tests.RawSocket;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>The blocking transport's <see cref="CommandReplyTests"/>, run against the event loop.</summary>
[Collection(EventLoopServerCollection.Name)]
public sealed class EventLoopCommandReplyTests(EventLoopServerFixture server) : CommandReplyTests(server);
