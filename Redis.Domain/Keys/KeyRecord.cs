using System.Numerics;

namespace Redis.Domain.Keys;

/// <summary>
/// A key and its value packed in one array: the key's length and the value's length (7 bits per byte, low bits
/// first), the key, the value, and for a large record the spare room of its size class.
/// </summary>
/// <remarks>
/// One array per key instead of two saves an object header and its padding, about 24 bytes a key. A new value whose
/// record would have the same size is written over the old one (<see cref="TryOverwriteValue"/>); any other gets a
/// new record. Small records have exactly the size they need; large ones are rounded up to a size class (four per
/// power of two, at most 25% spare), so that a record given back by one key fits the next key of a similar size
/// (<see cref="RecordPool"/>).
/// </remarks>
internal static class KeyRecord
{
    /// <summary>Records up to this size are allocated on the pinned object heap, with no spare room (ADR 0015).</summary>
    /// <remarks>
    /// Small records are many and long-lived: allocated in generation 0, each would be copied into generations 1 and 2,
    /// and the regions they leave behind stay committed (at a million keys, 40 MB of resident memory). The pinned heap
    /// never moves them. Larger records stay in generation 0 (ADR 0014): the pinned heap's allocation budget is small,
    /// and spending it on 100 KB values would trigger a full collection every few dozen <c>SET</c>s.
    /// </remarks>
    public const int PinnedLimit = 8 * 1024;

    /// <summary>The size of the array that holds a key of <paramref name="keyLength"/> bytes and a value of <paramref name="valueLength"/>.</summary>
    public static int SizeFor(int keyLength, long valueLength)
    {
        var exact = VarintLength(keyLength) + VarintLength(valueLength) + keyLength + valueLength;
        if (exact <= PinnedLimit)
        {
            return (int)exact;
        }

        // Four classes per power of two: 10 KiB, 12 KiB, 14 KiB, 16 KiB, 20 KiB, 24 KiB, ...
        var step = (long)BitOperations.RoundUpToPowerOf2((ulong)exact) / 8;
        var size = (exact + step - 1) / step * step;
        return (int)Math.Min(size, Array.MaxLength);
    }

    /// <summary>A new array of <paramref name="size"/> bytes, not cleared (every byte a reader sees is written first).</summary>
    public static byte[] Allocate(int size) => GC.AllocateUninitializedArray<byte>(size, pinned: size <= PinnedLimit);

    /// <summary>Writes the key and a value made of <paramref name="value"/> followed by <paramref name="valueTail"/>.</summary>
    /// <param name="record">At least <see cref="SizeFor"/> bytes long.</param>
    public static void Write(byte[] record, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ReadOnlySpan<byte> valueTail = default)
    {
        var offset = WriteVarint(record, 0, key.Length);
        offset = WriteVarint(record, offset, value.Length + valueTail.Length);
        key.CopyTo(record.AsSpan(offset));
        value.CopyTo(record.AsSpan(offset + key.Length));
        valueTail.CopyTo(record.AsSpan(offset + key.Length + value.Length));
    }

    /// <summary>Writes <paramref name="value"/> over the record's value when the record has the size that value needs.</summary>
    /// <returns>False, and nothing written, when the value needs a record of another size.</returns>
    public static bool TryOverwriteValue(byte[] record, ReadOnlySpan<byte> value)
    {
        var (keyOffset, keyLength, valueLength) = Header(record);
        if (!Fits(record, keyLength, valueLength, value.Length))
        {
            return false;
        }

        WriteVarint(record, VarintLength(keyLength), value.Length);
        value.CopyTo(record.AsSpan(keyOffset + keyLength));
        return true;
    }

    /// <summary>Appends <paramref name="suffix"/> to the record's value when the longer value still fits the record's size class.</summary>
    /// <returns>False, and nothing written, when the longer value needs a record of another size.</returns>
    /// <remarks>A large record's spare room makes repeated appends copy the value only once per size class, as Redis's spare capacity does.</remarks>
    public static bool TryAppendValue(byte[] record, ReadOnlySpan<byte> suffix)
    {
        var (keyOffset, keyLength, valueLength) = Header(record);
        var length = (long)valueLength + suffix.Length;
        if (!Fits(record, keyLength, valueLength, length))
        {
            return false;
        }

        suffix.CopyTo(record.AsSpan(keyOffset + keyLength + valueLength));
        WriteVarint(record, VarintLength(keyLength), (int)length);
        return true;
    }

    public static ReadOnlySpan<byte> Key(byte[] record)
    {
        var (offset, length, _) = Header(record);
        return record.AsSpan(offset, length);
    }

    public static ReadOnlyMemory<byte> KeyMemory(byte[] record)
    {
        var (offset, length, _) = Header(record);
        return record.AsMemory(offset, length);
    }

    public static ReadOnlyMemory<byte> Value(byte[] record)
    {
        var (offset, keyLength, valueLength) = Header(record);
        return record.AsMemory(offset + keyLength, valueLength);
    }

    // A value of newLength can replace one of oldLength in this record: same array size, and the key stays where it is.
    private static bool Fits(byte[] record, int keyLength, int oldLength, long newLength) =>
        SizeFor(keyLength, newLength) == record.Length && VarintLength(newLength) == VarintLength(oldLength);

    private static int VarintLength(long value)
    {
        var length = 1;
        for (; value >= 0x80; value >>= 7)
        {
            length++;
        }

        return length;
    }

    private static int WriteVarint(byte[] record, int offset, int value)
    {
        var remaining = (uint)value;
        for (; remaining >= 0x80; remaining >>= 7)
        {
            record[offset++] = (byte)(remaining | 0x80);
        }

        record[offset++] = (byte)remaining;
        return offset;
    }

    private static int ReadVarint(byte[] record, ref int offset)
    {
        var value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = record[offset++];
            value |= (b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);

        return value;
    }

    // Where the key starts, and the two lengths.
    private static (int KeyOffset, int KeyLength, int ValueLength) Header(byte[] record)
    {
        var offset = 0;
        var keyLength = ReadVarint(record, ref offset);
        var valueLength = ReadVarint(record, ref offset);
        return (offset, keyLength, valueLength);
    }
}
