using Redis.Protocol;

namespace Redis.Infrastructure.Transport.EventLoop;

/// <summary>How an event-loop connection hands a published message to its loop, which queues and sends it.</summary>
internal delegate void DeliverHandler(EventLoopConnection connection, in Reply message);
