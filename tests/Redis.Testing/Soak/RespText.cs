using System.Globalization;
using System.Text;

namespace Redis.Testing.Soak;

/// <summary>RESP2 reply bytes as Redis writes them, for the model's expected answers.</summary>
public static class RespText
{
    public static readonly byte[] Ok = "+OK\r\n"u8.ToArray();

    public static readonly byte[] Nil = "$-1\r\n"u8.ToArray();

    public static byte[] Integer(long value) => Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $":{value}\r\n"));

    public static byte[] Error(string text) => Encoding.ASCII.GetBytes($"-{text}\r\n");

    public static byte[] Bulk(byte[] value) => Resp.Bulk(value);

    public static byte[] Array(IEnumerable<byte[]> items)
    {
        var list = items.ToList();
        return [.. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"*{list.Count}\r\n")), .. list.SelectMany(i => i)];
    }

    /// <summary>Parses an array of bulk strings (as the collection commands answer); false for anything else.</summary>
    public static bool TryParseBulkArray(byte[] reply, out List<byte[]> items)
    {
        items = [];
        var at = 0;
        if (!TryHeader(reply, ref at, (byte)'*', out var count))
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!TryHeader(reply, ref at, (byte)'$', out var length) || length < 0 || at + length + 2 > reply.Length)
            {
                return false;
            }

            items.Add(reply[at..(at + (int)length)]);
            at += (int)length + 2;
        }

        return at == reply.Length;
    }

    private static bool TryHeader(byte[] reply, ref int at, byte prefix, out long value)
    {
        value = 0;
        var end = reply.AsSpan(at).IndexOf("\r\n"u8);
        if (end < 1 || reply[at] != prefix
            || !long.TryParse(reply.AsSpan(at + 1, end - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        at += end + 2;
        return true;
    }
}
