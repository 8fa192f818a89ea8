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
/// Writes an RDB file of version 10, as Redis 7.0's <c>rdbSaveRio</c> lays it out: the header, auxiliary fields, per
/// database <c>SELECTDB</c> and <c>RESIZEDB</c>, each key with its expiry, then <c>EOF</c> and the CRC-64.
/// </summary>
/// <remarks>
/// <para>
/// Values take the encodings 7.0 writes: a string as an integer when it is one (<c>rdbTryIntegerEncoding</c>), else
/// LZF-compressed when longer than 20 bytes and compression shrinks it, else raw; a small hash or sorted set as its
/// listpack, a set of integers as an intset, a list as a quicklist of listpacks of at most 8 KB; large collections
/// element by element (types 4, 2 and 5).
/// </para>
/// <para>
/// It buffers and writes the stream in blocks of 64 KB and does not own it. It reads collections only through
/// members that change nothing, so it may run on another thread over a snapshot (ADR 0029).
/// </para>
/// </remarks>
public sealed class RdbWriter : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly Stream _output;
    private readonly RdbWriterOptions _options;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly ListpackBuilder _listpack = new();
    private int _length;
    private ulong _crc;
    private byte[] _compressed = [];

    public RdbWriter(Stream output, RdbWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        _output = output;
        _options = options;
    }

    /// <summary>The magic and version: <c>REDIS0010</c>.</summary>
    public void WriteHeader() => WriteBytes(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"REDIS{Rdb.Version:D4}")));

    /// <summary>An auxiliary field whose value is text.</summary>
    public void WriteAux(string name, string value)
    {
        WriteByte(Rdb.OpAux);
        WriteString(Encoding.UTF8.GetBytes(name));
        WriteString(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>An auxiliary field whose value is a number, written as Redis writes it (an integer-encoded string when it fits).</summary>
    public void WriteAux(string name, long value) => WriteAux(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Starts database <paramref name="index"/>, announcing its sizes (<c>SELECTDB</c> then <c>RESIZEDB</c>).</summary>
    public void WriteDatabase(int index, long keys, long expires)
    {
        WriteByte(Rdb.OpSelectDb);
        WriteLength((ulong)index);
        WriteByte(Rdb.OpResizeDb);
        WriteLength((ulong)keys);
        WriteLength((ulong)expires);
    }

    /// <summary>A string key; <paramref name="expiresAtMs"/> is Unix milliseconds, -1 for none.</summary>
    /// <param name="idleSeconds">The key's idle time, written as <c>IDLE</c> (under an LRU policy); -1 for none.</param>
    /// <param name="frequency">The key's LFU counter, written as <c>FREQ</c> (under an LFU policy); -1 for none.</param>
    public void WriteString(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, long expiresAtMs, long idleSeconds = -1, int frequency = -1)
    {
        WriteExpiry(expiresAtMs);
        WriteAccess(idleSeconds, frequency);
        WriteByte(Rdb.TypeString);
        WriteString(key);
        WriteString(value);
    }

    /// <summary>A hash, list, set or sorted set key; the idle time and frequency as for a string key.</summary>
    public void WriteValue(ReadOnlySpan<byte> key, TypedValue value, long expiresAtMs, long idleSeconds = -1, int frequency = -1)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteExpiry(expiresAtMs);
        WriteAccess(idleSeconds, frequency);
        switch (value)
        {
            case HashValue hash:
                WriteHash(key, hash, withKey: true);
                break;
            case ListValue list:
                WriteByte(Rdb.TypeListQuicklist2);
                WriteString(key);
                WriteList(list);
                break;
            case SetValue set:
                WriteSet(key, set, withKey: true);
                break;
            case SortedSetValue zset:
                WriteSortedSet(key, zset, withKey: true);
                break;
            default:
                throw new NotSupportedException($"No RDB encoding for {value.GetType().Name}.");
        }
    }

    /// <summary>Ends the file: <c>EOF</c>, the checksum (zeros when it is off), and everything flushed to the stream.</summary>
    public void Finish()
    {
        WriteByte(Rdb.OpEof);
        Flush();
        Span<byte> checksum = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, _options.Checksum ? _crc : 0);
        _output.Write(checksum);
        _output.Flush();
    }

    public void Dispose()
    {
    }

    /// <summary>
    /// A value as <c>DUMP</c> serialises it (<c>rdbSaveObjectType</c> then <c>rdbSaveObject</c>): the type byte and the
    /// value, without key or expiry. Null <paramref name="value"/> stands for the string <paramref name="text"/>.
    /// </summary>
    public void WriteObject(TypedValue? value, ReadOnlySpan<byte> text)
    {
        switch (value)
        {
            case null:
                WriteByte(Rdb.TypeString);
                WriteString(text);
                return;
            case HashValue hash:
                WriteHash(default, hash, withKey: false);
                return;
            case ListValue list:
                WriteByte(Rdb.TypeListQuicklist2);
                WriteList(list);
                return;
            case SetValue set:
                WriteSet(default, set, withKey: false);
                return;
            case SortedSetValue zset:
                WriteSortedSet(default, zset, withKey: false);
                return;
            default:
                throw new NotSupportedException($"No RDB encoding for {value.GetType().Name}.");
        }
    }

    /// <summary>Writes what is buffered to the stream, updating the checksum.</summary>
    public void Flush()
    {
        if (_length == 0)
        {
            return;
        }

        if (_options.Checksum)
        {
            _crc = Crc64.Update(_crc, _buffer.AsSpan(0, _length));
        }

        _output.Write(_buffer, 0, _length);
        _length = 0;
    }

    /// <summary>The checksum of everything written so far (flushed first).</summary>
    internal ulong Checksum
    {
        get
        {
            Flush();
            return _crc;
        }
    }

    private void WriteHash(ReadOnlySpan<byte> key, HashValue hash, bool withKey)
    {
        if (hash.IsListpack)
        {
            _listpack.Clear();
            foreach (var (field, value) in hash.Pairs())
            {
                _listpack.Add(field);
                _listpack.Add(value);
            }

            WriteByte(Rdb.TypeHashListpack);
            WriteKey(key, withKey);
            WriteString(_listpack.Build());
            return;
        }

        WriteByte(Rdb.TypeHash);
        WriteKey(key, withKey);
        WriteLength((ulong)hash.Length);
        foreach (var (field, value) in hash.Pairs())
        {
            WriteString(field);
            WriteString(value);
        }
    }

    private void WriteList(ListValue list)
    {
        // The nodes first, so their count can lead.
        var nodes = new List<byte[]>();
        _listpack.Clear();
        for (var i = 0; i < list.Length; i++)
        {
            var element = list[i];
            if (_listpack.Count != 0 && _listpack.Size + element.Length + 11 > Rdb.QuicklistNodeBytes)
            {
                nodes.Add(_listpack.Build().ToArray());
                _listpack.Clear();
            }

            _listpack.Add(element);
        }

        if (_listpack.Count != 0)
        {
            nodes.Add(_listpack.Build().ToArray());
        }

        WriteLength((ulong)nodes.Count);
        foreach (var node in nodes)
        {
            WriteLength(Rdb.QuicklistPacked);
            WriteString(node);
        }
    }

    private void WriteSet(ReadOnlySpan<byte> key, SetValue set, bool withKey)
    {
        if (set.IsIntset)
        {
            WriteByte(Rdb.TypeSetIntset);
            WriteKey(key, withKey);
            WriteString(Intset(set));
            return;
        }

        WriteByte(Rdb.TypeSet);
        WriteKey(key, withKey);
        WriteLength((ulong)set.Count);
        for (var i = 0; i < set.Count; i++)
        {
            WriteString(set.MemberAt(i));
        }
    }

    private void WriteSortedSet(ReadOnlySpan<byte> key, SortedSetValue zset, bool withKey)
    {
        var entries = zset.Range(0, zset.Count, reverse: false);
        if (!zset.IsSkipList)
        {
            _listpack.Clear();
            foreach (var entry in entries)
            {
                _listpack.Add(entry.Member);
                _listpack.Add(FormatScore(entry.Score));
            }

            WriteByte(Rdb.TypeZSetListpack);
            WriteKey(key, withKey);
            WriteString(_listpack.Build());
            return;
        }

        // rdbSaveObject writes a skiplist from its tail, so the load inserts each member at the head.
        WriteByte(Rdb.TypeZSet2);
        WriteKey(key, withKey);
        WriteLength((ulong)entries.Length);
        Span<byte> score = stackalloc byte[8];
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            WriteString(entries[i].Member);
            BinaryPrimitives.WriteDoubleLittleEndian(score, entries[i].Score);
            WriteBytes(score);
        }
    }

    private void WriteKey(ReadOnlySpan<byte> key, bool withKey)
    {
        if (withKey)
        {
            WriteString(key);
        }
    }

    // A listpack stores a score as Redis's d2string does: an integer when it is one, else the shortest exact text.
    internal static byte[] FormatScore(double score) => Encoding.ASCII.GetBytes(
        double.IsPositiveInfinity(score) ? "inf" :
        double.IsNegativeInfinity(score) ? "-inf" :
        score == Math.Floor(score) && Math.Abs(score) < 1e17 ? ((long)score).ToString(CultureInfo.InvariantCulture) :
        score.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal));

    // intset.c: the narrowest of 16, 32 or 64 bits that holds every member, little endian, in ascending order.
    private static byte[] Intset(SetValue set)
    {
        var count = (int)set.Count;
        long min = 0, max = 0;
        for (var i = 0; i < count; i++)
        {
            var value = set.IntegerAt(i);
            (min, max) = (Math.Min(min, value), Math.Max(max, value));
        }

        var width = min >= short.MinValue && max <= short.MaxValue ? 2 : min >= int.MinValue && max <= int.MaxValue ? 4 : 8;
        var bytes = new byte[8 + (count * width)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)width);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)count);
        for (var i = 0; i < count; i++)
        {
            var at = bytes.AsSpan(8 + (i * width));
            var value = set.IntegerAt(i);
            switch (width)
            {
                case 2:
                    BinaryPrimitives.WriteInt16LittleEndian(at, (short)value);
                    break;
                case 4:
                    BinaryPrimitives.WriteInt32LittleEndian(at, (int)value);
                    break;
                default:
                    BinaryPrimitives.WriteInt64LittleEndian(at, value);
                    break;
            }
        }

        return bytes;
    }

    // rdbSaveKeyValuePair: after the expiry, before the type, the idle time in seconds as a length, the counter as a byte.
    private void WriteAccess(long idleSeconds, int frequency)
    {
        if (idleSeconds >= 0)
        {
            WriteByte(Rdb.OpIdle);
            WriteLength((ulong)idleSeconds);
        }

        if (frequency >= 0)
        {
            WriteByte(Rdb.OpFreq);
            WriteByte((byte)Math.Min(frequency, 255));
        }
    }

    private void WriteExpiry(long expiresAtMs)
    {
        if (expiresAtMs == -1)
        {
            return;
        }

        WriteByte(Rdb.OpExpireTimeMs);
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, expiresAtMs);
        WriteBytes(bytes);
    }

    // rdbSaveRawString: an integer of at most 11 characters in its canonical form as 1, 2 or 4 bytes; then LZF when it
    // pays (more than 20 bytes, and at least 5 bytes saved: Redis gives LZF len - 4 bytes of room); else the bytes.
    private void WriteString(ReadOnlySpan<byte> value)
    {
        if (value.Length <= 11 && RdbIntegers.TryParseCanonical(value, out var integer) && TryWriteInteger(integer))
        {
            return;
        }

        if (_options.Compression && value.Length > 20 && TryWriteCompressed(value))
        {
            return;
        }

        WriteLength((ulong)value.Length);
        WriteBytes(value);
    }

    private bool TryWriteInteger(long value)
    {
        Span<byte> bytes = stackalloc byte[5];
        int length;
        if (value is >= sbyte.MinValue and <= sbyte.MaxValue)
        {
            bytes[0] = (Rdb.EncodingValue << 6) | Rdb.EncodingInt8;
            bytes[1] = (byte)value;
            length = 2;
        }
        else if (value is >= short.MinValue and <= short.MaxValue)
        {
            bytes[0] = (Rdb.EncodingValue << 6) | Rdb.EncodingInt16;
            BinaryPrimitives.WriteInt16LittleEndian(bytes[1..], (short)value);
            length = 3;
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            bytes[0] = (Rdb.EncodingValue << 6) | Rdb.EncodingInt32;
            BinaryPrimitives.WriteInt32LittleEndian(bytes[1..], (int)value);
            length = 5;
        }
        else
        {
            return false;
        }

        WriteBytes(bytes[..length]);
        return true;
    }

    private bool TryWriteCompressed(ReadOnlySpan<byte> value)
    {
        var room = value.Length - 4;
        if (_compressed.Length < room)
        {
            _compressed = new byte[Math.Max(room, 1024)];
        }

        var compressed = Lzf.Compress(value, _compressed.AsSpan(0, room));
        if (compressed == 0)
        {
            return false;
        }

        WriteByte((Rdb.EncodingValue << 6) | Rdb.EncodingLzf);
        WriteLength((ulong)compressed);
        WriteLength((ulong)value.Length);
        WriteBytes(_compressed.AsSpan(0, compressed));
        return true;
    }

    private void WriteLength(ulong length)
    {
        Span<byte> bytes = stackalloc byte[9];
        int size;
        if (length < 1 << 6)
        {
            bytes[0] = (byte)length;
            size = 1;
        }
        else if (length < 1 << 14)
        {
            bytes[0] = (byte)((Rdb.Len14Bit << 6) | (int)(length >> 8));
            bytes[1] = (byte)length;
            size = 2;
        }
        else if (length <= uint.MaxValue)
        {
            bytes[0] = Rdb.Len32Bit;
            BinaryPrimitives.WriteUInt32BigEndian(bytes[1..], (uint)length);
            size = 5;
        }
        else
        {
            bytes[0] = Rdb.Len64Bit;
            BinaryPrimitives.WriteUInt64BigEndian(bytes[1..], length);
            size = 9;
        }

        WriteBytes(bytes[..size]);
    }

    private void WriteByte(byte value)
    {
        if (_length == BufferSize)
        {
            Flush();
        }

        _buffer[_length++] = value;
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_length == BufferSize)
            {
                Flush();
            }

            var chunk = Math.Min(bytes.Length, BufferSize - _length);
            bytes[..chunk].CopyTo(_buffer.AsSpan(_length));
            _length += chunk;
            bytes = bytes[chunk..];
        }
    }
}
