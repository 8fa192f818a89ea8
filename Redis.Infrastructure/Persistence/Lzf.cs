namespace Redis.Infrastructure.Persistence;

/// <summary>
/// LZF, the compression of RDB strings (Redis's <c>lzf_c.c</c> and <c>lzf_d.c</c>): runs of 1 to 32 literal bytes,
/// and back references of 3 to 264 bytes up to 8192 bytes back.
/// </summary>
/// <remarks>
/// The format: <c>000LLLLL</c> then L+1 literal bytes; <c>LLLooooo oooooooo</c> a reference of L+2 bytes (L 1..6) at
/// offset o+1; <c>111ooooo LLLLLLLL oooooooo</c> a reference of L+9 bytes. The compressor is greedy over a hash of
/// the next three bytes, as Redis's is; its output may differ from Redis's byte for byte, but either decompresses.
/// </remarks>
public static class Lzf
{
    private const int HashBits = 14;
    private const int MaxLiteral = 32;
    private const int MaxOffset = 1 << 13;
    private const int MaxMatch = 264;

    /// <summary>Compresses into <paramref name="output"/>; 0 when the result would not fit in it (then store the bytes as they are).</summary>
    public static int Compress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.Length == 0 || output.Length == 0)
        {
            return 0;
        }

        Span<int> table = stackalloc int[1 << HashBits];
        table.Fill(-1);
        var op = 1;
        var runStart = 0;
        var literals = 0;
        var ip = 0;
        while (ip < input.Length - 2)
        {
            var hash = Hash(input, ip);
            var reference = table[hash];
            table[hash] = ip;
            var distance = ip - reference;
            if (reference >= 0 && distance <= MaxOffset &&
                input[reference] == input[ip] && input[reference + 1] == input[ip + 1] && input[reference + 2] == input[ip + 2])
            {
                var limit = Math.Min(MaxMatch, input.Length - ip);
                var length = 3;
                while (length < limit && input[reference + length] == input[ip + length])
                {
                    length++;
                }

                // Close the literal run (or take back its reserved byte when empty), then the reference.
                if (op + 3 + 1 > output.Length)
                {
                    return 0;
                }

                if (literals == 0)
                {
                    op--;
                }
                else
                {
                    output[runStart] = (byte)(literals - 1);
                }

                var l = length - 2;
                var offset = distance - 1;
                if (l < 7)
                {
                    output[op++] = (byte)((l << 5) | (offset >> 8));
                }
                else
                {
                    output[op++] = (byte)((7 << 5) | (offset >> 8));
                    output[op++] = (byte)(l - 7);
                }

                output[op++] = (byte)offset;
                runStart = op++;
                literals = 0;

                // Index the positions the reference covers, so later matches can start inside it.
                var end = ip + length;
                for (ip++; ip < end && ip < input.Length - 2; ip++)
                {
                    table[Hash(input, ip)] = ip;
                }

                ip = end;
                continue;
            }

            if (!Literal(input[ip++], output, ref op, ref runStart, ref literals))
            {
                return 0;
            }
        }

        while (ip < input.Length)
        {
            if (!Literal(input[ip++], output, ref op, ref runStart, ref literals))
            {
                return 0;
            }
        }

        if (literals == 0)
        {
            op--;
        }
        else
        {
            output[runStart] = (byte)(literals - 1);
        }

        return op;
    }

    /// <summary>Decompresses exactly <paramref name="output"/>'s length of bytes; false for input that is not valid LZF of that length.</summary>
    public static bool TryDecompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var ip = 0;
        var op = 0;
        while (ip < input.Length)
        {
            int control = input[ip++];
            if (control < 32)
            {
                var count = control + 1;
                if (ip + count > input.Length || op + count > output.Length)
                {
                    return false;
                }

                input.Slice(ip, count).CopyTo(output[op..]);
                (ip, op) = (ip + count, op + count);
                continue;
            }

            var length = control >> 5;
            var reference = op - ((control & 0x1F) << 8) - 1;
            if (length == 7)
            {
                if (ip >= input.Length)
                {
                    return false;
                }

                length += input[ip++];
            }

            if (ip >= input.Length)
            {
                return false;
            }

            reference -= input[ip++];
            length += 2;
            if (reference < 0 || op + length > output.Length)
            {
                return false;
            }

            // Byte by byte: the reference may overlap what it produces.
            for (var i = 0; i < length; i++)
            {
                output[op++] = output[reference++];
            }
        }

        return op == output.Length;
    }

    // Multiplicative hash of the three bytes at position.
    private static int Hash(ReadOnlySpan<byte> input, int position) =>
        (int)(unchecked((uint)((input[position] << 16) | (input[position + 1] << 8) | input[position + 2]) * 2654435761u) >> (32 - HashBits));

    private static bool Literal(byte value, Span<byte> output, ref int op, ref int runStart, ref int literals)
    {
        if (op >= output.Length)
        {
            return false;
        }

        output[op++] = value;
        if (++literals == MaxLiteral)
        {
            output[runStart] = MaxLiteral - 1;
            if (op >= output.Length)
            {
                return false;
            }

            runStart = op++;
            literals = 0;
        }

        return true;
    }
}
