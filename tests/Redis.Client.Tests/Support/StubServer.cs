using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Client.Tests.Support;

/// <summary>A scripted RESP server on a loopback port: each request goes to a handler, which answers a reply or drops the connection.</summary>
/// <remarks>
/// For behaviour the real server never shows: corrupted values, a connection closed mid-session. It frames requests
/// with the server's own <see cref="RequestReader"/> and answers with <see cref="ReplyWriter"/>. Clients are served one
/// after another on a background thread until the stub is disposed.
/// </remarks>
internal sealed class StubServer : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Func<CommandArgs, Reply?> _handler;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private volatile Socket? _client;

    /// <param name="handler">Answers a request; null closes the connection without answering.</param>
    public StubServer(Func<CommandArgs, Reply?> handler)
    {
        _handler = handler;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(8);
        _thread = new Thread(Serve) { IsBackground = true, Name = "stub server" };
        _thread.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    /// <summary>The protocol replies are written in: RESP2, or RESP3 for a stub that stands for a RESP3 connection.</summary>
    public RespVersion Protocol { get; init; } = RespVersion.Resp2;

    /// <summary>A push (RESP3's out-of-band reply) to send before the reply to a request; null for none.</summary>
    public Func<CommandArgs, Reply?> PushBefore { get; init; } = _ => null;

    /// <summary>Connections accepted so far.</summary>
    public int Connections { get; private set; }

    /// <summary>A stub that keeps SET values and answers GET with every value's first byte flipped.</summary>
    public static StubServer Corrupting()
    {
        var store = new Dictionary<string, byte[]>();
        return new StubServer(args =>
        {
            var name = System.Text.Encoding.ASCII.GetString(args[0]).ToUpperInvariant();
            var key = Convert.ToBase64String(args.Count > 1 ? args[1] : []);
            switch (name)
            {
                case "SET":
                    store[key] = args[2].ToArray();
                    return Reply.Ok;
                case "GET" when store.TryGetValue(key, out var value):
                    var corrupted = value.ToArray();
                    corrupted[0] ^= 0xff;
                    return Reply.Bulk(corrupted);
                case "GET":
                    return Reply.Nil;
                default:
                    return Reply.Integer(args.Count - 1);
            }
        });
    }

    public void Dispose()
    {
        _stopping = true;
        _listener.Dispose();

        // A client a test left open must not keep the serving thread in Receive forever.
        _client?.Dispose();
        _thread.Join();
    }

    private void Serve()
    {
        while (!_stopping)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            Connections++;
            _client = client;
            using (client)
            {
                try
                {
                    ServeClient(client);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // The client went away, or the stub is stopping; serve the next one.
                }
            }
        }
    }

    private void ServeClient(Socket client)
    {
        var reader = new RequestReader(new ProtocolLimits());
        var writer = new ReplyWriter { Protocol = Protocol };
        var buffer = new byte[1024 * 1024];
        int start = 0, end = 0;
        while (true)
        {
            var received = client.Receive(buffer, end, buffer.Length - end, SocketFlags.None);
            if (received == 0)
            {
                return;
            }

            end += received;
            while (true)
            {
                var status = reader.TryRead(buffer, start, end - start, out var args, out var consumed);
                start += consumed;
                if (status != OperationStatus.Done)
                {
                    break;
                }

                if (PushBefore(args) is { } push)
                {
                    writer.Write(push);
                }

                if (_handler(args) is not { } reply)
                {
                    client.Send(writer.Written);
                    return;
                }

                writer.Write(reply);
            }

            client.Send(writer.Written);
            writer.Clear();
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            (start, end) = (0, end - start);
        }
    }
}
