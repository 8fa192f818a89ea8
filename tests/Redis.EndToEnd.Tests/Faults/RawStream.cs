using System.Net.Sockets;
using System.Text;

namespace Redis.EndToEnd.Tests.Faults;

/// <summary>Reads what a server sent until it closed, and checks that it is whole RESP replies.</summary>
internal static class RawStream
{
    /// <summary>Reads until end of stream or a reset; <paramref name="reset"/> tells which ended it.</summary>
    public static byte[] ReadToEnd(Socket socket, out bool reset)
    {
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        reset = false;
        while (true)
        {
            int count;
            try
            {
                count = socket.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                reset = true;
                return received.ToArray();
            }

            if (count == 0)
            {
                return received.ToArray();
            }

            received.Write(buffer, 0, count);
        }
    }

    /// <summary>Splits <paramref name="bytes"/> into replies; the count of bytes after the last whole reply is <paramref name="tail"/>.</summary>
    /// <remarks>Handles the reply kinds these tests provoke: simple strings, errors, integers and bulk strings.</remarks>
    public static List<string> Replies(ReadOnlySpan<byte> bytes, out int tail)
    {
        var replies = new List<string>();
        var position = 0;
        while (true)
        {
            var lineEnd = bytes[position..].IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var end = position + lineEnd + 2;
            if (bytes[position] == (byte)'$')
            {
                var length = int.Parse(bytes[(position + 1)..(position + lineEnd)], provider: System.Globalization.CultureInfo.InvariantCulture);
                if (length >= 0)
                {
                    end += length + 2;
                    if (end > bytes.Length)
                    {
                        break;
                    }
                }
            }

            replies.Add(Encoding.UTF8.GetString(bytes[position..end]));
            position = end;
        }

        tail = bytes.Length - position;
        return replies;
    }
}
