using System.Net.Sockets;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Infrastructure.Transport.EventLoop;

/// <summary>One connection of the event loop: its socket, session, framing state, input buffer and queued replies (Redis's <c>client</c>).</summary>
/// <remarks>Fields, not properties, so the loop can pass the buffer and its bounds by reference to the shared command path.</remarks>
internal sealed partial class EventLoopConnection(Socket socket, ClientSession session, ProtocolLimits limits, string remote)
{
    /// <summary>Redis's <c>PROTO_REPLY_MIN_BYTES</c>: the reply buffer a connection's first reply allocates; it doubles as needed.</summary>
    private const int FirstOutputCapacity = 1024;

    public Socket Socket { get; } = socket;

    public int Fd { get; } = (int)socket.SafeHandle.DangerousGetHandle();

    public ClientSession Session { get; } = session;

    /// <summary>The peer, for the log.</summary>
    public string Remote { get; } = remote;

    public RequestReader Reader { get; } = new(limits);

    /// <summary>Replies encoded and not yet all sent: Redis's reply buffer. Holds no memory until the first reply, nor once idle.</summary>
    public ReplyWriter Output { get; } = new(FirstOutputCapacity);

    /// <summary>
    /// The connection's own query buffer: empty (no memory) while nothing is left unparsed, since reads go to the loop's
    /// shared buffer; allocated to keep an unfinished request, and given back once the connection is idle.
    /// </summary>
    public byte[] Input = [];

    /// <summary>The first byte of <see cref="Input"/> not yet framed.</summary>
    public int Start;

    /// <summary>One past the last byte received.</summary>
    public int End;

    /// <summary>Bytes of <see cref="Output"/> already sent.</summary>
    public int Sent;

    /// <summary>The epoll flags registered for the socket.</summary>
    public uint Interest;

    /// <summary>Set when the connection must close once its replies are sent (QUIT, a protocol error): input is no longer read.</summary>
    public string? CloseReason;

    /// <summary>True once the replies are sent and FIN is out: what the client still sends is read and dropped until it closes.</summary>
    public bool Draining;

    /// <summary>When a draining connection is closed even if the client has not closed its side (<see cref="Environment.TickCount64"/>).</summary>
    public long DrainDeadline;

    /// <summary>The server's clock, which <c>timeout</c> and <c>idle</c> follow.</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>The last read or write (<see cref="ConnectionRules.Milliseconds"/>), for <c>timeout</c>.</summary>
    public long LastInteraction;

    /// <summary>When the pending output was first found over the soft <c>client-output-buffer-limit</c> (Unix ms), 0 if it is not.</summary>
    public long SoftLimitSince;

    /// <summary>True while the connection is in the loop's list of replies to write before it sleeps.</summary>
    public bool WritePending;

    public bool Closed;

    /// <summary>
    /// Redis's <c>CLIENT_CLOSE_ASAP</c>: a message delivered from another connection's command took the output over its
    /// <c>client-output-buffer-limit</c>; nothing more is queued, and the loop closes it before it next writes.
    /// </summary>
    public bool CloseAsap;

    /// <summary>What <see cref="Input"/> and <see cref="Output"/> held when last reported to <c>mem_clients_normal</c>.</summary>
    public long CountedBufferBytes;

    /// <summary>True when <see cref="CountedBufferBytes"/> is in <c>mem_clients_slaves</c> rather than <c>mem_clients_normal</c>.</summary>
    public bool CountedAsReplica;

    public bool HasPendingOutput => Sent < Output.Length;
}
