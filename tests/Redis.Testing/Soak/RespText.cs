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
}
