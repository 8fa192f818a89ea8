using Redis.EndToEnd.Tests.RawSocket;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>The blocking transport's <see cref="TransactionTests"/>, run against the event loop.</summary>
[Collection(EventLoopServerCollection.Name)]
public sealed class EventLoopTransactionTests(EventLoopServerFixture server) : TransactionTests(server);
