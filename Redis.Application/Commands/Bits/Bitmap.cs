using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using Redis.Protocol;

namespace Redis.Application.Commands.Bits;

/// <summary>
/// The bit arithmetic of Redis's <c>bitops.c</c> over a string's bytes: bit 0 is the most significant bit of the first
/// byte, so a bitmap reads left to right, and bitfields are big-endian at any bit offset.
/// </summary>
internal static class Bitmap
{
    /// <summary>Parses a bit offset as Redis's <c>getBitOffsetFromArgument</c> does: a non-negative integer, or with
    /// <paramref name="bits"/> &gt; 0 also <c>#n</c>, meaning n times <paramref name="bits"/>.</summary>
    /// <remarks>The upper bound (<c>proto-max-bulk-len</c>) is the handler's: see <see cref="IsBeyond"/>.</remarks>
    public static bool TryParseOffset(ReadOnlySpan<byte> argument, int bits, out long offset)
    {
        var hash = bits > 0 && !argument.IsEmpty && argument[0] == (byte)'#';
        if (!RedisInteger.TryParse(hash ? argument[1..] : argument, out offset))
        {
            return false;
        }

        if (hash)
        {
            offset = unchecked(offset * bits);
        }

        return offset >= 0;
    }

    /// <summary>True when the bit at <paramref name="offset"/> lies past the longest string allowed (Redis compares the byte index with <c>proto-max-bulk-len</c>).</summary>
    public static bool IsBeyond(long offset, long maxLength) => offset >> 3 >= maxLength;

    /// <summary>The bit at <paramref name="offset"/>; bits past the end are 0.</summary>
    public static int GetBit(ReadOnlySpan<byte> bytes, long offset)
    {
        var index = offset >> 3;
        return index < bytes.Length ? (bytes[(int)index] >> (7 - (int)(offset & 7))) & 1 : 0;
    }

    /// <summary>The number of set bits, with hardware population count over 64-bit words.</summary>
    public static long PopCount(ReadOnlySpan<byte> bytes)
    {
        long count = 0;
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (var word in words)
        {
            count += BitOperations.PopCount(word);
        }

        foreach (var b in bytes[(words.Length * sizeof(ulong))..])
        {
            count += BitOperations.PopCount(b);
        }

        return count;
    }

    /// <summary>
    /// Redis's <c>redisBitpos</c>: the position of the first bit equal to <paramref name="bit"/>. Looking for 0 in a
    /// span of ones answers its length in bits (the string is taken as zero-padded on the right); looking for 1 in a
    /// span of zeros answers -1.
    /// </summary>
    public static long FirstBit(ReadOnlySpan<byte> bytes, int bit)
    {
        var skip = bit == 1 ? 0UL : ulong.MaxValue;
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        var index = 0;
        while (index < words.Length && words[index] == skip)
        {
            index++;
        }

        for (var position = index * sizeof(ulong); position < bytes.Length; position++)
        {
            var b = bytes[position];
            if (b != (byte)skip)
            {
                var lead = BitOperations.LeadingZeroCount((uint)(bit == 1 ? b : (byte)~b)) - 24;
                return (position * 8L) + lead;
            }
        }

        return bit == 1 ? -1 : bytes.Length * 8L;
    }

    /// <summary>The unsigned integer of <paramref name="bits"/> bits (1..64) at bit <paramref name="offset"/>; bits past the end are 0.</summary>
    public static ulong GetUnsigned(ReadOnlySpan<byte> bytes, long offset, int bits)
    {
        // The field lies within 9 bytes from its first one: read them zero-padded, as Redis's BITFIELD GET does.
        Span<byte> window = stackalloc byte[9];
        window.Clear();
        var first = offset >> 3;
        if (first < bytes.Length)
        {
            var available = bytes[(int)first..];
            available[..Math.Min(9, available.Length)].CopyTo(window);
        }

        var shift = (int)(offset & 7);
        var high = BinaryPrimitives.ReadUInt64BigEndian(window);
        var joined = shift == 0 ? high : (high << shift) | ((ulong)window[8] >> (8 - shift));
        return joined >> (64 - bits);
    }

    /// <summary>The signed (two's complement) integer of <paramref name="bits"/> bits at bit <paramref name="offset"/>.</summary>
    public static long GetSigned(ReadOnlySpan<byte> bytes, long offset, int bits)
    {
        var value = unchecked((long)GetUnsigned(bytes, offset, bits));
        return bits < 64 && (value & (1L << (bits - 1))) != 0 ? value | (-1L << bits) : value;
    }

    /// <summary>Writes the low <paramref name="bits"/> bits of <paramref name="value"/> at bit <paramref name="offset"/>; the bytes must reach that far.</summary>
    public static void SetUnsigned(Span<byte> bytes, long offset, int bits, ulong value)
    {
        for (var j = 0; j < bits; j++)
        {
            var bit = (int)((value >> (bits - 1 - j)) & 1);
            var index = (int)(offset >> 3);
            var shift = 7 - (int)(offset & 7);
            bytes[index] = (byte)((bytes[index] & ~(1 << shift)) | (bit << shift));
            offset++;
        }
    }
    /// <summary>
    /// Turns a <c>BITCOUNT</c>/<c>BITPOS</c> range into bytes as Redis does: negative indexes count from the end,
    /// both are clamped to the string; a <c>BIT</c> range also gives masks of the bits outside it in its first and
    /// last bytes. Answers false for an empty range.
    /// </summary>
    public static bool ToByteRange(long length, bool isBit, ref long start, ref long end, out byte firstMask, out byte lastMask)
    {
        (firstMask, lastMask) = (0, 0);
        var total = isBit ? length << 3 : length;
        if (start < 0)
        {
            start = Math.Max(0, total + start);
        }

        if (end < 0)
        {
            end = Math.Max(0, total + end);
        }

        end = Math.Min(end, total - 1);
        if (start > end)
        {
            return false;
        }

        if (isBit)
        {
            firstMask = (byte)~((1 << (8 - (int)(start & 7))) - 1);
            lastMask = (byte)((1 << (7 - (int)(end & 7))) - 1);
            start >>= 3;
            end >>= 3;
        }

        return true;
    }
}
