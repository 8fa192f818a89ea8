using System.Text;

namespace Redis.Protocol.Tests;

/// <summary>Builds request bytes for tests: RESP arrays of bulk strings, and text with every char taken as one byte.</summary>
internal static class RequestBytes
{
    /// <summary>One byte per char (Latin-1), so "\0" and "\xff" in a C# literal become exactly those bytes.</summary>
    public static byte[] Text(string text) => Encoding.Latin1.GetBytes(text);

    public static byte[][] Words(params string[] words) => words.Select(Text).ToArray();

    /// <summary>Encodes a command as a RESP2 array of bulk strings, as clients send it.</summary>
    public static byte[] Resp(params byte[][] words)
    {
        using var stream = new MemoryStream();
        WriteResp(stream, words);
        return stream.ToArray();
    }

    public static byte[] Resp(params string[] words) => Resp(Words(words));

    public static void WriteResp(Stream stream, IReadOnlyList<byte[]> words)
    {
        stream.Write(Text($"*{words.Count}\r\n"));
        foreach (var word in words)
        {
            stream.Write(Text($"${word.Length}\r\n"));
            stream.Write(word);
            stream.Write("\r\n"u8);
        }
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
