namespace Redis.Domain.Keys;

/// <summary>A key and its value packed in one array: the key's length (7 bits per byte, low bits first), the key, the value.</summary>
/// <remarks>
/// One array per key instead of two saves an object header and its padding, about 24 bytes a key. A new value of
/// the same length is written over the old one (<see cref="TryOverwriteValue"/>); any other gets a new record.
/// </remarks>
internal static class KeyRecord
{
    /// <summary>Records up to this size are allocated on the pinned object heap (ADR 0015).</summary>
    /// <remarks>
    /// Small records are many and long-lived: allocated in generation 0, each would be copied into generations 1 and 2,
    /// and the regions they leave behind stay committed (at a million keys, 40 MB of resident memory). The pinned heap
    /// never moves them. Large values stay in generation 0 (ADR 0014): the pinned heap's allocation budget is small,
    /// and spending it on 100 KB values would trigger a full collection every few dozen <c>SET</c>s.
    /// </remarks>
    public const int PinnedLimit = 8 * 1024;

    /// <summary>A record of <paramref name="key"/> and a value made of <paramref name="value"/> followed by <paramref name="valueTail"/>.</summary>
    public static byte[] Create(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ReadOnlySpan<byte> valueTail = default)
    {
        var prefix = PrefixLength(key.Length);

        // Every byte is written below, so the runtime need not clear the array first (it matters for large values).
        var size = prefix + key.Length + value.Length + valueTail.Length;
        var record = GC.AllocateUninitializedArray<byte>(size, pinned: size <= PinnedLimit);
        var length = (uint)key.Length;
        for (var i = 0; i < prefix - 1; i++, length >>= 7)
        {
            record[i] = (byte)(length | 0x80);
        }

        record[prefix - 1] = (byte)length;
        key.CopyTo(record.AsSpan(prefix));
        value.CopyTo(record.AsSpan(prefix + key.Length));
        valueTail.CopyTo(record.AsSpan(prefix + key.Length + value.Length));
        return record;
    }

    /// <summary>Writes <paramref name="value"/> over the record's value when both have the same length.</summary>
    /// <returns>False, and nothing written, when the lengths differ.</returns>
    public static bool TryOverwriteValue(byte[] record, ReadOnlySpan<byte> value)
    {
        var (offset, length) = KeyBounds(record);
        var stored = record.AsSpan(offset + length);
        if (stored.Length != value.Length)
        {
            return false;
        }

        value.CopyTo(stored);
        return true;
    }

    public static ReadOnlySpan<byte> Key(byte[] record)
    {
        var (offset, length) = KeyBounds(record);
        return record.AsSpan(offset, length);
    }

    public static ReadOnlyMemory<byte> KeyMemory(byte[] record)
    {
        var (offset, length) = KeyBounds(record);
        return record.AsMemory(offset, length);
    }

    public static ReadOnlyMemory<byte> Value(byte[] record)
    {
        var (offset, length) = KeyBounds(record);
        return record.AsMemory(offset + length);
    }

    private static int PrefixLength(int keyLength)
    {
        var prefix = 1;
        for (var length = (uint)keyLength; length >= 0x80; length >>= 7)
        {
            prefix++;
        }

        return prefix;
    }

    private static (int Offset, int Length) KeyBounds(byte[] record)
    {
        var length = 0;
        var offset = 0;
        byte b;
        do
        {
            b = record[offset];
            length |= (b & 0x7F) << (7 * offset);
            offset++;
        }
        while (b >= 0x80);

        return (offset, length);
    }
}
