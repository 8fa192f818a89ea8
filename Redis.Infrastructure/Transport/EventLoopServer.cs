using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redis.Application.Common;
using Redis.Application.Memory;
using Redis.Application.Replies;
using Redis.Application.Scripting;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Replication;
using Redis.Infrastructure.Transport.EventLoop;
using Redis.Protocol;

namespace Redis.Infrastructure.Transport;

/// <summary>The TCP server as Redis runs it: one thread, every connection multiplexed with level-triggered epoll (<c>io-model event-loop</c>).</summary>
/// <remarks>
/// <para>
/// One thread accepts, reads, executes, writes and runs active expiry for every connection, so the keyspace stays
/// lock-free exactly as with <see cref="BlockingServer"/> (ADR 0004, ADR 0018). Sockets are non-blocking and used only
/// through the synchronous calls with <c>out SocketError</c>: .NET's async socket methods would register them with the
/// runtime's own epoll thread.
/// </para>
/// <para>
/// One turn of the loop follows Redis's <c>aeProcessEvents</c> and <c>networking.c</c>: before sleeping, write the
/// replies queued in the last turn (<c>beforeSleep</c>, <c>handleClientsWithPendingWrites</c>) and ask for writability only
/// for a connection whose output is left; wait; for each readable connection read at most 16 KiB (more while a big
/// bulk argument arrives), execute every complete command in its buffer and queue the replies; for each writable
/// one write at most 64 KiB while other events wait; then let the keyspace recycle, and run the timers.
/// </para>
/// <para>
/// A script past <c>busy-reply-threshold</c> runs the loop's turn from inside itself (<see cref="ServeWhileBusy"/>):
/// every connection but its caller is read and written, their commands are answered <c>-BUSY</c> unless allowed (the
/// router decides), and nothing else the loop does between turns runs until the script ends.
/// </para>
/// </remarks>
public sealed partial class EventLoopServer : IServerTransport
{
    /// <summary>Redis's <c>PROTO_IOBUF_LEN</c>: read at most this from one connection per readable event, so a fast sender cannot starve the rest.</summary>
    private const int ReadPerEvent = 16 * 1024;

    /// <summary>Redis's <c>PROTO_MBULK_BIG_ARG</c>: a bulk argument this large is read up to its end in one read, not 16 KiB at a time.</summary>
    private const long BigArgument = 32 * 1024;

    /// <summary>Redis's <c>NET_MAX_WRITES_PER_EVENT</c>: write at most this to one connection per turn while others wait, so one large reply cannot hold everyone.</summary>
    private const int WritePerTurn = 64 * 1024;

    /// <summary>The most ready sockets one <c>epoll_wait</c> reports; the rest are reported on the next turn (level-triggered).</summary>
    private const int MaxEventsPerWait = 1024;

    private readonly RedisServerOptions _options;
    private readonly CommandProcessor _processor;
    private readonly ActiveExpiry _expiry;
    private readonly Databases _databases;
    private readonly ServerStatistics _statistics;
    private readonly ClientRegistry _clients;
    private readonly ClientBufferMemory _clientMemory;
    private readonly ClientPause _pause;
    private readonly BlockedClients _blocked;
    private readonly Action<ClientSession> _resume;
    private readonly ILogger<EventLoopServer> _logger;
    private readonly TimeProvider _time;
    private readonly ProtocolLimits _limits;
    private readonly ReplicationLinks _replication;

    /// <summary>
    /// Where every read lands while its connection has nothing left unparsed, so an idle connection needs no query
    /// buffer of its own (as Redis 7.4's shared query buffer): only an unfinished request's bytes are copied out.
    /// </summary>
    // The buffer connections are read into; a busy script's turn swaps in one of its own, since the caller's requests
    // may still be in this one (see ServeWhileBusy).
    private byte[] _readBuffer = new byte[ReadPerEvent];
    private byte[]? _busyReadBuffer;

    // The connection whose script is being interrupted: neither read nor written nor closed until the script ends.
    private EventLoopConnection? _busyCaller;
    private readonly byte[] _maxClientsReply;
    private readonly Dictionary<int, EventLoopConnection> _connections = [];
    private readonly List<EventLoopConnection> _pendingWrites = [];
    private readonly List<EventLoopConnection> _expired = [];

    // Redis's server.clients_to_close: subscribers a delivered message took over their output limit, closed before writing.
    private readonly List<EventLoopConnection> _closeAsap = [];
    private readonly OutputBufferLimiter _outputLimits;

    // Redis's server.postponed_clients: connections whose next command waits for CLIENT PAUSE to end, in order.
    private readonly List<EventLoopConnection> _postponed = [];
    private long _pauseRelaxations;

    // True while blocked clients are being served: a command one of them runs that wakes others leaves them to the
    // loop already running, instead of serving them from inside it.
    private bool _servingBlocked;
    private Socket? _listener;
    private int _listenerFd;
    private Epoll? _epoll;
    private long _nextCron;

    public EventLoopServer(
        IOptions<RedisServerOptions> options,
        CommandProcessor processor,
        ActiveExpiry expiry,
        Databases databases,
        ServerStatistics statistics,
        ClientRegistry clients,
        ClientPause pause,
        BlockedClients blocked,
        OutputBufferLimiter outputLimits,
        TimeProvider time,
        ProtocolLimits limits,
        RunningScript script,
        ReplicationLinks replication,
        MemoryLimit memory,
        ILogger<EventLoopServer> logger)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _clientMemory = memory.Clients;
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(replication);
        replication.Supported = true;
        _replication = replication;
        script.ServeOthers = ServeWhileBusy;
        _outputLimits = outputLimits;
        _pause = pause;
        _blocked = blocked;
        _resume = Resume;
        _time = time;
        _options = options.Value;
        _processor = processor;
        _expiry = expiry;
        _databases = databases;
        _statistics = statistics;
        _clients = clients;
        _logger = logger;
        _limits = limits;
        var encoder = new ReplyWriter();
        encoder.Write(Errors.MaxClientsReached);
        _maxClientsReply = encoder.Written.ToArray();
    }

    public IPEndPoint? LocalEndPoint => _listener?.LocalEndPoint as IPEndPoint;

    /// <summary>Binds, listens and creates the epoll instance. Throws <see cref="PlatformNotSupportedException"/> off Linux.</summary>
    public void Start()
    {
        if (_listener is not null)
        {
            return;
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException(
                $"io-model {IoModels.EventLoop} needs Linux (epoll); on this system use --io-model {IoModels.Blocking}.");
        }

        var listener = ListeningSocket.Open(_options);
        try
        {
            listener.Blocking = false;
            _epoll = new Epoll(MaxEventsPerWait);
            _listenerFd = (int)listener.SafeHandle.DangerousGetHandle();
            _epoll.Add(_listenerFd, Epoll.In);
        }
        catch
        {
            _epoll?.Dispose();
            listener.Dispose();
            throw;
        }

        _listener = listener;
        _statistics.ListenPort = LocalEndPoint!.Port;
        LogListening(LocalEndPoint);
    }

    /// <summary>Runs the loop until <paramref name="stopping"/> is cancelled, then closes every connection.</summary>
    public void Run(CancellationToken stopping)
    {
        Start();
        var epoll = _epoll!;
        var sleep = Math.Clamp(1000 / _options.Hz, 1, ConnectionRules.IdlePollMilliseconds);
        while (!stopping.IsCancellationRequested)
        {
            WritePendingReplies();
            HandleEvents(epoll.Wait(WaitMilliseconds(sleep)));

            // Every reply of the turn is encoded: nothing reads the records its commands removed any more.
            _databases.RecycleRetiredRecords();
            _expiry.Tick();
            RunCron();
            AdoptMaster();
            ResumePostponed();

            // Redis's blockedBeforeSleep: blocked clients past their deadline get the timeout reply.
            _blocked.TimeOut();
            ServeBlocked();
        }

        Shutdown(sleep);
    }

    // The loop sleeps at most until the earliest blocked client's deadline, so a timeout of 10 ms answers after about
    // 10 ms, not at the next cron (Redis's ae timers).
    private int WaitMilliseconds(int sleep)
    {
        var deadline = _blocked.NextDeadline;
        if (deadline == long.MaxValue)
        {
            return sleep;
        }

        var left = deadline - _time.GetUtcNow().ToUnixTimeMilliseconds();
        return (int)Math.Clamp(left, 0, sleep);
    }

    /// <summary>
    /// Redis's <c>processEventsWhileBlocked</c>, called by a script past <c>busy-reply-threshold</c> every so many
    /// instructions: one turn that does not wait, for every connection but the script's caller.
    /// </summary>
    /// <remarks>
    /// Blocked clients are not served, postponed ones not resumed, keys not expired and the timers not run: the
    /// script is still atomic, and whatever it woke runs after it, as in Redis.
    /// </remarks>
    private void ServeWhileBusy(ClientSession caller)
    {
        var shared = _readBuffer;
        _busyCaller = caller.Connection as EventLoopConnection;
        _readBuffer = _busyReadBuffer ??= new byte[ReadPerEvent];
        try
        {
            WritePendingReplies();
            HandleEvents(_epoll!.Wait(0));
            WritePendingReplies();
        }
        finally
        {
            _readBuffer = shared;
            _busyCaller = null;
        }
    }

    private void HandleEvents(int count)
    {
        var epoll = _epoll!;
        for (var i = 0; i < count; i++)
        {
            var (fd, events) = epoll.EventAt(i);
            if (fd == _listenerFd)
            {
                AcceptAll();
            }
            else if (_connections.TryGetValue(fd, out var connection) && connection != _busyCaller)
            {
                // The flags only say which call to try: the call's own result decides (a stale event for a
                // descriptor reused in this turn then finds nothing to read and nothing to write).
                if ((events & (Epoll.In | Epoll.HangUp | Epoll.Error)) != 0)
                {
                    Read(connection);
                }

                if ((events & Epoll.Out) != 0 && !connection.Closed)
                {
                    Write(connection, bounded: count > 1);
                }
            }
        }
    }

    /// <summary>
    /// At shutdown: accept no more, and end every connection as QUIT does (stop reading, send the queued replies, FIN,
    /// drop the input until the client closes), for at most <see cref="ConnectionRules.CloseLingerMilliseconds"/>; then
    /// close the rest. Closing at once would reset a connection with unread input and could destroy replies in flight.
    /// </summary>
    private void Shutdown(int sleep)
    {
        _epoll!.Remove(_listenerFd);
        foreach (var connection in _connections.Values.ToArray())
        {
            if (connection.CloseReason is null)
            {
                CloseAfterReplies(connection, "server shutting down");
            }
        }

        var deadline = Environment.TickCount64 + ConnectionRules.CloseLingerMilliseconds;
        while (_connections.Count > 0 && Environment.TickCount64 < deadline)
        {
            WritePendingReplies();
            HandleEvents(_epoll.Wait(sleep));
            RunCron();
        }

        CloseAll();
    }

    /// <summary>Nothing to do: the loop never waits on one client longer than its idle poll, so it stops on its own.</summary>
    public void Abort()
    {
    }

    public void Dispose()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Socket.Dispose();
        }

        _listener?.Dispose();
        _epoll?.Dispose();
    }

    /// <summary>Accepts every connection waiting in the backlog (Redis's <c>acceptTcpHandler</c> loops the same way).</summary>
    /// <remarks>Polled first, so the usual end of the burst is a poll that says no rather than an exception from <c>accept</c>.</remarks>
    private void AcceptAll()
    {
        var listener = _listener!;
        while (listener.Poll(0, SelectMode.SelectRead))
        {
            Socket socket;
            try
            {
                socket = listener.Accept();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock)
            {
                // The connection was reset between the poll and the accept.
                return;
            }
            catch (SocketException e)
            {
                // Out of descriptors, for example; the listener stays readable and the next turn tries again.
                LogAcceptFailed(e.SocketErrorCode);
                return;
            }

            var address = socket.RemoteEndPoint?.ToString();
            var remote = address ?? "?";
            if (_connections.Count >= _options.MaxClients)
            {
                Reject(socket, remote);
                continue;
            }

            _statistics.ConnectionsReceived++;
            var connection = Register(socket, address, remote);
            _logger.ClientConnected(remote);
            if (ProtectedMode.Denies(_options, socket.RemoteEndPoint))
            {
                _statistics.RejectedConnections++;
                connection.Output.Write(Errors.ProtectedModeDenied);
                CloseAfterReplies(connection, "refused by protected mode (no password set, client not on loopback)");
            }
        }
    }

    /// <summary>Gives a connected socket a session and a place in the loop.</summary>
    private EventLoopConnection Register(Socket socket, string? address, string remote)
    {
        socket.Blocking = false;
        socket.NoDelay = true;
        TcpKeepAlive.Apply(socket, _options.TcpKeepAlive);
        var session = _clients.Open(address, socket.LocalEndPoint?.ToString());
        session.MayBlock = true;
        var connection = new EventLoopConnection(socket, session, _limits, remote)
        {
            LastInteraction = ConnectionRules.Milliseconds(_time),
            Clock = _time,
            Interest = Epoll.In,
            CloseHandler = Close,
            DeliverHandler = Deliver,
        };
        session.Connection = connection;
        _connections.Add(connection.Fd, connection);
        _epoll!.Add(connection.Fd, Epoll.In);
        return connection;
    }

    /// <summary>
    /// Redis's <c>replicationCreateMasterClient</c>: the link to this server's master, once its handshake finished and
    /// its RDB is loaded, joins the loop as a connection whose commands run without replies; the stream bytes that
    /// arrived with the handshake's last read run first.
    /// </summary>
    private void AdoptMaster()
    {
        EventLoopConnection? adopted = null;
        if (_replication.TryTakeMaster(socket =>
            {
                var address = socket.RemoteEndPoint?.ToString();
                adopted = Register(socket, address, address ?? "?");
                adopted.Session.Authenticate();
                return adopted.Session;
            }) is not { } master || adopted is null)
        {
            return;
        }

        _logger.ClientConnected(adopted.Remote);
        if (master.Leftover.Length != 0)
        {
            adopted.Input = master.Leftover;
            (adopted.Start, adopted.End) = (0, master.Leftover.Length);
            Run(adopted, adopted.Input, shared: false, 0, master.Leftover.Length);
        }
    }

    /// <summary>Answers a connection over <c>maxclients</c> and closes it at once, as Redis does; it never gets a session.</summary>
    private void Reject(Socket socket, string remote)
    {
        _statistics.RejectedConnections++;
        socket.Send(_maxClientsReply, SocketFlags.None, out _);
        socket.Dispose();
        LogRejected(remote, _options.MaxClients);
    }

    /// <summary>Reads at most one bounded piece, executes every complete request in the buffer and queues the replies.</summary>
    private void Read(EventLoopConnection connection)
    {
        if (connection.Draining)
        {
            Drain(connection);
            return;
        }

        if (connection.CloseReason is not null)
        {
            // Only writability is asked for now, so this is a hang-up or an error: the write finds out which.
            Write(connection, bounded: true);
            return;
        }

        var limit = _options.ClientQueryBufferLimit;
        var pending = connection.End - connection.Start;

        // Nothing unparsed and no buffer of its own: read into the loop's buffer. The reader is between requests then,
        // so no big argument is arriving and one bounded read is the whole want.
        var shared = connection.Input.Length == 0;
        var input = _readBuffer;
        int start = 0, end = 0, room;
        if (shared)
        {
            room = (int)Math.Min(ReadPerEvent, limit + 1);
        }
        else
        {
            var missing = connection.Reader.MissingBulkBytes(pending, BigArgument);
            room = InputBuffer.ReceiveRoom(ref connection.Input, connection.Start, connection.End, limit, missing > 0 ? missing : ReadPerEvent);
            if (room <= 0)
            {
                Close(connection, ConnectionRules.QueryBufferLimitReached);
                return;
            }

            (input, start, end) = (connection.Input, connection.Start, connection.End);
        }

        var received = connection.Socket.Receive(input.AsSpan(end, room), SocketFlags.None, out var error);
        if (error == SocketError.WouldBlock)
        {
            return;
        }

        if (error != SocketError.Success)
        {
            Close(connection, "receive failed: " + error);
            return;
        }

        if (received == 0)
        {
            Close(connection, ConnectionRules.ClientClosed(pending));
            return;
        }

        end += received;
        connection.LastInteraction = ConnectionRules.Milliseconds(_time);
        _statistics.NetInputBytes += received;
        if (connection.Session.IsPostponed || connection.Session.Block is not null)
        {
            // A CLIENT PAUSE or a blocking command holds this connection's next request: what arrives waits behind
            // it, unexecuted.
            Keep(connection, input, shared, start, end);
            return;
        }

        Run(connection, input, shared, start, end);
    }

    /// <summary>
    /// Executes every complete request in <paramref name="input"/>[<paramref name="start"/>..<paramref name="end"/>), up to
    /// one a CLIENT PAUSE holds, queues the replies, and keeps what is left in the connection's own buffer.
    /// </summary>
    private void Run(EventLoopConnection connection, byte[] input, bool shared, int start, int end)
    {
        var limit = _options.ClientQueryBufferLimit;
        string? closeReason;
        while (true)
        {
            var before = start;
            if (!Execute(connection, input, ref start, end, out closeReason))
            {
                return;
            }

            // The processor stops after a command that woke blocked clients: they run before this connection's next
            // command, as Redis serves them after each command. The rest of the input then goes on.
            if (closeReason is not null || !_blocked.HasWork || start == before)
            {
                break;
            }

            ServeBlocked();
            if (connection.Closed)
            {
                return;
            }
        }

        if (closeReason is null && end - start > limit)
        {
            // Redis closes such a client without a reply too; the replies before it still go out, as BlockingServer sends them.
            closeReason = ConnectionRules.QueryBufferLimitReached;
        }

        if (closeReason is not null)
        {
            CloseAfterReplies(connection, closeReason);
            return;
        }

        Keep(connection, input, shared, start, end);
        if (connection.HasPendingOutput)
        {
            QueueWrite(connection);
        }

        if (connection.Session.IsPostponed)
        {
            _postponed.Add(connection);
        }
    }

    /// <summary>
    /// Once CLIENT PAUSE ended or eased (UNPAUSE, or its end passed on the server's clock, seen by <see cref="RunCron"/>),
    /// runs the postponed connections' input again in the order they were held (Redis's <c>unblockPostponedClients</c>);
    /// a command still held postpones its connection again.
    /// </summary>
    private void ResumePostponed()
    {
        if (_pause.Relaxations == _pauseRelaxations)
        {
            return;
        }

        _pauseRelaxations = _pause.Relaxations;
        var resumed = _postponed.ToArray();
        _postponed.Clear();
        foreach (var connection in resumed)
        {
            if (!connection.Closed && connection.CloseReason is null)
            {
                connection.Session.IsPostponed = false;
                Run(connection, connection.Input, shared: false, connection.Start, connection.End);
            }
        }
    }

    /// <summary>Runs the blocked clients that can go on (see <see cref="BlockedClients.ServeReady"/>), unless that is already under way.</summary>
    private void ServeBlocked()
    {
        if (_servingBlocked || !_blocked.HasWork || _busyCaller is not null)
        {
            return;
        }

        _servingBlocked = true;
        try
        {
            _blocked.ServeReady(_resume);
        }
        finally
        {
            _servingBlocked = false;
        }
    }

    // Runs a blocked connection's held input again: its blocking command first, then what arrived behind it.
    private void Resume(ClientSession session)
    {
        var connection = (EventLoopConnection)session.Connection!;
        if (connection.Closed || connection.CloseReason is not null)
        {
            _blocked.Unblock(session);
            return;
        }

        Run(connection, connection.Input, shared: false, connection.Start, connection.End);
    }

    /// <summary>Runs every complete request in <paramref name="input"/> under <c>client-output-buffer-limit</c>.</summary>
    /// <returns>False when the connection was closed for its output (the replies are dropped, as Redis's <c>freeClientAsync</c> drops them).</returns>
    private bool Execute(EventLoopConnection connection, byte[] input, ref int start, int end, out string? closeReason)
    {
        if (_processor.ExecuteBatch(connection.Reader, connection.Output, connection.Session, input, ref start, end, connection.Sent, ref connection.SoftLimitSince, out closeReason))
        {
            return true;
        }

        CloseForOutput(connection);
        return false;
    }

    /// <summary>Redis's <c>closeClientOnOutputBufferLimitReached</c> with <c>freeClientAsync</c>: the client is closed and its pending output dropped.</summary>
    private void CloseForOutput(EventLoopConnection connection)
    {
        if (!connection.CloseAsap)
        {
            _logger.OutputBufferLimitReached(_statistics, connection.Session, connection.Remote, connection.Output.Length - connection.Sent);
        }

        Close(connection, ConnectionRules.OutputBufferLimitReached);
    }

    /// <summary>
    /// Queues a published message on <paramref name="connection"/> after whatever it has queued (a reply is always
    /// encoded whole, so the message never lands inside one) and has it written before the loop next sleeps. Mirrors
    /// Redis's <c>_addReplyToBufferOrList</c>: nothing is added to a connection closing after its replies or closing
    /// for its output, and an output over <c>client-output-buffer-limit</c> schedules the close
    /// (<c>closeClientOnOutputBufferLimitReached(c, 1)</c>): the publisher may be walking the subscriber list that
    /// closing at once would change.
    /// </summary>
    private void Deliver(EventLoopConnection connection, in Reply message)
    {
        if (connection.Closed || connection.CloseAsap || connection.CloseReason is not null)
        {
            return;
        }

        var output = connection.Output;
        output.Protocol = connection.Session.Protocol;
        output.Write(message);
        QueueWrite(connection);
        CountBuffers(connection);
        var limit = _outputLimits.For(connection.Session);
        var pending = output.Length - connection.Sent;
        if (pending >= limit.CheckFrom && _outputLimits.IsReached(limit, pending, ref connection.SoftLimitSince))
        {
            connection.CloseAsap = true;
            _logger.OutputBufferLimitReached(_statistics, connection.Session, connection.Remote, pending);
            _closeAsap.Add(connection);
        }
    }

    /// <summary>Redis's <c>freeClientsInAsyncFreeQueue</c>: closes the connections scheduled to close, dropping their output.</summary>
    private void CloseScheduled()
    {
        foreach (var connection in _closeAsap)
        {
            if (connection != _busyCaller)
            {
                Close(connection, ConnectionRules.OutputBufferLimitReached);
            }
        }

        _closeAsap.Clear();
        if (_busyCaller is { CloseAsap: true } caller)
        {
            _closeAsap.Add(caller);
        }
    }

    /// <summary>Leaves what was not executed in the connection's own buffer: copied out of the loop's, or compacted in place.</summary>
    private void Keep(EventLoopConnection connection, byte[] input, bool shared, int start, int end)
    {
        if (shared)
        {
            KeepUnfinished(connection, start, end);
        }
        else
        {
            (connection.Start, connection.End) = InputBuffer.Compact(ref connection.Input, start, end);
        }

        CountBuffers(connection);
    }

    /// <summary>Reports the connection's buffers to <c>mem_clients_normal</c> (a replica's to <c>mem_clients_slaves</c>) when their sizes changed: a comparison, and an addition per resize.</summary>
    private void CountBuffers(EventLoopConnection connection) =>
        _clientMemory.Report(ref connection.CountedBufferBytes, ref connection.CountedAsReplica, (long)connection.Input.Length + connection.Output.Capacity, connection.Session.IsReplica);

    /// <summary>Copies an unfinished request out of the loop's shared buffer into the connection's own, the only time it needs one.</summary>
    private void KeepUnfinished(EventLoopConnection connection, int start, int end)
    {
        var pending = end - start;
        if (pending == 0)
        {
            return;
        }

        connection.Input = new byte[Math.Max(InputBuffer.InitialSize, pending)];
        _readBuffer.AsSpan(start, pending).CopyTo(connection.Input);
        (connection.Start, connection.End) = (0, pending);
    }

    /// <summary>Stops reading the connection's input; it closes once its replies are sent (Redis's <c>CLIENT_CLOSE_AFTER_REPLY</c>).</summary>
    private void CloseAfterReplies(EventLoopConnection connection, string reason)
    {
        connection.CloseReason = reason;
        CountBuffers(connection);

        // Level-triggered: input left unread would wake the loop every turn, so only writability is asked for.
        SetInterest(connection, Epoll.Out);
        QueueWrite(connection);
    }

    private void QueueWrite(EventLoopConnection connection)
    {
        if (!connection.WritePending)
        {
            connection.WritePending = true;
            _pendingWrites.Add(connection);
        }
    }

    /// <summary>Redis's <c>handleClientsWithPendingWrites</c>: write what the last turn queued before the loop sleeps.</summary>
    private void WritePendingReplies()
    {
        CloseScheduled();
        var bounded = _pendingWrites.Count > 1;
        foreach (var connection in _pendingWrites)
        {
            if (connection != _busyCaller)
            {
                connection.WritePending = false;
                if (!connection.Closed)
                {
                    Write(connection, bounded);
                }
            }
        }

        _pendingWrites.Clear();
        if (_busyCaller is { WritePending: true } caller)
        {
            _pendingWrites.Add(caller);
        }
    }

    /// <summary>
    /// Writes the connection's queued replies until the socket is full, everything is sent, or (when
    /// <paramref name="bounded"/>, because others wait) <see cref="WritePerTurn"/> bytes are out.
    /// </summary>
    private void Write(EventLoopConnection connection, bool bounded)
    {
        _processor.BeforeSend();
        var budget = bounded ? WritePerTurn : int.MaxValue;
        var written = 0;

        // Read before the send: once the client has the reply it may move a test's clock, and the reply's time must not
        // be taken after that. The send does not block, so the two times are the same on the machine's clock.
        var writtenAt = ConnectionRules.Milliseconds(_time);
        while (connection.HasPendingOutput && written < budget)
        {
            var unsent = connection.Output.Written[connection.Sent..];
            var sent = connection.Socket.Send(unsent[..Math.Min(unsent.Length, budget - written)], SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                break;
            }

            if (error != SocketError.Success)
            {
                Close(connection, "send failed: " + error);
                return;
            }

            connection.Sent += sent;
            written += sent;
            _statistics.NetOutputBytes += sent;
        }

        if (written > 0)
        {
            // Sending counts as activity, as Redis's lastinteraction does: a long reply is not idleness.
            connection.LastInteraction = writtenAt;
        }

        if (connection.HasPendingOutput)
        {
            SetInterest(connection, connection.CloseReason is null ? Epoll.In | Epoll.Out : Epoll.Out);
            return;
        }

        connection.Output.Clear();
        CountBuffers(connection);
        connection.Sent = 0;
        connection.SoftLimitSince = 0;
        if (connection.CloseReason is null)
        {
            SetInterest(connection, Epoll.In);
        }
        else
        {
            BeginDrain(connection);
        }
    }

    /// <summary>
    /// Sends FIN after the last reply and reads and drops what the client still sends until it closes its side, for
    /// at most <see cref="ConnectionRules.CloseLingerMilliseconds"/>: closing with unread input would send RST, which can destroy the
    /// replies still in flight (see <c>BlockingServer.CloseGracefully</c>). Here the wait is a state, not a blocking call.
    /// </summary>
    private void BeginDrain(EventLoopConnection connection)
    {
        try
        {
            connection.Socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The client reset the connection first: it is over either way.
            Close(connection, connection.CloseReason!);
            return;
        }

        connection.Draining = true;
        connection.DrainDeadline = Environment.TickCount64 + ConnectionRules.CloseLingerMilliseconds;
        SetInterest(connection, Epoll.In);
    }

    private void Drain(EventLoopConnection connection)
    {
        var received = connection.Socket.Receive(_readBuffer, SocketFlags.None, out var error);
        if (error != SocketError.WouldBlock && (error != SocketError.Success || received == 0))
        {
            Close(connection, connection.CloseReason!);
        }
    }

    private void SetInterest(EventLoopConnection connection, uint events)
    {
        if (connection.Interest != events)
        {
            _epoll!.Modify(connection.Fd, events);
            connection.Interest = events;
        }
    }

    /// <summary>Closes idle connections (<c>timeout</c>) and draining ones past their linger, ten times a second (Redis's <c>clientsCron</c>).</summary>
    private void RunCron()
    {
        var now = Environment.TickCount64;
        if (now < _nextCron)
        {
            return;
        }

        _nextCron = now + ConnectionRules.IdlePollMilliseconds;

        // Redis's serverCron ends a pause whose time is up (checkClientPauseTimeoutAndReturnIfPaused).
        _pause.Tick();
        var idleLimit = _options.Timeout * 1000L;
        var second = _time.GetUtcNow().ToUnixTimeSeconds();
        var clock = ConnectionRules.Milliseconds(_time);
        foreach (var connection in _connections.Values)
        {
            // A postponed client is blocked, not idle: Redis's clientsCronHandleTimeout skips CLIENT_BLOCKED ones, and the
            // links of replication (CLIENT_SLAVE, CLIENT_MASTER), which repl-timeout watches instead.
            if (connection.Draining
                ? now > connection.DrainDeadline
                : idleLimit > 0 && clock - connection.LastInteraction > idleLimit && !connection.Session.IsPostponed && connection.Session.Block is null &&
                  !connection.Session.IsMaster && !connection.Session.IsReplica)
            {
                _expired.Add(connection);
                continue;
            }

            _statistics.RecordClientBuffers(second, connection.Input.Length, connection.Output.Length - connection.Sent);
            if (clock - connection.LastInteraction > ConnectionRules.BufferReleaseIdleMilliseconds)
            {
                ReleaseBuffers(connection);
            }
        }

        foreach (var connection in _expired)
        {
            Close(connection, connection.Draining ? connection.CloseReason! : ConnectionRules.IdleTimeout(_options.Timeout));
        }

        _expired.Clear();
    }

    /// <summary>
    /// Gives back an idle connection's empty buffers, as Redis's <c>clientsCronResizeQueryBuffer</c> and
    /// <c>clientsCronResizeOutputBuffer</c> do, so thousands of idle connections hold only their sockets and sessions.
    /// </summary>
    private void ReleaseBuffers(EventLoopConnection connection)
    {
        if (connection.Start == connection.End && connection.Input.Length > 0 && !connection.Draining)
        {
            connection.Input = [];
            (connection.Start, connection.End) = (0, 0);
        }

        if (!connection.HasPendingOutput)
        {
            connection.Output.Release();
        }

        CountBuffers(connection);
    }

    private void Close(EventLoopConnection connection, string reason)
    {
        if (connection.Closed)
        {
            return;
        }

        connection.Closed = true;
        _clientMemory.Report(ref connection.CountedBufferBytes, ref connection.CountedAsReplica, 0, connection.CountedAsReplica);
        _connections.Remove(connection.Fd);
        _epoll!.Remove(connection.Fd);
        connection.Socket.Dispose();
        _blocked.Unblock(connection.Session);
        _clients.Close(connection.Session);
        _logger.ClientDisconnected(connection.Remote, reason);
    }

    /// <summary>At the end of shutdown: one last try to send what each connection still has queued, then close them all.</summary>
    private void CloseAll()
    {
        foreach (var connection in _connections.Values.ToArray())
        {
            if (connection.HasPendingOutput)
            {
                connection.Socket.Send(connection.Output.Written[connection.Sent..], SocketFlags.None, out _);
            }

            Close(connection, "server shutting down");
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Listening on {EndPoint}, serving every client from one event loop")]
    private partial void LogListening(IPEndPoint endPoint);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Client {Remote} refused: {MaxClients} clients connected (maxclients)")]
    private partial void LogRejected(string remote, int maxClients);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Accepting a connection failed: {Error}")]
    private partial void LogAcceptFailed(SocketError error);
}
