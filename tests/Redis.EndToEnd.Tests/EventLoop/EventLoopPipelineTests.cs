using Redis.EndToEnd.Tests.RawSocket;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>The blocking transport's <see cref="PipelineTests"/>, run against the event loop.</summary>
[Collection(EventLoopServerCollection.Name)]
public sealed class EventLoopPipelineTests(EventLoopServerFixture server) : PipelineTests(server);
