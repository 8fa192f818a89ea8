using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redis.Application.Common;
using Redis.Application.Memory;
using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;
using Redis.Protocol;

namespace Redis.Infrastructure.Transport;

/// <summary>The TCP server: one thread, blocking sockets, one client at a time.</summary>
/// <remarks>
/// <para>
/// <see cref="Run"/> accepts a client, serves it until it disconnects, closes it, and only then accepts the next.
/// A second client's connection completes in the kernel (the listen backlog holds it) but gets no reply until the
/// first leaves. That is the design, not a limitation to work around: it is what makes the keyspace lock-free.
/// </para>
/// <para>
/// Per read: receive into the free tail of the input buffer, parse every complete request in it, append each reply
/// to one output buffer, and send once. Pipelined requests thus cost one <c>send</c> per batch, not per command.
/// </para>
/// </remarks>
public sealed partial class BlockingServer : IServerTransport
{
    /// <summary>The most bytes one blocking send may carry, so that the send timeout measures a stall, not a reply's size.</summary>
    private const int SendPieceSize = 64 * 1024;

    private readonly RedisServerOptions _options;
    private readonly CommandProcessor _processor;
    private readonly ActiveExpiry _expiry;
    private readonly Databases _databases;
    private readonly ILogger<BlockingServer> _logger;
    private readonly ServerStatistics _statistics;
    private readonly ClientRegistry _clients;
    private readonly ClientBufferMemory _clientMemory;
    private readonly ClientPause _pause;
    private readonly TimeProvider _time;
    private readonly RequestReader _reader;
    private readonly ReplyWriter _writer = new();
    private readonly long _busyPollTicks;
    private byte[] _input = new byte[InputBuffer.InitialSize];
    private Socket? _listener;
    private volatile Socket? _client;

    // What the buffers held when last reported to mem_clients_normal: the served client's, 0 between clients.
    private long _countedBuffers;

    public BlockingServer(
        IOptions<RedisServerOptions> options,
        CommandProcessor processor,
        ActiveExpiry expiry,
        Databases databases,
        ServerStatistics statistics,
        ClientRegistry clients,
        ClientPause pause,
        ProtocolLimits limits,
        TimeProvider time,
        MemoryLimit memory,
        ILogger<BlockingServer> logger)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _clientMemory = memory.Clients;
        _pause = pause;
        _time = time;
        _statistics = statistics;
        _clients = clients;
        _busyPollTicks = options.Value.BusyPollMicroseconds * Stopwatch.Frequency / 1_000_000;
        _options = options.Value;
        _processor = processor;
        _expiry = expiry;
        _databases = databases;
        _logger = logger;
        _reader = new RequestReader(limits);
    }

    /// <summary>Bytes allocated for the input buffer of the client being served (Redis's <c>qbuf</c> plus <c>qbuf-free</c>).</summary>
    /// <remarks>Read from another thread for monitoring and tests: it may lag the serving thread by one resize.</remarks>
    public int InputBufferSize => Volatile.Read(ref _input).Length;

    /// <summary>Bytes held by the connection's input and output buffers: back to 32 KiB once a large request or reply is gone.</summary>
    /// <remarks>For diagnostics and tests; read from another thread it may be one buffer swap behind, never torn.</remarks>
    public long BufferCapacity => (long)InputBufferSize + _writer.Capacity;

    /// <summary>The address and port the server listens on, once started; with port 0, the port the system picked.</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndPoint as IPEndPoint;

    /// <summary>Binds and listens. Throws <see cref="SocketException"/> when the address is in use.</summary>
    public void Start()
    {
        if (_listener is not null)
        {
            return;
        }

        _listener = ListeningSocket.Open(_options);
        _statistics.ListenPort = LocalEndPoint!.Port;
        LogListening(LocalEndPoint);
    }

    /// <summary>Accepts and serves clients one after another until <paramref name="stopping"/> is cancelled.</summary>
    public void Run(CancellationToken stopping)
    {
        Start();
        var listener = _listener!;
        while (!stopping.IsCancellationRequested)
        {
            // Poll rather than block in Accept, so shutdown and active expiry get a turn while no client is connected.
            if (!listener.Poll(ConnectionRules.IdlePollMilliseconds * 1000, SelectMode.SelectRead))
            {
                _expiry.Tick();
                continue;
            }

            using var client = listener.Accept();
            _client = client;
            _statistics.ConnectionsReceived++;
            var address = client.RemoteEndPoint?.ToString();
            var remote = address ?? "?";
            var session = _clients.Open(address, client.LocalEndPoint?.ToString());
            TcpKeepAlive.Apply(client, _options.TcpKeepAlive);
            _logger.ClientConnected(remote);
            var reason = "client closed the connection";
            try
            {
                reason = ProtectedMode.Denies(_options, client.RemoteEndPoint) ? DenyProtectedMode(client) : Serve(client, session, remote, stopping);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // A fault on this connection must not affect the next client (mini-redis Handler::run).
                reason = e.Message;
            }
            finally
            {
                _client = null;
                _clients.Close(session);
                ReleaseBuffers();
                _clientMemory.Report(ref _countedBuffers, 0);
                _logger.ClientDisconnected(remote, reason);
            }
        }
    }

    /// <summary>Closes the connection being served, from another thread; the serving loop then moves on.</summary>
    public void Abort() => _client?.Dispose();

    public void Dispose()
    {
        _listener?.Dispose();
        _client?.Dispose();
    }

    /// <returns>Why the connection ended, for the log.</returns>
    private string Serve(Socket client, ClientSession session, string remote, CancellationToken stopping)
    {
        client.NoDelay = true;
        client.ReceiveTimeout = ConnectionRules.IdlePollMilliseconds;

        // A client that stops reading a reply is cut off after the same timeout as an idle one.
        client.SendTimeout = (int)Math.Min(int.MaxValue, _options.Timeout * 1000L);
        _reader.Reset();
        var connection = new BlockingConnection(client, session, () => _input, _writer, _time);
        session.Connection = connection;
        CountBuffers();

        while (!stopping.IsCancellationRequested)
        {
            var room = InputBuffer.ReceiveRoom(ref _input, connection.Start, connection.End, _options.ClientQueryBufferLimit);
            if (room <= 0)
            {
                return ConnectionRules.QueryBufferLimitReached;
            }

            WaitBriefly(client);
            int received;
            try
            {
                received = client.Receive(_input, connection.End, room, SocketFlags.None);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
                _expiry.Tick();
                if (session.IsPostponed)
                {
                    // A CLIENT PAUSE holds the next request: once its end passes on the server's clock, or it eases,
                    // the request runs (the router postpones it again while the pause still holds it).
                    _pause.Tick();
                    if (Execute(client, session, remote, connection) is { } reason)
                    {
                        return reason;
                    }
                }
                else if (_options.Timeout > 0 && connection.IdleMilliseconds > _options.Timeout * 1000L)
                {
                    return ConnectionRules.IdleTimeout(_options.Timeout);
                }

                continue;
            }

            if (received == 0)
            {
                return ConnectionRules.ClientClosed(connection.End - connection.Start);
            }

            connection.End += received;
            connection.LastActivity = ConnectionRules.Milliseconds(_time);
            _statistics.NetInputBytes += received;
            if (Execute(client, session, remote, connection) is { } closeReason)
            {
                return closeReason;
            }
        }

        // Every request read so far has its whole reply sent; the rest of a pipelined burst stays unanswered.
        CloseGracefully(client);
        return "server shutting down";
    }

    /// <summary>Executes every complete request in the buffer, sends the replies at once, and compacts the buffer.</summary>
    /// <returns>Null to keep serving, or why the connection ended.</returns>
    private string? Execute(Socket client, ClientSession session, string remote, BlockingConnection connection)
    {
        if (!ExecuteBatch(session, remote, ref connection.Start, connection.End, out var closeReason))
        {
            return ConnectionRules.OutputBufferLimitReached;
        }

        CountBuffers();

        // Every reply of the batch is encoded: nothing reads the records its commands removed any more.
        _databases.RecycleRetiredRecords();
        if (_writer.Length > 0)
        {
            _processor.BeforeSend();

            // Sending counts as activity, as Redis's lastinteraction does: a long reply is not idleness. The time is
            // read before the send, since the client may move a test's clock as soon as it has the reply; after a send
            // of several pieces, which waits for the client to read, it is read again. A one-piece send waits only
            // when the client stopped reading, and then SendTimeout (the same timeout) cuts it off.
            connection.LastActivity = ConnectionRules.Milliseconds(_time);
            SendAll(client, _writer.Written);
            if (_writer.Length > SendPieceSize)
            {
                connection.LastActivity = ConnectionRules.Milliseconds(_time);
            }

            _statistics.NetOutputBytes += _writer.Length;
            _writer.Clear();
        }

        if (closeReason is not null)
        {
            CloseGracefully(client);
            return closeReason;
        }

        if (connection.End - connection.Start > _options.ClientQueryBufferLimit)
        {
            // Redis closes such a client without a reply too ("Closing client that reached max query buffer length").
            return ConnectionRules.QueryBufferLimitReached;
        }

        _expiry.Tick();
        (connection.Start, connection.End) = InputBuffer.Compact(ref _input, connection.Start, connection.End);
        CountBuffers();
        return null;
    }

    /// <summary>Reports the served client's buffers to <c>mem_clients_normal</c> when their sizes changed.</summary>
    private void CountBuffers() => _clientMemory.Report(ref _countedBuffers, (long)_input.Length + _writer.Capacity);

    /// <summary>
    /// Runs every complete request under <c>client-output-buffer-limit</c>. The batch is sent whole before the next read,
    /// so its output is all that is ever pending here, and a soft limit can only be exceeded for as long as one batch
    /// takes to execute.
    /// </summary>
    /// <returns>False when the client must close for its output: the batch's replies are dropped, as Redis drops them.</returns>
    private bool ExecuteBatch(ClientSession session, string remote, ref int start, int end, out string? closeReason)
    {
        var softSince = 0L;
        if (_processor.ExecuteBatch(_reader, _writer, session, _input, ref start, end, sent: 0, ref softSince, out closeReason))
        {
            return true;
        }

        _logger.OutputBufferLimitReached(_statistics, session, remote, _writer.Length);
        _writer.Clear();
        return false;
    }

    private string DenyProtectedMode(Socket client)
    {
        _statistics.RejectedConnections++;
        _writer.Write(Errors.ProtectedModeDenied);
        SendAll(client, _writer.Written);
        _writer.Clear();
        CloseGracefully(client);
        return "refused by protected mode (no password set, client not on loopback)";
    }

    /// <summary>
    /// Ends a connection the server chose to end (QUIT, a protocol error, protected mode, shutdown) without a reset:
    /// sends FIN after the last reply, then reads and drops what the client still sends until it closes its side, for
    /// at most <see cref="ConnectionRules.CloseLingerMilliseconds"/>.
    /// </summary>
    /// <remarks>
    /// Closing a socket with unread input makes the kernel send RST at once (RFC 2525, section 2.17), and RST throws away
    /// the replies still queued for sending. A client that pipelines past a QUIT, or is in the middle of a burst when the
    /// server stops, would find its last reply torn and a reset where the end of the stream should be. With FIN first
    /// and the input drained, it reads every reply whole and then the end of the stream.
    /// </remarks>
    private void CloseGracefully(Socket client)
    {
        var deadline = Environment.TickCount64 + ConnectionRules.CloseLingerMilliseconds;
        try
        {
            client.Shutdown(SocketShutdown.Send);
            client.ReceiveTimeout = ConnectionRules.IdlePollMilliseconds;
            while (Environment.TickCount64 < deadline)
            {
                try
                {
                    if (client.Receive(_input) == 0)
                    {
                        return;
                    }
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
                {
                }
            }
        }
        catch (SocketException)
        {
            // The client reset the connection first: it is over either way.
        }
    }

    private void ReleaseBuffers()
    {
        if (_input.Length > InputBuffer.InitialSize)
        {
            _input = new byte[InputBuffer.InitialSize];
        }

        _writer.Clear();
        _reader.Reset();
    }

    /// <summary>Spins for up to the busy-poll budget until the client's next request has arrived.</summary>
    /// <remarks>
    /// A client that answers within a few microseconds (a pipelining benchmark, a chatty application) then finds its
    /// request read without the scheduler putting this thread to sleep and waking it again, which costs tens of
    /// microseconds per round trip. After the budget the thread blocks in <c>recv</c> as usual (ADR 0009).
    /// </remarks>
    private void WaitBriefly(Socket client)
    {
        if (_busyPollTicks == 0)
        {
            return;
        }

        var deadline = Stopwatch.GetTimestamp() + _busyPollTicks;
        while (client.Available == 0 && Stopwatch.GetTimestamp() < deadline)
        {
            Thread.SpinWait(1);
        }
    }

    /// <summary>Sends every byte, in pieces of at most <see cref="SendPieceSize"/>.</summary>
    /// <remarks>
    /// On Unix, .NET's blocking <c>Send</c> returns only once all of its bytes are sent, and its timeout covers the whole
    /// call. Sent in one call, a 50 MB reply would have to be read within <c>timeout</c> seconds however steadily the
    /// client reads; in pieces, the timeout cuts off a client that stalls: each piece must find room in the socket
    /// within that time (the kernel frees room in steps of about a third of the send buffer, as it does for Redis's
    /// writable events).
    /// </remarks>
    private static void SendAll(Socket client, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[client.Send(bytes[..Math.Min(bytes.Length, SendPieceSize)], SocketFlags.None)..];
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Listening on {EndPoint}, serving one client at a time")]
    private partial void LogListening(IPEndPoint endPoint);
}
