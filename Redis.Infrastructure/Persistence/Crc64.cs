using System.Buffers.Binary;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// Redis's CRC-64 (<c>crc64.c</c>: the Jones polynomial 0xad93d23594c935a9, reflected, initial value 0, no final
/// xor), which ends an RDB file and a <c>DUMP</c> payload. Slicing by 8: eight table lookups per eight bytes.
/// </summary>
public static class Crc64
{
    private const ulong ReflectedPolynomial = 0x95AC9329AC4BC9B5;

    private static readonly ulong[][] Tables = BuildTables();

    /// <summary>Continues <paramref name="crc"/> over <paramref name="data"/>; start with 0.</summary>
    public static ulong Update(ulong crc, ReadOnlySpan<byte> data)
    {
        var t = Tables;
        while (data.Length >= 8)
        {
            crc ^= BinaryPrimitives.ReadUInt64LittleEndian(data);
            crc = t[7][crc & 0xFF] ^ t[6][(crc >> 8) & 0xFF] ^ t[5][(crc >> 16) & 0xFF] ^ t[4][(crc >> 24) & 0xFF] ^
                  t[3][(crc >> 32) & 0xFF] ^ t[2][(crc >> 40) & 0xFF] ^ t[1][(crc >> 48) & 0xFF] ^ t[0][crc >> 56];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = t[0][(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>The checksum of <paramref name="data"/>.</summary>
    public static ulong Compute(ReadOnlySpan<byte> data) => Update(0, data);

    private static ulong[][] BuildTables()
    {
        var tables = new ulong[8][];
        tables[0] = new ulong[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ulong)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ ReflectedPolynomial : crc >> 1;
            }

            tables[0][i] = crc;
        }

        for (var k = 1; k < 8; k++)
        {
            tables[k] = new ulong[256];
            for (var i = 0; i < 256; i++)
            {
                var previous = tables[k - 1][i];
                tables[k][i] = (previous >> 8) ^ tables[0][previous & 0xFF];
            }
        }

        return tables;
    }
}
