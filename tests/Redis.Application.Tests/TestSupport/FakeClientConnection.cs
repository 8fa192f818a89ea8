using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Tests.TestSupport;

/// <summary>A transport's connection as a handler sees it: fixed figures, and a record of being closed.</summary>
internal sealed class FakeClientConnection(ClientRegistry registry, ClientSession session) : IClientConnection
{
    public int Fd { get; init; } = 7;

    public long QueryBufferLength { get; init; }

    public long QueryBufferFree { get; init; }

    public long ReplyBufferSize { get; init; } = 16384;

    public long OutputBufferLength { get; init; }

    public long OutputMemory { get; init; }

    public string Events { get; init; } = "r";

    public long IdleMilliseconds { get; init; }

    /// <summary>Why it was closed; null while open.</summary>
    public string? ClosedBecause { get; private set; }

    /// <summary>The messages delivered to it, in order.</summary>
    public List<Reply> Delivered { get; } = [];

    public void Deliver(in Reply message) => Delivered.Add(message);

    public void Close(string reason)
    {
        ClosedBecause = reason;
        registry.Close(session);
    }

    /// <summary>Opens a session with a fake connection attached, as a transport does at accept.</summary>
    public static (ClientSession Session, FakeClientConnection Connection) Open(ClientRegistry registry, string address, int idleSeconds = 0)
    {
        var session = registry.Open(address, "127.0.0.1:6379");
        var connection = new FakeClientConnection(registry, session) { IdleMilliseconds = idleSeconds * 1000L };
        session.Connection = connection;
        return (session, connection);
    }
}
