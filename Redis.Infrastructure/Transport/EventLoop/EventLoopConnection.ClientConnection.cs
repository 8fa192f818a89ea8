using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Infrastructure.Transport.EventLoop;

/// <summary>What <c>CLIENT LIST</c> and <c>CLIENT KILL</c> see of an event-loop connection (ADR 0017's seam).</summary>
internal sealed partial class EventLoopConnection : IClientConnection
{
    /// <summary>The reply buffer's size before any large reply grew it; what it holds beyond is <c>omem</c>.</summary>
    private const int InitialOutputSize = 16 * 1024;

    /// <summary>The loop's close, for <c>CLIENT KILL</c> of this connection from another one's command.</summary>
    public Action<EventLoopConnection, string>? CloseHandler { get; init; }

    /// <summary>The loop's delivery of a message another connection published (or this one, to itself).</summary>
    public DeliverHandler? DeliverHandler { get; init; }

    int IClientConnection.Fd => Fd;

    long IClientConnection.QueryBufferLength => End - Start;

    long IClientConnection.QueryBufferFree => Input.Length - End;

    long IClientConnection.ReplyBufferSize => Output.Capacity;

    long IClientConnection.OutputBufferLength => Output.Length - Sent;

    long IClientConnection.OutputMemory => Math.Max(0, Output.Capacity - InitialOutputSize);

    string IClientConnection.Events => (Interest & Epoll.In) != 0
        ? (Interest & Epoll.Out) != 0 ? "rw" : "r"
        : (Interest & Epoll.Out) != 0 ? "w" : string.Empty;

    long IClientConnection.IdleMilliseconds => ConnectionRules.Milliseconds(Clock) - LastInteraction;

    void IClientConnection.Close(string reason) => CloseHandler?.Invoke(this, reason);

    void IClientConnection.Deliver(in Reply message) => DeliverHandler?.Invoke(this, message);
}
