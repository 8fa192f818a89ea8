using Redis.Domain.Keys;

namespace Redis.Domain.Hashes;

/// <summary>A hash: fields mapped to values.</summary>
/// <remarks>
/// <para>
/// While the hash is small (Redis's <c>listpack</c> encoding) its pairs are packed into one byte array in insertion
/// order, each field and value a varint length then its bytes, as Redis's listpack packs them: no object per field.
/// A field is found by a linear walk, updating a field keeps its position and removing one closes the gap, so every
/// reply lists the fields in Redis's order; <see cref="FieldAt"/> and <see cref="ValueAt"/> copy the bytes out, so
/// a reply holding them stays valid whatever the hash does next. Past <see cref="HashLimits"/> the hash becomes a
/// <c>hashtable</c> once and for all: fields and values in two dense arrays of immutable <c>byte[]</c>, a dictionary
/// mapping each field to its position, and removing a field moves the last pair into the freed position, in O(1).
/// </para>
/// <para>
/// That move is what makes <see cref="ScanStep"/> safe: as with the keyspace's <c>SCAN</c> (ADR 0013) a cursor counts
/// the positions not yet visited and a step walks down from it, and pairs only ever move from the end towards the
/// start, so a field not yet visited never jumps past the cursor.
/// </para>
/// <para>
/// A hashtable's value is replaced by a new array, never written over, so bytes handed out in a reply stay valid.
/// </para>
/// </remarks>
public sealed class HashValue : TypedValue
{
    private const int ObjectBytes = 64;
    private const int DictionaryEntryBytes = 24 + sizeof(int);
    private const int ReferenceBytes = 8;

    /// <summary>The most room a packed hash keeps beyond its bytes when it grows.</summary>
    private const int PackSlack = 32;

    // listpack form: the pairs, packed; null once a hashtable.
    private byte[]? _pack = [];
    private int _packLength;

    // The last pair a walk reached (position and byte offset), so reading the pairs in order is linear.
    private int _cursorPosition;
    private int _cursorOffset;

    // hashtable form
    private byte[][] _fields = [];
    private byte[][] _values = [];
    private long _elementBytes;
    private Dictionary<byte[], int>? _index;

    private int _count;

    public override KeyType Type => KeyType.Hash;

    public override string Encoding => IsListpack ? "listpack" : "hashtable";

    public override long Count => _count;

    public override TypedValue Copy()
    {
        var copy = (HashValue)MemberwiseClone();
        copy.Key = [];
        copy._pack = (byte[]?)_pack?.Clone();
        copy._fields = (byte[][])_fields.Clone();
        copy._values = (byte[][])_values.Clone();
        copy._index = _index is null ? null : new Dictionary<byte[], int>(_index, ByteKeyComparer.Instance);
        return copy;
    }

    /// <summary>True while the hash has its compact, ordered encoding.</summary>
    public bool IsListpack => _index is null;

    /// <summary>The fields held, as an <c>int</c>.</summary>
    public int Length => _count;

    public override long Footprint
    {
        get
        {
            if (_pack is not null)
            {
                return ObjectBytes + KeyFootprint.ArrayHeader + ((_pack.Length + 7L) & ~7L);
            }

            var arrays = 2 * (KeyFootprint.ArrayHeader + ((long)_fields.Length * ReferenceBytes));
            var index = ObjectBytes + (2 * KeyFootprint.ArrayHeader) + ((long)_index!.Capacity * DictionaryEntryBytes);
            return ObjectBytes + arrays + _elementBytes + index;
        }
    }

    /// <summary>The field at <paramref name="position"/> (0 to <see cref="Length"/> - 1), in the hash's iteration order.</summary>
    public byte[] FieldAt(int position)
    {
        if (_pack is null)
        {
            return _fields[position];
        }

        var offset = PairOffset(position);
        return ReadPacked(ref offset).ToArray();
    }

    /// <summary>The value at <paramref name="position"/>.</summary>
    public byte[] ValueAt(int position)
    {
        if (_pack is null)
        {
            return _values[position];
        }

        var offset = PairOffset(position);
        ReadPacked(ref offset);
        return ReadPacked(ref offset).ToArray();
    }

    /// <summary>
    /// Every field and value in iteration order, for serialisation: unlike <see cref="FieldAt"/> it moves no cursor,
    /// so another thread may run it over a value the serving thread only reads (a snapshot's, ADR 0029).
    /// </summary>
    public IEnumerable<(byte[] Field, byte[] Value)> Pairs()
    {
        if (_pack is null)
        {
            for (var position = 0; position < _count; position++)
            {
                yield return (_fields[position], _values[position]);
            }

            yield break;
        }

        var offset = 0;
        for (var position = 0; position < _count; position++)
        {
            yield return PackedPair(ref offset);
        }
    }

    /// <summary>The position of <paramref name="name"/>, or -1 when the hash lacks it.</summary>
    public int IndexOf(ReadOnlySpan<byte> name)
    {
        if (_pack is not null)
        {
            return FindPacked(name, out _);
        }

        return _index!.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(name, out var position) ? position : -1;
    }

    /// <summary>True when the hash has <paramref name="name"/>.</summary>
    public bool Contains(ReadOnlySpan<byte> name) => IndexOf(name) >= 0;

    /// <summary>The value of <paramref name="name"/>, if the hash has it.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> name, out byte[] value)
    {
        if (_pack is not null)
        {
            if (FindPacked(name, out var offset) < 0)
            {
                value = [];
                return false;
            }

            ReadPacked(ref offset);
            value = ReadPacked(ref offset).ToArray();
            return true;
        }

        var position = IndexOf(name);
        value = position < 0 ? [] : _values[position];
        return position >= 0;
    }

    /// <summary>
    /// Sets <paramref name="name"/> to <paramref name="value"/> (kept by a hashtable, copied into a listpack), as
    /// Redis's <c>hashTypeSet</c>: a field or value longer than <see cref="HashLimits.MaxListpackValue"/> converts
    /// first, more fields than <see cref="HashLimits.MaxListpackEntries"/> convert after.
    /// </summary>
    /// <returns>True when the field is new; false when an existing field's value was replaced (it keeps its position).</returns>
    public bool Set(ReadOnlySpan<byte> name, byte[] value, HashLimits limits)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_pack is not null && (name.Length > limits.MaxListpackValue || value.Length > limits.MaxListpackValue))
        {
            ConvertToHashtable();
        }

        if (_pack is not null)
        {
            var added = SetPacked(name, value);
            if (added && _count > limits.MaxListpackEntries)
            {
                ConvertToHashtable();
            }

            return added;
        }

        var position = IndexOf(name);
        if (position >= 0)
        {
            _elementBytes += SizeOf(value.Length) - SizeOf(_values[position].Length);
            _values[position] = value;
            return false;
        }

        var copy = name.ToArray();
        AppendPair(copy, value);
        _index!.Add(copy, _count - 1);
        return true;
    }

    /// <summary>Removes <paramref name="name"/>; false when the hash lacks it.</summary>
    public bool Remove(ReadOnlySpan<byte> name)
    {
        if (_pack is not null)
        {
            if (FindPacked(name, out var start) < 0)
            {
                return false;
            }

            var end = start;
            ReadPacked(ref end);
            ReadPacked(ref end);
            Splice(start, end - start, []);
            _count--;
            if (_packLength == 0)
            {
                _pack = [];
            }
            else if (_packLength < _pack.Length / 2)
            {
                Array.Resize(ref _pack, _packLength);
            }

            return true;
        }

        var position = IndexOf(name);
        if (position < 0)
        {
            return false;
        }

        _elementBytes -= SizeOf(_fields[position].Length) + SizeOf(_values[position].Length);
        var last = --_count;
        _index!.Remove(_fields[position]);
        if (position != last)
        {
            _fields[position] = _fields[last];
            _values[position] = _values[last];
            _index[_fields[position]] = position;
        }

        _fields[last] = null!;
        _values[last] = null!;
        return true;
    }

    /// <summary>
    /// One step of <c>HSCAN</c> over a hashtable: the positions to visit are <paramref name="from"/> (inclusive) up to
    /// <paramref name="to"/> (exclusive), and the returned cursor is the next one (0 when the iteration is done).
    /// </summary>
    /// <param name="cursor">0 to start, else a cursor a previous step returned; one beyond the hash starts again.</param>
    /// <param name="count">The work hint, at least 1.</param>
    public long ScanStep(long cursor, long count, out int from, out int to)
    {
        to = cursor <= 0 || cursor > _count ? _count : (int)cursor;
        from = (int)Math.Max(0, to - Math.Max(1, count));
        return from;
    }

    /// <summary>Sets a field of the packed form; true when it is new.</summary>
    private bool SetPacked(ReadOnlySpan<byte> name, byte[] value)
    {
        if (FindPacked(name, out var offset) >= 0)
        {
            var valueStart = offset;
            ReadPacked(ref valueStart);
            var valueEnd = valueStart;
            var old = ReadPacked(ref valueEnd);
            if (old.Length == value.Length)
            {
                value.CopyTo(_pack.AsSpan(valueEnd - value.Length));
                return false;
            }

            Span<byte> header = stackalloc byte[5];
            var written = WriteLength(header, value.Length);
            var replacement = new byte[written + value.Length];
            header[..written].CopyTo(replacement);
            value.CopyTo(replacement.AsSpan(written));
            Splice(valueStart, valueEnd - valueStart, replacement);
            return false;
        }

        var needed = _packLength + LengthSize(name.Length) + name.Length + LengthSize(value.Length) + value.Length;
        EnsurePackCapacity(needed);
        var pack = _pack!.AsSpan();
        var at = _packLength;
        at += WriteLength(pack[at..], name.Length);
        name.CopyTo(pack[at..]);
        at += name.Length;
        at += WriteLength(pack[at..], value.Length);
        value.CopyTo(pack[at..]);
        _packLength = at + value.Length;
        _count++;
        return true;
    }

    /// <summary>The position of <paramref name="name"/> in the packed form and its pair's offset; -1 when absent.</summary>
    private int FindPacked(ReadOnlySpan<byte> name, out int pairOffset)
    {
        var offset = 0;
        for (var i = 0; i < _count; i++)
        {
            pairOffset = offset;
            var field = ReadPacked(ref offset);
            var valueLength = ReadLength(ref offset);
            if (field.Length == name.Length && name.SequenceEqual(field))
            {
                return i;
            }

            offset += valueLength;
        }

        pairOffset = -1;
        return -1;
    }

    /// <summary>The byte offset of the pair at <paramref name="position"/>, walking on from the last one reached when it can.</summary>
    private int PairOffset(int position)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)position, (uint)_count, nameof(position));
        var (at, offset) = position >= _cursorPosition ? (_cursorPosition, _cursorOffset) : (0, 0);
        for (; at < position; at++)
        {
            ReadPacked(ref offset);
            ReadPacked(ref offset);
        }

        (_cursorPosition, _cursorOffset) = (position, offset);
        return offset;
    }

    /// <summary>Replaces <paramref name="length"/> packed bytes at <paramref name="start"/> with <paramref name="replacement"/>.</summary>
    private void Splice(int start, int length, ReadOnlySpan<byte> replacement)
    {
        var tail = _packLength - start - length;
        var newLength = _packLength - length + replacement.Length;
        EnsurePackCapacity(newLength);
        var pack = _pack!;
        Array.Copy(pack, start + length, pack, start + replacement.Length, tail);
        replacement.CopyTo(pack.AsSpan(start));
        _packLength = newLength;
        (_cursorPosition, _cursorOffset) = (0, 0);
    }

    private void EnsurePackCapacity(int needed)
    {
        if (needed > _pack!.Length)
        {
            Array.Resize(ref _pack, (int)Math.Min(Array.MaxLength, Math.Max(needed, Math.Min(2L * _pack.Length, needed + (long)PackSlack))));
        }
    }

    private (byte[] Field, byte[] Value) PackedPair(ref int offset) => (ReadPacked(ref offset).ToArray(), ReadPacked(ref offset).ToArray());

    private ReadOnlySpan<byte> ReadPacked(ref int offset)
    {
        var length = ReadLength(ref offset);
        var bytes = _pack.AsSpan(offset, length);
        offset += length;
        return bytes;
    }

    private int ReadLength(ref int offset)
    {
        var pack = _pack!;
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = pack[offset++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return length;
            }
        }
    }

    private static int WriteLength(Span<byte> destination, int length)
    {
        var written = 0;
        var rest = (uint)length;
        while (rest >= 0x80)
        {
            destination[written++] = (byte)(rest | 0x80);
            rest >>= 7;
        }

        destination[written++] = (byte)rest;
        return written;
    }

    private static int LengthSize(int length) => length < 1 << 7 ? 1 : length < 1 << 14 ? 2 : length < 1 << 21 ? 3 : length < 1 << 28 ? 4 : 5;

    private void AppendPair(byte[] field, byte[] value)
    {
        if (_count == _fields.Length)
        {
            var capacity = (int)Math.Min(Array.MaxLength, Math.Max(4L, 2L * _count));
            Array.Resize(ref _fields, capacity);
            Array.Resize(ref _values, capacity);
        }

        _fields[_count] = field;
        _values[_count] = value;
        _count++;
        _elementBytes += SizeOf(field.Length) + SizeOf(value.Length);
    }

    private void ConvertToHashtable()
    {
        var count = _count;
        var offset = 0;
        _fields = new byte[Math.Max(count, 4)][];
        _values = new byte[_fields.Length][];
        _count = 0;
        for (var i = 0; i < count; i++)
        {
            var field = ReadPacked(ref offset).ToArray();
            AppendPair(field, ReadPacked(ref offset).ToArray());
        }

        var index = new Dictionary<byte[], int>(Math.Max(count, 4), ByteKeyComparer.Instance);
        for (var i = 0; i < count; i++)
        {
            index.Add(_fields[i], i);
        }

        (_index, _pack, _packLength) = (index, null, 0);
    }

    private static long SizeOf(int length) => KeyFootprint.ArrayHeader + ((length + 7L) & ~7L);
}
