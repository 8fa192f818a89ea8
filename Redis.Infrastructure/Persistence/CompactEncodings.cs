using System.Buffers.Binary;

namespace Redis.Infrastructure.Persistence;

/// <summary>Reads a listpack (<c>listpack.c</c>) as an RDB carries it: its elements in order, integers as their decimal text.</summary>
internal static class Listpack
{
    public static List<byte[]> Entries(byte[] blob) => Guard.Run("Listpack", () =>
    {
        var items = new List<byte[]>();
        var at = 6;
        while (blob[at] != 0xFF)
        {
            var start = at;
            int b = blob[at];
            if ((b & 0x80) == 0)
            {
                items.Add(RdbIntegers.Format(b));
                at += 1;
            }
            else if ((b & 0xC0) == 0x80)
            {
                at = String(blob, at + 1, b & 0x3F, items);
            }
            else if ((b & 0xE0) == 0xC0)
            {
                var value = ((b & 0x1F) << 8) | blob[at + 1];
                items.Add(RdbIntegers.Format(value >= 1 << 12 ? value - (1 << 13) : value));
                at += 2;
            }
            else if ((b & 0xF0) == 0xE0)
            {
                at = String(blob, at + 2, ((b & 0x0F) << 8) | blob[at + 1], items);
            }
            else
            {
                switch (b)
                {
                    case 0xF0:
                        at = String(blob, at + 5, BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(at + 1)), items);
                        break;
                    case 0xF1:
                        items.Add(RdbIntegers.Format(BinaryPrimitives.ReadInt16LittleEndian(blob.AsSpan(at + 1))));
                        at += 3;
                        break;
                    case 0xF2:
                        var bits = blob[at + 1] | (blob[at + 2] << 8) | (blob[at + 3] << 16);
                        items.Add(RdbIntegers.Format(bits >= 1 << 23 ? bits - (1 << 24) : bits));
                        at += 4;
                        break;
                    case 0xF3:
                        items.Add(RdbIntegers.Format(BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(at + 1))));
                        at += 5;
                        break;
                    case 0xF4:
                        items.Add(RdbIntegers.Format(BinaryPrimitives.ReadInt64LittleEndian(blob.AsSpan(at + 1))));
                        at += 9;
                        break;
                    default:
                        throw new RdbFormatException($"Listpack integrity check failed: unknown encoding {b}");
                }
            }

            var length = at - start;
            at += length <= 127 ? 1 : length < 16383 ? 2 : length < 2097151 ? 3 : length < 268435455 ? 4 : 5;
        }

        return items;
    });

    private static int String(byte[] blob, int at, int length, List<byte[]> items)
    {
        items.Add(blob.AsSpan(at, length).ToArray());
        return at + length;
    }
}

/// <summary>Reads a ziplist (<c>ziplist.c</c>), the compact form of Redis before 7.0, as older RDB files carry it.</summary>
internal static class Ziplist
{
    public static List<byte[]> Entries(byte[] blob) => Guard.Run("Ziplist", () =>
    {
        var items = new List<byte[]>();
        var at = 10;
        while (blob[at] != 0xFF)
        {
            at += blob[at] < 254 ? 1 : 5;
            int b = blob[at];
            switch (b >> 6)
            {
                case 0:
                    items.Add(blob.AsSpan(at + 1, b & 0x3F).ToArray());
                    at += 1 + (b & 0x3F);
                    continue;
                case 1:
                    var length14 = ((b & 0x3F) << 8) | blob[at + 1];
                    items.Add(blob.AsSpan(at + 2, length14).ToArray());
                    at += 2 + length14;
                    continue;
                case 2:
                    var length32 = (int)BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(at + 1));
                    items.Add(blob.AsSpan(at + 5, length32).ToArray());
                    at += 5 + length32;
                    continue;
            }

            long value;
            switch (b)
            {
                case 0xC0:
                    value = BinaryPrimitives.ReadInt16LittleEndian(blob.AsSpan(at + 1));
                    at += 3;
                    break;
                case 0xD0:
                    value = BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(at + 1));
                    at += 5;
                    break;
                case 0xE0:
                    value = BinaryPrimitives.ReadInt64LittleEndian(blob.AsSpan(at + 1));
                    at += 9;
                    break;
                case 0xF0:
                    var bits = blob[at + 1] | (blob[at + 2] << 8) | (blob[at + 3] << 16);
                    value = bits >= 1 << 23 ? bits - (1 << 24) : bits;
                    at += 4;
                    break;
                case 0xFE:
                    value = (sbyte)blob[at + 1];
                    at += 2;
                    break;
                case >= 0xF1 and <= 0xFD:
                    value = (b & 0x0F) - 1;
                    at += 1;
                    break;
                default:
                    throw new RdbFormatException($"Ziplist integrity check failed: unknown encoding {b}");
            }

            items.Add(RdbIntegers.Format(value));
        }

        return items;
    });
}

/// <summary>Reads an intset (<c>intset.c</c>): a width of 2, 4 or 8 bytes, a count, the members ascending, little endian.</summary>
internal static class Intset
{
    public static List<byte[]> Members(byte[] blob) => Guard.Run("Intset", () =>
    {
        var width = BinaryPrimitives.ReadInt32LittleEndian(blob);
        var count = BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(4));
        if (width is not (2 or 4 or 8) || count < 0 || 8L + ((long)count * width) != blob.Length)
        {
            throw new RdbFormatException("Intset integrity check failed.");
        }

        var members = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var at = blob.AsSpan(8 + (i * width));
            members.Add(RdbIntegers.Format(width switch
            {
                2 => BinaryPrimitives.ReadInt16LittleEndian(at),
                4 => BinaryPrimitives.ReadInt32LittleEndian(at),
                _ => BinaryPrimitives.ReadInt64LittleEndian(at),
            }));
        }

        return members;
    });
}

/// <summary>Reads a zipmap (<c>zipmap.c</c>), the small hash of Redis 2.x: fields and values in turn.</summary>
internal static class Zipmap
{
    public static List<byte[]> Entries(byte[] blob) => Guard.Run("Zipmap", () =>
    {
        var items = new List<byte[]>();
        var at = 1;
        while (blob[at] != 0xFF)
        {
            var fieldLength = Length(blob, ref at);
            items.Add(blob.AsSpan(at, fieldLength).ToArray());
            at += fieldLength;
            var valueLength = Length(blob, ref at);
            var free = blob[at++];
            items.Add(blob.AsSpan(at, valueLength).ToArray());
            at += valueLength + free;
        }

        return items;
    });

    private static int Length(byte[] blob, ref int at)
    {
        if (blob[at] < 254)
        {
            return blob[at++];
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(at + 1));
        at += 5;
        return length;
    }
}

/// <summary>Turns the out-of-range reads of a corrupt compact encoding into the load error they are.</summary>
internal static class Guard
{
    public static T Run<T>(string encoding, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException)
        {
            throw new RdbFormatException($"{encoding} integrity check failed.", e);
        }
    }
}
