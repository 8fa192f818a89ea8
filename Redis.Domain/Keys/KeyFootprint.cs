namespace Redis.Domain.Keys;

/// <summary>What one key costs the keyspace in bytes, for <c>MEMORY USAGE</c> (ADR 0015's layout, counted on a 64-bit runtime).</summary>
/// <remarks>
/// The record array (its 24-byte object header and length, then the record rounded up to its size class and to the
/// heap's 8-byte alignment), the key's 24-byte slot and 4-byte access clock, its share of the hash index (an <c>int</c> kept at most half
/// full: 8 bytes a key), and for a key with a TTL its entry in the dense list of volatile keys (an <c>int</c>).
/// Redis counts its own pieces the same way (<c>objectComputeSize</c> plus the key's <c>sds</c> and dict entry).
/// </remarks>
public static class KeyFootprint
{
    /// <summary>The header of a <c>byte[]</c> on a 64-bit runtime: sync block, method table, length.</summary>
    public const int ArrayHeader = 24;

    /// <summary>One slot of the key table.</summary>
    public const int Slot = 24;

    /// <summary>A key's access clock, in the array beside the slots (ADR 0035).</summary>
    public const int AccessClock = sizeof(uint);

    /// <summary>A key's share of the index, which is never more than half full.</summary>
    public const int IndexShare = 2 * sizeof(int);

    /// <summary>A key's entry in the list of keys with a TTL.</summary>
    public const int VolatileEntry = sizeof(int);

    /// <summary>The bytes a key of <paramref name="keyLength"/> bytes holding a typed value costs: the key's own array, the slot, and the value's <see cref="TypedValue.Footprint"/>.</summary>
    public static long Of(int keyLength, TypedValue value, bool hasExpiry)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ArrayHeader + ((keyLength + 7L) & ~7L) + Slot + AccessClock + IndexShare + (hasExpiry ? VolatileEntry : 0) + value.Footprint;
    }

    /// <summary>The bytes a key of <paramref name="keyLength"/> bytes holding a string of <paramref name="valueLength"/> bytes costs.</summary>
    public static long Of(int keyLength, long valueLength, bool hasExpiry)
    {
        var record = ((long)KeyRecord.SizeFor(keyLength, valueLength) + 7) & ~7L;
        return ArrayHeader + record + Slot + AccessClock + IndexShare + (hasExpiry ? VolatileEntry : 0);
    }
}
