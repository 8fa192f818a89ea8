using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Redis.Protocol;

namespace Redis.Client.Connection;

/// <summary>One blocking TCP connection to a Redis-compatible server: commands out as RESP2, replies back as <see cref="Reply"/> values.</summary>
/// <remarks>
/// <para>
/// Uses Infrastructure's <see cref="RequestWriter"/> and <see cref="ReplyReader"/>, so the solution has one RESP
/// implementation for both apps. Requests are queued with <see cref="Enqueue(CommandArgs)"/> and sent together by
/// <see cref="Flush"/>, which is all pipelining needs; <see cref="Execute(CommandArgs)"/> is the one-request round trip.
/// </para>
/// <para>
/// Any failure of the socket or the protocol throws <see cref="RedisConnectionException"/> with redis-cli's wording and
/// leaves the connection <see cref="IsBroken"/>: the caller drops it and connects again.
/// </para>
/// </remarks>
public sealed class RedisConnection : IDisposable
{
    private const int InitialBufferSize = 16 * 1024;

    /// <summary>Largest receive buffer kept once a reply is read (1 MiB), as for the writer: 100 KB values must not reallocate every time.</summary>
    private const int RetainedBufferSize = 1024 * 1024;

    private readonly Socket _socket;
    private readonly RequestWriter _writer = new();
    private readonly ReplyReader _reader = new();
    private byte[] _input = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private volatile bool _broken;

    private RedisConnection(Socket socket)
    {
        _socket = socket;
    }

    /// <summary>True once a send, a receive or the protocol has failed; the connection is then useless.</summary>
    public bool IsBroken => _broken;

    /// <summary>Connects to <paramref name="host"/> (a name or an address) on <paramref name="port"/>.</summary>
    /// <exception cref="RedisConnectionException">"Could not connect to Redis at host:port: reason", as redis-cli says it.</exception>
    public static RedisConnection Connect(string host, int port)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var address) ? [address] : Dns.GetHostAddresses(host);
        }
        catch (SocketException e)
        {
            throw CouldNotConnect(host, port, e);
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Connect(new IPEndPoint(address, port));
                return new RedisConnection(socket);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }

        throw CouldNotConnect(host, port, last ?? new SocketException((int)SocketError.HostNotFound));
    }

    /// <summary>Connects, then authenticates when <paramref name="credentials"/> are given.</summary>
    /// <remarks>
    /// As redis-cli: a refused <c>AUTH</c> prints "AUTH failed: ..." on <paramref name="error"/> and keeps the
    /// connection, so the commands that follow get the server's own <c>NOAUTH</c>.
    /// </remarks>
    /// <exception cref="RedisConnectionException">The server cannot be reached, or the connection broke during AUTH.</exception>
    public static RedisConnection Open(string host, int port, Credentials? credentials, TextWriter error)
    {
        var connection = Connect(host, port);
        if (credentials is not null && connection.Execute(credentials.AuthCommand) is { Kind: ReplyKind.Error } refused)
        {
            error.WriteLine("AUTH failed: " + System.Text.Encoding.UTF8.GetString(refused.Bytes));
            connection.AuthRefused = true;
        }

        return connection;
    }

    /// <summary>True when <see cref="Open"/> sent <c>AUTH</c> and the server refused it.</summary>
    public bool AuthRefused { get; private set; }

    /// <summary>Sends one command and waits for its reply.</summary>
    public Reply Execute(CommandArgs command)
    {
        Enqueue(command);
        Flush();
        return ReceiveReply();
    }

    /// <inheritdoc cref="Execute(CommandArgs)"/>
    public Reply Execute(params ReadOnlySpan<ReadOnlyMemory<byte>> words)
    {
        Enqueue(words);
        Flush();
        return ReceiveReply();
    }

    /// <summary>
    /// Where the out-of-band replies (RESP3 pushes) go that arrive while <see cref="Execute(CommandArgs)"/> waits for
    /// its reply; null drops them, as hiredis's default push handler does.
    /// </summary>
    public Action<Reply>? PushReceived { get; set; }

    /// <summary>Queues a command; nothing is sent until <see cref="Flush"/>.</summary>
    public void Enqueue(CommandArgs command) => _writer.Write(command);

    /// <inheritdoc cref="Enqueue(CommandArgs)"/>
    public void Enqueue(params ReadOnlySpan<ReadOnlyMemory<byte>> words) => _writer.Write(words);

    /// <summary>Sends every queued command in one go.</summary>
    public void Flush()
    {
        try
        {
            Send(_writer.Written);
        }
        finally
        {
            _writer.Clear();
        }
    }

    /// <summary>Sends bytes as they are, whatever they hold: redis-cli's <c>--pipe</c> sends standard input so.</summary>
    /// <remarks>Safe on one thread while another waits in <see cref="Receive"/>: the socket is the only state both touch.</remarks>
    public void Send(ReadOnlySpan<byte> bytes)
    {
        EnsureUsable();
        try
        {
            while (!bytes.IsEmpty)
            {
                bytes = bytes[_socket.Send(bytes, SocketFlags.None)..];
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw Broken(Describe(e), e);
        }
    }

    /// <summary>The reply to the command sent, handing any push that comes before it to <see cref="PushReceived"/>.</summary>
    private Reply ReceiveReply()
    {
        while (true)
        {
            var reply = Receive();
            if (reply.Kind != ReplyKind.Push)
            {
                return reply;
            }

            PushReceived?.Invoke(reply);
        }
    }

    /// <summary>Waits for the next reply, in the order the commands were sent.</summary>
    public Reply Receive()
    {
        EnsureUsable();
        while (true)
        {
            var status = _reader.TryRead(_input.AsSpan(_start, _end - _start), out var reply, out var consumed);
            _start += consumed;
            switch (status)
            {
                case OperationStatus.Done:
                    return reply;
                case OperationStatus.InvalidData:
                    throw Broken(_reader.ProtocolError!);
            }

            ReceiveMore();
        }
    }

    /// <summary>Closes the socket; safe from another thread, where it ends a blocked <see cref="Receive"/> (Ctrl+C).</summary>
    public void Dispose()
    {
        _broken = true;
        _socket.Dispose();
    }

    private void ReceiveMore()
    {
        MakeRoom();
        int received;
        try
        {
            received = _socket.Receive(_input, _end, _input.Length - _end, SocketFlags.None);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw Broken(Describe(e), e);
        }

        if (received == 0)
        {
            throw Broken("Server closed the connection");
        }

        _end += received;
    }

    /// <summary>Moves the unread bytes to the front, and doubles the buffer when they fill it (a large bulk string).</summary>
    private void MakeRoom()
    {
        var pending = _end - _start;
        if (_start == _end)
        {
            _start = _end = 0;
            if (_input.Length > RetainedBufferSize)
            {
                // Give back the buffer a large reply grew.
                _input = new byte[InitialBufferSize];
            }

            return;
        }

        if (_start > 0)
        {
            _input.AsSpan(_start, pending).CopyTo(_input);
            (_start, _end) = (0, pending);
        }

        if (_end == _input.Length)
        {
            Array.Resize(ref _input, (int)Math.Min(Array.MaxLength, (long)_input.Length * 2));
        }
    }

    private void EnsureUsable()
    {
        if (IsBroken)
        {
            throw new RedisConnectionException("Not connected");
        }
    }

    private RedisConnectionException Broken(string message, Exception? inner = null)
    {
        _broken = true;
        _socket.Dispose();
        return inner is null ? new RedisConnectionException(message) : new RedisConnectionException(message, inner);
    }

    private static string Describe(Exception e) => e switch
    {
        SocketException socket => new SocketException((int)socket.SocketErrorCode).Message,

        // The socket was closed under a blocked call: by Ctrl+C, or by Dispose from another thread.
        _ => "Connection closed",
    };

    // The reason alone ("Connection refused"), as strerror gives it to redis-cli: .NET's own message appends the endpoint.
    private static RedisConnectionException CouldNotConnect(string host, int port, SocketException e) =>
        new($"Could not connect to Redis at {host}:{port}: {new SocketException((int)e.SocketErrorCode).Message}", e);
}
