using System.Numerics;

namespace Redis.Testing.Soak;

/// <summary>The bitmap commands of <see cref="KeyspaceModel"/>: bits of a string, the most significant bit of byte 0 first.</summary>
public sealed partial class KeyspaceModel
{
    /// <summary>Redis's bitmaps end at 512 MB: the last offset is 2^32 - 1.</summary>
    private const long MaxBitOffset = (512L * 1024 * 1024 * 8) - 1;

    /// <summary>SETBIT: the bit before; the string grows with zero bytes as needed and keeps its TTL.</summary>
    public byte[] SetBit(string key, long offset, int bit, long now)
    {
        if (offset is < 0 or > MaxBitOffset)
        {
            return RespText.Error("ERR bit offset is not an integer or out of range");
        }

        if (bit is not (0 or 1))
        {
            return RespText.Error("ERR bit is not an integer or out of range");
        }

        if (!StringEntry(key, now, out var entry))
        {
            return WrongType;
        }

        // A new array: the old one may still be an expected reply's or a request's.
        var old = (byte[]?)entry?.Value ?? [];
        var index = (int)(offset >> 3);
        var value = new byte[Math.Max(old.Length, index + 1)];
        old.CopyTo(value, 0);

        var mask = (byte)(0x80 >> (int)(offset & 7));
        var before = (value[index] & mask) != 0 ? 1 : 0;
        value[index] = (byte)(bit == 1 ? value[index] | mask : value[index] & ~mask);
        _entries[key] = new Entry(value, entry?.ExpiresAt);
        return RespText.Integer(before);
    }

    public byte[] GetBit(string key, long offset, long now)
    {
        if (offset is < 0 or > MaxBitOffset)
        {
            return RespText.Error("ERR bit offset is not an integer or out of range");
        }

        if (!StringEntry(key, now, out var entry))
        {
            return WrongType;
        }

        var value = (byte[]?)entry?.Value ?? [];
        var index = offset >> 3;
        return RespText.Integer(index < value.Length && (value[index] & (0x80 >> (int)(offset & 7))) != 0 ? 1 : 0);
    }

    /// <summary>BITCOUNT key [start end [BYTE|BIT]]: indexes count from the end when negative, then are clamped; both negative and start past end is 0 at once.</summary>
    public byte[] BitCount(string key, (long Start, long End, bool Bits)? range, long now)
    {
        if (!StringEntry(key, now, out var entry))
        {
            return WrongType;
        }

        var value = (byte[]?)entry?.Value ?? [];
        if (range is not { } r)
        {
            return RespText.Integer(value.Sum(b => BitOperations.PopCount(b)));
        }

        // Both negative with start past end: zero at once (bitcountCommand), before the clamping would meet them at 0.
        if (r.Start < 0 && r.End < 0 && r.Start > r.End)
        {
            return RespText.Integer(0);
        }

        long total = r.Bits ? value.Length * 8L : value.Length;
        var start = r.Start < 0 ? Math.Max(0, total + r.Start) : r.Start;
        var end = r.End < 0 ? Math.Max(0, total + r.End) : r.End;
        end = Math.Min(end, total - 1);
        if (start > end || total == 0)
        {
            return RespText.Integer(0);
        }

        long count = 0;
        for (var i = start; i <= end; i++)
        {
            count += r.Bits ? (value[i >> 3] >> (7 - (int)(i & 7))) & 1 : BitOperations.PopCount(value[i]);
        }

        return RespText.Integer(count);
    }
}
