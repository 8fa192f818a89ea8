using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Domain.Sets;
using Redis.Domain.SortedSets;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// Reads an RDB file of versions 1 to 10, as Redis 7.0's <c>rdbLoadRio</c> does, calling a visitor per field and key:
/// every encoding 7.0 loads except streams, modules and functions, the legacy compact forms (zipmap, ziplist,
/// quicklist of ziplists) included. The checksum is verified when the file carries one.
/// </summary>
/// <remarks>Anything that cannot be read whole throws <see cref="RdbFormatException"/>, with a one-line message.</remarks>
public static class RdbReader
{
    /// <summary>Redis's message for input that ends early.</summary>
    public const string ShortRead = "Short read or OOM loading DB. Unrecoverable error, aborting now.";

    /// <summary>Reads a whole file from <paramref name="input"/>.</summary>
    public static void Read(Stream input, IRdbVisitor visitor, RdbLoadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentNullException.ThrowIfNull(limits);
        var reader = new RdbInput(input);
        Span<byte> header = stackalloc byte[9];
        reader.Read(header);
        if (!header[..5].SequenceEqual("REDIS"u8))
        {
            throw new RdbFormatException("Wrong signature trying to load DB from file");
        }

        if (!int.TryParse(header[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1 || version > Rdb.Version)
        {
            throw new RdbFormatException($"Can't handle RDB format version {Encoding.ASCII.GetString(header[5..])}");
        }

        var expiresAt = -1L;
        long idle = -1, frequency = -1;
        while (true)
        {
            var type = reader.ReadByte();
            switch (type)
            {
                case Rdb.OpExpireTime:
                    expiresAt = reader.ReadInt32() * 1000L;
                    continue;
                case Rdb.OpExpireTimeMs:
                    expiresAt = reader.ReadInt64();
                    continue;
                case Rdb.OpFreq:
                    frequency = reader.ReadByte();
                    continue;
                case Rdb.OpIdle:
                    var seconds = reader.ReadLength();
                    idle = seconds > long.MaxValue ? long.MaxValue : (long)seconds;
                    continue;
                case Rdb.OpSelectDb:
                    var index = reader.ReadLength();
                    visitor.OnDatabase(index > int.MaxValue ? throw new RdbFormatException($"FATAL: Data file was created with a Redis server configured to handle more than {index} databases. Exiting") : (int)index);
                    continue;
                case Rdb.OpResizeDb:
                    visitor.OnResizeDatabase((long)reader.ReadLength(), (long)reader.ReadLength());
                    continue;
                case Rdb.OpAux:
                    var name = Encoding.UTF8.GetString(reader.ReadString());
                    visitor.OnAux(name, reader.ReadString());
                    continue;
                case Rdb.OpModuleAux:
                    throw new RdbFormatException("The RDB file contains AUX module data I can't load: modules are not supported");
                case Rdb.OpFunction or Rdb.OpFunction2:
                    throw new RdbFormatException("The RDB file contains function libraries, which this server does not load");
                case Rdb.OpEof:
                    if (version >= 5)
                    {
                        VerifyChecksum(reader);
                    }

                    return;
            }

            var key = reader.ReadString();
            var reported = true;
            if (type == Rdb.TypeString)
            {
                visitor.OnString(key, reader.ReadString(), expiresAt);
            }
            else if (ReadObject(reader, type, limits) is { Count: > 0 } value)
            {
                // rdbLoadObject skips an empty collection.
                visitor.OnValue(key, value, expiresAt);
            }
            else
            {
                reported = false;
            }

            if (reported && (idle >= 0 || frequency >= 0))
            {
                visitor.OnAccess(key, idle, frequency);
            }

            (expiresAt, idle, frequency) = (-1, -1, -1);
        }
    }

    /// <summary>Reads one value of <paramref name="type"/> (not a string) from the reader's position: for files and <c>RESTORE</c> payloads alike.</summary>
    internal static TypedValue ReadObject(RdbInput reader, byte type, RdbLoadLimits limits)
    {
        switch (type)
        {
            case Rdb.TypeList:
                return ListOf(Repeat(reader.ReadCount(), reader.ReadString));
            case Rdb.TypeListZiplist:
                return ListOf(Ziplist.Entries(reader.ReadString()));
            case Rdb.TypeListQuicklist:
                return ListOf(Repeat(reader.ReadCount(), reader.ReadString).SelectMany(Ziplist.Entries).ToList());
            case Rdb.TypeListQuicklist2:
                return ListOf(ReadQuicklist2(reader));
            case Rdb.TypeSet:
                return SetOf(Repeat(reader.ReadCount(), reader.ReadString), limits);
            case Rdb.TypeSetIntset:
                return SetOf(Intset.Members(reader.ReadString()), limits);
            case Rdb.TypeHash:
                return HashOf(Repeat(reader.ReadCount() * 2, reader.ReadString), limits);
            case Rdb.TypeHashZipmap:
                return HashOf(Zipmap.Entries(reader.ReadString()), limits);
            case Rdb.TypeHashZiplist:
                return HashOf(Ziplist.Entries(reader.ReadString()), limits);
            case Rdb.TypeHashListpack:
                return HashOf(Listpack.Entries(reader.ReadString()), limits);
            case Rdb.TypeZSet:
            case Rdb.TypeZSet2:
                var count = reader.ReadCount();
                var entries = new List<SortedSetEntry>(Math.Min(count, 1 << 16));
                for (var i = 0; i < count; i++)
                {
                    entries.Add(new SortedSetEntry(reader.ReadString(), type == Rdb.TypeZSet ? reader.ReadDoubleText() : reader.ReadBinaryDouble()));
                }

                return SortedSetOf(entries, limits);
            case Rdb.TypeZSetZiplist:
                return SortedSetOf(Pairs(Ziplist.Entries(reader.ReadString())), limits);
            case Rdb.TypeZSetListpack:
                return SortedSetOf(Pairs(Listpack.Entries(reader.ReadString())), limits);
            case Rdb.TypeStreamListpacks or Rdb.TypeStreamListpacks2:
                throw new RdbFormatException($"The RDB file holds a stream (RDB type {type}), which this server does not support");
            case Rdb.TypeModule or Rdb.TypeModule2:
                throw new RdbFormatException($"The RDB file holds a module value (RDB type {type}), which this server does not support");
            default:
                throw new RdbFormatException($"Unknown RDB encoding type {type}");
        }
    }

    private static void VerifyChecksum(RdbInput reader)
    {
        var computed = reader.Checksum;
        var expected = (ulong)reader.ReadInt64();
        if (expected != 0 && expected != computed)
        {
            throw new RdbFormatException($"Wrong RDB checksum expected: ({expected:x}) but got ({computed:x}). Aborting now.");
        }
    }

    private static List<byte[]> ReadQuicklist2(RdbInput reader)
    {
        var nodes = reader.ReadCount();
        var elements = new List<byte[]>();
        for (var i = 0; i < nodes; i++)
        {
            var container = reader.ReadLength();
            var node = reader.ReadString();
            switch (container)
            {
                case Rdb.QuicklistPlain:
                    elements.Add(node);
                    break;
                case Rdb.QuicklistPacked:
                    elements.AddRange(Listpack.Entries(node));
                    break;
                default:
                    throw new RdbFormatException($"Quicklist integrity check failed: unknown container {container}");
            }
        }

        return elements;
    }

    private static List<byte[]> Repeat(int count, Func<byte[]> read)
    {
        var items = new List<byte[]>(Math.Min(count, 1 << 16));
        for (var i = 0; i < count; i++)
        {
            items.Add(read());
        }

        return items;
    }

    private static ListValue ListOf(IEnumerable<byte[]> elements)
    {
        var list = new ListValue();
        foreach (var element in elements)
        {
            list.Push(element, left: false);
        }

        return list;
    }

    private static SetValue SetOf(IEnumerable<byte[]> members, RdbLoadLimits limits)
    {
        var set = new SetValue();
        foreach (var member in members)
        {
            if (!set.Add(member, limits.SetMaxIntsetEntries))
            {
                throw new RdbFormatException("Duplicate set members detected");
            }
        }

        return set;
    }

    private static HashValue HashOf(List<byte[]> fieldsAndValues, RdbLoadLimits limits)
    {
        if (fieldsAndValues.Count % 2 != 0)
        {
            throw new RdbFormatException("Hash integrity check failed: an odd number of fields and values");
        }

        var hash = new HashValue();
        var hashLimits = new HashLimits(limits.HashMaxListpackEntries, limits.HashMaxListpackValue);
        for (var i = 0; i < fieldsAndValues.Count; i += 2)
        {
            if (!hash.Set(fieldsAndValues[i], fieldsAndValues[i + 1], hashLimits))
            {
                throw new RdbFormatException("Duplicate hash fields detected");
            }
        }

        return hash;
    }

    private static SortedSetValue SortedSetOf(List<SortedSetEntry> entries, RdbLoadLimits limits)
    {
        if (entries.Select(e => e.Member).Distinct(ByteKeyComparer.Instance).Count() != entries.Count)
        {
            throw new RdbFormatException("Duplicate zset fields detected");
        }

        if (entries.Any(e => double.IsNaN(e.Score)))
        {
            throw new RdbFormatException("Zset with NAN score detected");
        }

        return SortedSetValue.Create(entries, limits.ZsetMaxListpackEntries, limits.ZsetMaxListpackValue);
    }

    private static List<SortedSetEntry> Pairs(List<byte[]> membersAndScores)
    {
        if (membersAndScores.Count % 2 != 0)
        {
            throw new RdbFormatException("Zset integrity check failed: an odd number of members and scores");
        }

        var entries = new List<SortedSetEntry>(membersAndScores.Count / 2);
        for (var i = 0; i < membersAndScores.Count; i += 2)
        {
            entries.Add(new SortedSetEntry(membersAndScores[i], ParseScore(membersAndScores[i + 1])));
        }

        return entries;
    }

    /// <summary>A score as text (<c>zzlGetScore</c>'s <c>zzlStrtod</c>): a number, <c>inf</c>, <c>-inf</c>.</summary>
    internal static double ParseScore(ReadOnlySpan<byte> text)
    {
        var s = Encoding.ASCII.GetString(text).ToLowerInvariant();
        return s switch
        {
            "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
                ? score
                : throw new RdbFormatException($"Invalid score '{s}' in a sorted set"),
        };
    }
}
