using System.Text;

namespace Redis.Fuzz;

/// <summary>AFL-style havoc on byte streams: flips, protocol bytes, inserts, deletes, copies, splices and header numbers.</summary>
internal sealed class Mutator(Random random)
{
    /// <summary>Bytes that steer the reader: prefixes, line ends, digits, signs, quotes, escapes, NUL.</summary>
    private static readonly byte[] ProtocolBytes = "*$\r\n\r\n0123456789-+ \t\"'\\xaA\0"u8.ToArray();

    /// <summary>Tokens that land on boundaries: empty requests, negative and huge lengths, limits and one past them.</summary>
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "\r\n", "\n", "\r", "*", "$", "*0\r\n", "*-1\r\n", "$-1\r\n", "\"", "'", "\\x", "\\x4", "\\", "\0", " ",
            "-1", "0", "-0", "00", "+1", "1", "7", "8", "9", "63", "64", "65", "2147483647", "2147483648", "-2147483648",
            "4294967296", "536870912", "536870913", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "99999999999999999999", "500000000",
        }.Select(Encoding.ASCII.GetBytes),
        Encoding.ASCII.GetBytes(new string('9', 65535)),
        Encoding.ASCII.GetBytes(new string('9', 65536)),
    ];

    /// <summary>One to eight stacked mutations of <paramref name="input"/>, sometimes spliced with <paramref name="other"/>.</summary>
    public byte[] Mutate(byte[] input, byte[] other)
    {
        var bytes = new List<byte>(input);
        var rounds = 1 << random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            MutateOnce(bytes, other);
        }

        return [.. bytes];
    }

    /// <summary>Random bytes, half of them protocol bytes.</summary>
    public byte[] Noise()
    {
        var bytes = new byte[random.Next(0, 300)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = random.Next(2) == 0 ? (byte)random.Next(256) : ProtocolBytes[random.Next(ProtocolBytes.Length)];
        }

        return bytes;
    }

    private void MutateOnce(List<byte> bytes, byte[] other)
    {
        if (bytes.Count == 0)
        {
            bytes.Add((byte)random.Next(256));
            return;
        }

        var at = random.Next(bytes.Count);
        switch (random.Next(11))
        {
            case 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                bytes[at] = (byte)random.Next(256);
                break;
            case 2:
                bytes[at] = ProtocolBytes[random.Next(ProtocolBytes.Length)];
                break;
            case 3:
                bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256)));
                break;
            case 4:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 17)));
                break;
            case 5:
                var length = Math.Min(bytes.Count - at, random.Next(1, 65));
                bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(at, length));
                break;
            case 6:
                if (other.Length > 1)
                {
                    var from = random.Next(1, other.Length);
                    bytes.RemoveRange(at, bytes.Count - at);
                    bytes.AddRange(other.AsSpan(from).ToArray());
                }

                break;
            case 7:
                ReplaceNumber(bytes, at);
                break;
            case 8:
                bytes.InsertRange(at, PickToken());
                break;
            case 9:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            default:
                // The chunking byte: the same stream, cut differently.
                bytes[0] = (byte)random.Next(256);
                break;
        }
    }

    /// <summary>Replaces the run of digits (and sign) at or after <paramref name="at"/> with a boundary number.</summary>
    private void ReplaceNumber(List<byte> bytes, int at)
    {
        var start = bytes.FindIndex(at, b => b is >= (byte)'0' and <= (byte)'9' or (byte)'-');
        if (start < 0)
        {
            bytes.InsertRange(at, PickToken());
            return;
        }

        var end = start + 1;
        while (end < bytes.Count && bytes[end] is >= (byte)'0' and <= (byte)'9')
        {
            end++;
        }

        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, PickToken());
    }

    private byte[] PickToken()
    {
        // The two 64 KiB digit runs are rare: they make an execution slow.
        var index = random.Next(Tokens.Length * 50);
        return index < Tokens.Length ? Tokens[index] : Tokens[index % (Tokens.Length - 2)];
    }
}
