namespace Redis.Testing;

/// <summary>The real server with <c>io-model event-loop</c>: every client is served at once, so tests may hold many connections open.</summary>
public class EventLoopServerFixture : ServerFixture<EventLoopTransport>;
