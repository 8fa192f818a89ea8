using System.Text;

namespace Redis.Testing;

/// <summary>Builds RESP2 request bytes for tests.</summary>
public static class Resp
{
    public static byte[] Command(params string[] words) => Command(words.Select(Encoding.UTF8.GetBytes).ToArray());

    public static byte[] Command(params byte[][] words)
    {
        var request = new MemoryStream();
        request.Write(Encoding.ASCII.GetBytes($"*{words.Length}\r\n"));
        foreach (var word in words)
        {
            request.Write(Encoding.ASCII.GetBytes($"${word.Length}\r\n"));
            request.Write(word);
            request.Write("\r\n"u8);
        }

        return request.ToArray();
    }

    public static byte[] Bulk(byte[] value) =>
        [.. Encoding.ASCII.GetBytes($"${value.Length}\r\n"), .. value, .. "\r\n"u8];

    /// <summary>Deterministic printable bytes (safe in inline requests: no spaces or quotes).</summary>
    public static byte[] Payload(int length, int seed = 0) =>
        [.. Enumerable.Range(0, length).Select(i => (byte)('a' + ((i + seed) % 26)))];
}
