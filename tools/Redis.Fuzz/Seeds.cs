using System.Globalization;
using System.Text;

namespace Redis.Fuzz;

/// <summary>Valid request streams to start from: RESP arrays, plain and quoted inline lines, empty requests, pipelined.</summary>
/// <remarks>Every seed is a fuzz input: a chunking byte, then the stream.</remarks>
internal static class Seeds
{
    private static readonly byte[] WordBytes = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789:-_.{}"u8.ToArray();

    /// <summary>Hand-picked streams at and around every limit of <see cref="ReaderOracle.Limits"/>.</summary>
    public static IEnumerable<byte[]> Fixed()
    {
        string[] streams =
        [
            "*1\r\n$4\r\nPING\r\n",
            "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n",
            "PING\r\nPING\nECHO \"a b\\x41\\n\" 'it\\'s'\r\n",
            "*0\r\n*-1\r\n\r\n\n  \t \r\n*1\r\n$4\r\nPING\r\n",
            "*1\r\n$64\r\n" + new string('v', 64) + "\r\n",
            "*1\r\n$65\r\n",
            "*8\r\n" + string.Concat(Enumerable.Repeat("$1\r\nx\r\n", 8)),
            "*9\r\n",
            "SET key " + new string('1', 56) + "\r\n",
            "SET key " + new string('1', 57) + "\r\n",
            "a b c d e f g h\r\n",
            "a b c d e f g h i\r\n",
            "*abc\r\n",
            "*1\r\n+PING\r\n",
            "*1\r\n$-5\r\n",
            "*-5\r\n",
            "*1\r\n$abc\r\n",
            "SET k \"unterminated\r\n",
            "SET k \"a\"b\r\n",
            "*1\r\n$4\r\nPINGxx*1\r\n$4\r\nPING\r\n",
            "*2\r\n$3\r\nGET\r\n$500000000\r\n0123456789",
        ];

        byte seed = 0;
        foreach (var stream in streams)
        {
            yield return [seed++, .. Encoding.Latin1.GetBytes(stream)];
            yield return [255, .. Encoding.Latin1.GetBytes(stream)];
        }
    }

    /// <summary>A random valid stream of one to five requests.</summary>
    public static byte[] Random(Random random)
    {
        var stream = new MemoryStream();
        stream.WriteByte((byte)random.Next(256));
        var requests = random.Next(1, 6);
        for (var r = 0; r < requests; r++)
        {
            switch (random.Next(10))
            {
                case < 5:
                    WriteResp(stream, RandomWords(random, binary: true));
                    break;
                case < 7:
                    WriteInline(stream, RandomWords(random, binary: false), random);
                    break;
                case < 9:
                    WriteQuoted(stream, RandomWords(random, binary: true), random);
                    break;
                default:
                    stream.Write(Encoding.Latin1.GetBytes(random.GetItems(["*0\r\n", "*-1\r\n", "\r\n", "\n", "  \t \r\n"], 1)[0]));
                    break;
            }
        }

        return stream.ToArray();
    }

    private static byte[][] RandomWords(Random random, bool binary)
    {
        var words = new byte[random.Next(1, 5)][];
        for (var i = 0; i < words.Length; i++)
        {
            var length = binary ? random.Next(0, 12) : random.Next(1, 12);
            words[i] = binary ? RandomBytes(random, length) : random.GetItems(WordBytes, length);
        }

        return words;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void WriteResp(Stream stream, byte[][] words)
    {
        stream.Write(Encoding.ASCII.GetBytes($"*{words.Length}\r\n"));
        foreach (var word in words)
        {
            stream.Write(Encoding.ASCII.GetBytes($"${word.Length}\r\n"));
            stream.Write(word);
            stream.Write("\r\n"u8);
        }
    }

    private static void WriteInline(Stream stream, byte[][] words, Random random)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                stream.Write(random.Next(2) == 0 ? " "u8 : " \t "u8);
            }

            stream.Write(words[i]);
        }

        stream.Write(random.Next(2) == 0 ? "\r\n"u8 : "\n"u8);
    }

    private static void WriteQuoted(Stream stream, byte[][] words, Random random)
    {
        var line = new StringBuilder();
        foreach (var word in words)
        {
            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append('"');
            foreach (var b in word)
            {
                line.Append(b is (byte)'"' or (byte)'\\' or < 0x20 or >= 0x7f
                    ? "\\x" + b.ToString("x2", CultureInfo.InvariantCulture)
                    : ((char)b).ToString());
            }

            line.Append('"');
        }

        stream.Write(Encoding.Latin1.GetBytes(line.ToString()));
        stream.Write(random.Next(2) == 0 ? "\r\n"u8 : "\n"u8);
    }
}
