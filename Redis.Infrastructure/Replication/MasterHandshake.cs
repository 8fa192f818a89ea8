using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Redis.Protocol;

namespace Redis.Infrastructure.Replication;

/// <summary>
/// A replica's side of Redis's handshake (<c>syncWithMaster</c>), on a thread of its own so the serving thread goes on
/// serving: connect, <c>PING</c>, <c>AUTH</c> with <c>masterauth</c>, <c>REPLCONF listening-port</c> and
/// <c>capa psync2</c>, then <c>PSYNC</c> of this server's history (or <c>? -1</c>), and for <c>+FULLRESYNC</c> the
/// RDB that follows as <c>$length</c> and its bytes, into memory. Nothing here touches the dataset.
/// </summary>
/// <remarks>
/// <c>capa eof</c> is not announced, so a master with <c>repl-diskless-sync yes</c> (Redis 7's default) sends this
/// replica a disk-based RDB with its length first, as Redis does for a replica without that capability.
/// </remarks>
internal sealed class MasterHandshake
{
    private volatile bool _cancelled;
    private volatile bool _finished;
    private volatile bool _transferring;
    private volatile Socket? _socket;

    private MasterHandshake()
    {
    }

    /// <summary>True once the thread is done, with <see cref="Result"/> or <see cref="Error"/>.</summary>
    public bool IsFinished => _finished;

    /// <summary>True while the RDB is arriving.</summary>
    public bool Transferring => _transferring;

    /// <summary>The synchronised link; null when it failed.</summary>
    public HandshakeResult? Result { get; private set; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; private set; }

    /// <param name="history">This server's replication id and the next offset it wants, or null to ask for a full copy.</param>
    public static MasterHandshake Start(string host, int port, int listeningPort, (string Id, long Offset)? history, string masterAuth, string masterUser, TimeSpan timeout)
    {
        var handshake = new MasterHandshake();
        var thread = new Thread(() => handshake.Run(host, port, listeningPort, history, masterAuth, masterUser, timeout))
        {
            IsBackground = true,
            Name = "replication handshake",
        };
        thread.Start();
        return handshake;
    }

    /// <summary>Stops the handshake: a read or connect under way fails at once, and the socket is closed.</summary>
    public void Cancel()
    {
        _cancelled = true;
        _socket?.Dispose();
    }

    private void Run(string host, int port, int listeningPort, (string Id, long Offset)? history, string masterAuth, string masterUser, TimeSpan timeout)
    {
        Socket? socket = null;
        try
        {
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = (int)timeout.TotalMilliseconds, SendTimeout = (int)timeout.TotalMilliseconds };
            _socket = socket;
            if (!socket.ConnectAsync(host, port).Wait(timeout))
            {
                throw new IOException("Timeout connecting to the MASTER.");
            }

            var reader = new LineReader(socket);
            var ping = Command(socket, reader, "PING");
            if (ping.StartsWith('-') && !ping.StartsWith("-NOAUTH", StringComparison.Ordinal) && !ping.StartsWith("-NOPERM", StringComparison.Ordinal) &&
                !ping.StartsWith("-ERR operation not permitted", StringComparison.Ordinal))
            {
                throw new IOException("Error reply to PING from master: '" + ping + "'");
            }

            if (masterAuth.Length != 0)
            {
                var auth = masterUser.Length != 0 ? Command(socket, reader, "AUTH", masterUser, masterAuth) : Command(socket, reader, "AUTH", masterAuth);
                if (auth.StartsWith('-'))
                {
                    throw new IOException("Unable to AUTH to MASTER: " + auth);
                }
            }

            // Errors are not fatal here: a master too old for an option just ignores it (Redis logs and goes on).
            Command(socket, reader, "REPLCONF", "listening-port", listeningPort.ToString(CultureInfo.InvariantCulture));
            Command(socket, reader, "REPLCONF", "capa", "psync2");
            var (id, offset) = history ?? ("?", -1);
            var reply = Command(socket, reader, "PSYNC", id, offset.ToString(CultureInfo.InvariantCulture));
            Result = reply switch
            {
                _ when reply.StartsWith("+FULLRESYNC ", StringComparison.Ordinal) => FullSync(socket, reader, reply),
                _ when reply.StartsWith("+CONTINUE", StringComparison.Ordinal) =>
                    new HandshakeResult(socket, reply.Length > "+CONTINUE ".Length ? reply["+CONTINUE ".Length..].Trim() : null, offset - 1, null, reader.TakeBuffered()),
                _ => throw new IOException("Unexpected reply to PSYNC from master: " + reply),
            };
        }
        catch (Exception e) when (e is SocketException or IOException or AggregateException or FormatException or ObjectDisposedException)
        {
            socket?.Dispose();
            Error = _cancelled ? "cancelled" : e.GetBaseException().Message;
        }
        finally
        {
            _finished = true;
        }
    }

    private HandshakeResult FullSync(Socket socket, LineReader reader, string reply)
    {
        var parts = reply.Split(' ');
        if (parts.Length < 3 || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset))
        {
            throw new IOException("Bad +FULLRESYNC from master: " + reply);
        }

        // The master sends newlines to keep the link alive while it prepares the RDB, then $<length>.
        _transferring = true;
        string header;
        do
        {
            header = reader.ReadLine();
        }
        while (header.Length == 0);

        if (!header.StartsWith('$') || !long.TryParse(header.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > Array.MaxLength)
        {
            throw new IOException("Bad protocol from MASTER, the first byte is not '$' (we received '" + header + "')");
        }

        var rdb = reader.ReadExactly((int)length);
        return new HandshakeResult(socket, parts[1], offset, rdb, reader.TakeBuffered());
    }

    private static string Command(Socket socket, LineReader reader, params string[] words)
    {
        var writer = new RequestWriter();
        writer.Write(CommandArgs.From(words));
        socket.Send(writer.Written);
        return reader.ReadLine();
    }

    /// <summary>Reads CRLF-terminated lines and exact byte counts from a blocking socket, keeping what it read ahead.</summary>
    private sealed class LineReader(Socket socket)
    {
        private byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public string ReadLine()
        {
            while (true)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline >= 0)
                {
                    var stop = newline > _start && _buffer[newline - 1] == '\r' ? newline - 1 : newline;
                    var line = Encoding.UTF8.GetString(_buffer, _start, stop - _start);
                    _start = newline + 1;
                    return line;
                }

                Fill(1);
            }
        }

        public byte[] ReadExactly(int length)
        {
            var result = new byte[length];
            var copied = Math.Min(length, _end - _start);
            _buffer.AsSpan(_start, copied).CopyTo(result);
            _start += copied;
            while (copied < length)
            {
                var received = socket.Receive(result.AsSpan(copied));
                if (received == 0)
                {
                    throw new IOException("The master closed the connection during the RDB transfer.");
                }

                copied += received;
            }

            return result;
        }

        public byte[] TakeBuffered() => _buffer.AsSpan(_start, _end - _start).ToArray();

        private void Fill(int atLeast)
        {
            if (_start == _end)
            {
                (_start, _end) = (0, 0);
            }

            if (_buffer.Length - _end < atLeast + 1024)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var received = socket.Receive(_buffer.AsSpan(_end));
            if (received == 0)
            {
                throw new IOException("The master closed the connection.");
            }

            _end += received;
        }
    }
}

/// <summary>A finished handshake: the socket, the master's replication id (null for <c>+CONTINUE</c> without one), the offset, the RDB of a full synchronisation, and the stream bytes read past it.</summary>
internal sealed record HandshakeResult(Socket Socket, string? ReplicationId, long Offset, byte[]? Rdb, byte[] Leftover);
