using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Redis.Fuzz;

/// <summary>
/// Sends one fuzz input (a chunking byte, then the request stream) to a live server on a fresh connection, ends the
/// sending side, and throws <see cref="ServerInvariantException"/> unless the server answers with well-formed RESP,
/// none of it an internal error, and closes the connection within <see cref="Patience"/>.
/// </summary>
internal static class ServerOracle
{
    /// <summary>How long the server has to answer an input and close; longer is a hang.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static int Check(IPEndPoint endPoint, byte[] input)
    {
        if (input.Length == 0)
        {
            return 0;
        }

        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(endPoint);
        socket.ReceiveTimeout = (int)Patience.TotalMilliseconds;
        var stream = input.AsSpan(1);
        var chunk = 1 + (input[0] % 64);
        for (var at = 0; at < stream.Length; at += chunk)
        {
            socket.Send(stream[at..Math.Min(stream.Length, at + chunk)]);
        }

        socket.Shutdown(SocketShutdown.Send);
        var replies = new MemoryStream();
        var buffer = new byte[64 * 1024];
        var started = Environment.TickCount64;
        while (true)
        {
            int read;
            try
            {
                read = socket.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                throw new ServerInvariantException($"no end of the stream within {Patience.TotalSeconds} s ({replies.Length} bytes of replies)");
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            replies.Write(buffer, 0, read);
            if (Environment.TickCount64 - started > Patience.TotalMilliseconds)
            {
                throw new ServerInvariantException($"still answering after {Patience.TotalSeconds} s");
            }
        }

        var bytes = replies.ToArray();
        var position = 0;
        var count = 0;
        while (position < bytes.Length)
        {
            var start = position;
            if (!TrySkipValue(bytes, ref position, depth: 0))
            {
                throw new ServerInvariantException($"not RESP at byte {start}: {Show(bytes.AsSpan(start, Math.Min(80, bytes.Length - start)))}");
            }

            if (bytes.AsSpan(start, position - start).StartsWith("-ERR internal error"u8))
            {
                throw new ServerInvariantException("internal error: " + Show(bytes.AsSpan(start, position - start)));
            }

            count++;
        }

        return count;
    }

    /// <summary>Skips one RESP2 or RESP3 value; false when the bytes are not one.</summary>
    private static bool TrySkipValue(byte[] bytes, ref int position, int depth)
    {
        if (position >= bytes.Length || depth > 64)
        {
            return false;
        }

        var prefix = bytes[position];
        var end = bytes.AsSpan(position).IndexOf("\r\n"u8);
        if (end < 0)
        {
            return false;
        }

        var line = Encoding.Latin1.GetString(bytes, position + 1, end - 1);
        position += end + 2;
        switch ((char)prefix)
        {
            case '+' or '-' or ':' or ',' or '_' or '#' or '(':
                return true;
            case '$' or '=' or '!':
                if (!long.TryParse(line, out var length) || length < -1)
                {
                    return false;
                }

                if (length == -1)
                {
                    return prefix == (byte)'$';
                }

                if (position + length + 2 > bytes.Length || bytes[position + (int)length] != '\r' || bytes[position + (int)length + 1] != '\n')
                {
                    return false;
                }

                position += (int)length + 2;
                return true;
            case '*' or '~' or '>' or '%' or '|':
                if (!long.TryParse(line, out var items) || items < -1)
                {
                    return false;
                }

                var values = prefix is (byte)'%' or (byte)'|' ? items * 2 : items;
                for (var i = 0; i < values; i++)
                {
                    if (!TrySkipValue(bytes, ref position, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static string Show(ReadOnlySpan<byte> bytes) =>
        "\"" + string.Concat(bytes.ToArray().Select(b => b is >= 0x20 and < 0x7f ? ((char)b).ToString() : $"\\x{b:x2}")) + "\"";
}

/// <summary>The server answered a fuzz input with something other than RESP, an internal error, or not at all.</summary>
internal sealed class ServerInvariantException(string message) : Exception(message);
