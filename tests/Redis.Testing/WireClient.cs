using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Redis.Testing;

/// <summary>A bare socket client for byte-exact tests: send any bytes, read whole RESP replies back as raw bytes.</summary>
public sealed class WireClient : IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public WireClient(IPEndPoint endPoint)
    {
        Socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = (int)ReadTimeout.TotalMilliseconds,
        };
        Socket.Connect(endPoint);
    }

    public Socket Socket { get; }

    /// <summary>Bytes the kernel holds for this client that it has not read yet.</summary>
    public int Available => Socket.Available + (_end - _start);

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    public void Send(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[Socket.Send(bytes)..];
        }
    }

    /// <summary>Sends a command as a RESP array of bulk strings.</summary>
    public void SendCommand(params string[] words) => Send(Resp.Command(words));

    /// <summary>Reads one complete reply (nested arrays included) and returns its exact bytes.</summary>
    public byte[] ReadReply()
    {
        var reply = new MemoryStream();
        ReadReplyInto(reply);
        return reply.ToArray();
    }

    public string ReadReplyText() => Encoding.UTF8.GetString(ReadReply());

    /// <summary>Sends a RESP command and returns the reply as text.</summary>
    public string Call(params string[] words)
    {
        SendCommand(words);
        return ReadReplyText();
    }

    /// <summary>True when the server closed the connection: the next read returns end of stream.</summary>
    public bool IsClosedByServer()
    {
        if (_end > _start)
        {
            return false;
        }

        try
        {
            return Socket.Receive(_buffer) == 0;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return true;
        }
    }

    public void Dispose() => Socket.Dispose();

    private void ReadReplyInto(Stream reply)
    {
        var line = ReadLine();
        reply.Write(line);
        var header = Encoding.ASCII.GetString(line.AsSpan(1, line.Length - 3));
        switch ((char)line[0])
        {
            case '$' or '=' or '!' when header != "-1":
                ReadExactly(int.Parse(header, System.Globalization.CultureInfo.InvariantCulture) + 2, reply);
                break;
            case '*' or '~' or '>' or '%' or '|' when header != "-1":
                var items = int.Parse(header, System.Globalization.CultureInfo.InvariantCulture) * (line[0] is (byte)'%' or (byte)'|' ? 2 : 1);
                for (var i = items; i > 0; i--)
                {
                    ReadReplyInto(reply);
                }

                // An attribute annotates the reply after it, which belongs to the same read.
                if (line[0] == (byte)'|')
                {
                    ReadReplyInto(reply);
                }

                break;
        }
    }

    private byte[] ReadLine()
    {
        var line = new MemoryStream();
        while (true)
        {
            Fill();
            var span = _buffer.AsSpan(_start, _end - _start);
            var lf = span.IndexOf((byte)'\n');
            var take = lf < 0 ? span.Length : lf + 1;
            line.Write(span[..take]);
            _start += take;
            if (lf >= 0)
            {
                return line.ToArray();
            }
        }
    }

    private void ReadExactly(int count, Stream into)
    {
        while (count > 0)
        {
            Fill();
            var take = Math.Min(count, _end - _start);
            into.Write(_buffer, _start, take);
            _start += take;
            count -= take;
        }
    }

    private void Fill()
    {
        if (_end > _start)
        {
            return;
        }

        _start = 0;
        _end = Socket.Receive(_buffer);
        if (_end == 0)
        {
            throw new IOException("The server closed the connection.");
        }
    }
}
