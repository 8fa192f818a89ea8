using System.Net.Sockets;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Infrastructure.Transport;

/// <summary>
/// The one connection <see cref="BlockingServer"/> serves: where its unexecuted input starts and ends in the server's
/// buffer, and what <c>CLIENT LIST</c> sees of it (ADR 0017's seam).
/// </summary>
/// <remarks>Fields, not properties, so the server can pass the bounds by reference to the shared command path.</remarks>
internal sealed class BlockingConnection(Socket socket, ClientSession session, Func<byte[]> input, ReplyWriter output, TimeProvider clock) : IClientConnection
{
    /// <summary>The first byte of the input buffer not yet executed.</summary>
    public int Start;

    /// <summary>One past the last byte received.</summary>
    public int End;

    /// <summary>The last read or write (<see cref="ConnectionRules.Milliseconds"/>, the server's clock), for <c>timeout</c> and <c>idle</c>.</summary>
    public long LastActivity = ConnectionRules.Milliseconds(clock);

    public int Fd { get; } = (int)socket.SafeHandle.DangerousGetHandle();

    public long QueryBufferLength => End - Start;

    public long QueryBufferFree => input().Length - End;

    public long ReplyBufferSize => output.Capacity;

    /// <summary>Replies are sent before the next read, so none is ever queued while a command runs.</summary>
    public long OutputBufferLength => output.Length;

    public long OutputMemory => 0;

    /// <summary>The serving thread waits to read only: it sends with blocking calls.</summary>
    public string Events => "r";

    public long IdleMilliseconds => ConnectionRules.Milliseconds(clock) - LastActivity;

    /// <summary>Never called from another connection's command here, as no other connection is open; closes the socket.</summary>
    public void Close(string reason) => socket.Dispose();

    /// <summary>
    /// Only the connection's own <c>PUBLISH</c> can reach it, as no other connection is open: the message joins the
    /// batch's replies, before that command's own reply (as Redis adds it), and goes out with them. The batch's
    /// <c>client-output-buffer-limit</c> check covers it.
    /// </summary>
    public void Deliver(in Reply message)
    {
        output.Protocol = session.Protocol;
        output.Write(message);
    }
}
