namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>Tests sharing one event-loop server: the raw-socket suites of the blocking transport, run again over the event loop.</summary>
[CollectionDefinition(Name)]
public sealed class EventLoopServerCollection : ICollectionFixture<EventLoopServerFixture>
{
    public const string Name = "event-loop server";
}
