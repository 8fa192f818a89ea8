using Redis.Protocol;

namespace Redis.Application.Sessions;

/// <summary>
/// The transport's side of a session: what <c>CLIENT LIST</c> shows of the connection's socket and buffers, and a way
/// to close it (<c>CLIENT KILL</c>), without Application knowing sockets (ADR 0017).
/// </summary>
/// <remarks>
/// The transport attaches one to the session at accept (<see cref="ClientSession.Connection"/>). Only the serving
/// thread calls it, between commands or from a command's handler. The figures follow Redis's <c>catClientInfoString</c>
/// for this server's buffers: one growable input buffer and one growable output buffer per connection.
/// </remarks>
public interface IClientConnection
{
    /// <summary>The socket's file descriptor (<c>fd</c>); -1 when the transport has none to show.</summary>
    int Fd { get; }

    /// <summary>Bytes received and not yet executed (<c>qbuf</c>).</summary>
    long QueryBufferLength { get; }

    /// <summary>Room left in the input buffer after them (<c>qbuf-free</c>).</summary>
    long QueryBufferFree { get; }

    /// <summary>Bytes of the reply buffer allocated now (<c>rbs</c>).</summary>
    long ReplyBufferSize { get; }

    /// <summary>Reply bytes queued and not yet sent (<c>obl</c>).</summary>
    long OutputBufferLength { get; }

    /// <summary>
    /// Memory the output holds beyond its initial buffer (<c>omem</c>; Redis counts its reply list there, not the
    /// static buffer), and what <c>client_recent_max_output_buffer</c> takes the largest of.
    /// </summary>
    long OutputMemory { get; }

    /// <summary>What the transport waits for on the socket: <c>r</c>, <c>w</c>, <c>rw</c>, or empty (<c>events</c>).</summary>
    string Events { get; }

    /// <summary>Milliseconds since the connection last read or wrote (<c>idle</c>, in seconds, in <c>CLIENT LIST</c>).</summary>
    long IdleMilliseconds { get; }

    /// <summary>
    /// Closes the connection now, without sending what is queued (Redis's <c>freeClient</c>, which <c>CLIENT KILL</c>
    /// calls for every client but the one asking). Its session leaves the registry.
    /// </summary>
    void Close(string reason);

    /// <summary>
    /// Queues an out-of-band reply (a pub/sub message another connection published) on this connection, encoded in its
    /// session's protocol after any reply already queued, and has it sent without waiting for the client to send
    /// anything. The transport applies <c>client-output-buffer-limit</c> to it: a connection over its limit is closed
    /// once the current command is done (Redis's <c>freeClientAsync</c>), so the caller may be walking a list of
    /// subscribers that the close would change.
    /// </summary>
    void Deliver(in Reply message);
}
