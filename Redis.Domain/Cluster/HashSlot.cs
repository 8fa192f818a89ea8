namespace Redis.Domain.Cluster;

/// <summary>Redis Cluster's key-to-slot rule (<c>cluster.c</c>'s <c>keyHashSlot</c>): CRC16 of the key, or of its hash tag, modulo 16384.</summary>
/// <remarks>
/// A hash tag is the part between the first <c>{</c> and the first <c>}</c> after it, when that part is not empty, so
/// <c>{user1000}.following</c> and <c>{user1000}.followers</c> share a slot and a multi-key command may take both.
/// </remarks>
public static class HashSlot
{
    /// <summary>Redis's <c>CLUSTER_SLOTS</c>: the number of hash slots.</summary>
    public const int Count = 16384;

    /// <summary>The highest slot number.</summary>
    public const int Last = Count - 1;

    private static readonly ushort[] Table = BuildTable();

    /// <summary>The slot of <paramref name="key"/>.</summary>
    public static int Of(ReadOnlySpan<byte> key)
    {
        var open = key.IndexOf((byte)'{');
        if (open >= 0)
        {
            var close = key[(open + 1)..].IndexOf((byte)'}');

            // keyHashSlot: no closing brace, or "{}" right away, and the whole key is hashed.
            if (close > 0)
            {
                key = key.Slice(open + 1, close);
            }
        }

        return Crc16(key) & Last;
    }

    /// <summary>CRC-16/XMODEM (polynomial 0x1021, initial value 0), as Redis's <c>crc16.c</c>.</summary>
    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]);
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
