using Redis.Domain.Keys;

namespace Redis.Domain.Hashes;

/// <summary>A hash: fields mapped to values, each an immutable <c>byte[]</c>.</summary>
/// <remarks>
/// <para>
/// Fields and values live in two dense arrays. While the hash is small (Redis's <c>listpack</c> encoding) the arrays
/// keep insertion order, a field is found by a linear search, updating a field keeps its position and removing one
/// shifts the rest down, so every reply lists the fields in Redis's order. Past <see cref="HashLimits"/> the hash
/// becomes a <c>hashtable</c> once and for all: a dictionary maps each field to its position, and removing a field
/// moves the last pair into the freed position, in O(1).
/// </para>
/// <para>
/// That move is what makes <see cref="ScanStep"/> safe: as with the keyspace's <c>SCAN</c> (ADR 0013) a cursor counts
/// the positions not yet visited and a step walks down from it, and pairs only ever move from the end towards the
/// start, so a field not yet visited never jumps past the cursor.
/// </para>
/// <para>
/// A value is replaced by a new array, never written over, so bytes handed out in a reply stay valid.
/// </para>
/// </remarks>
public sealed class HashValue : TypedValue
{
    private const int ObjectBytes = 48;
    private const int DictionaryEntryBytes = 24 + sizeof(int);
    private const int ReferenceBytes = 8;

    private byte[][] _fields;
    private byte[][] _values;
    private int _count;
    private long _elementBytes;
    private Dictionary<byte[], int>? _index;

    public HashValue()
        : this(4)
    {
    }

    public HashValue(int capacity)
    {
        capacity = Math.Max(capacity, 1);
        _fields = new byte[capacity][];
        _values = new byte[capacity][];
    }

    public override KeyType Type => KeyType.Hash;

    public override string Encoding => IsListpack ? "listpack" : "hashtable";

    public override long Count => _count;

    public override TypedValue Copy()
    {
        var copy = (HashValue)MemberwiseClone();
        copy.Key = [];
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
            var arrays = 2 * (KeyFootprint.ArrayHeader + ((long)_fields.Length * ReferenceBytes));
            var index = _index is null ? 0 : ObjectBytes + (2 * KeyFootprint.ArrayHeader) + ((long)_index.Capacity * DictionaryEntryBytes);
            return ObjectBytes + arrays + _elementBytes + index;
        }
    }

    /// <summary>The field at <paramref name="position"/> (0 to <see cref="Length"/> - 1), in the hash's iteration order.</summary>
    public byte[] FieldAt(int position) => _fields[position];

    /// <summary>The value at <paramref name="position"/>.</summary>
    public byte[] ValueAt(int position) => _values[position];

    /// <summary>The position of <paramref name="name"/>, or -1 when the hash lacks it.</summary>
    public int IndexOf(ReadOnlySpan<byte> name)
    {
        if (_index is not null)
        {
            return _index.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(name, out var position) ? position : -1;
        }

        var fields = _fields;
        for (var i = 0; i < _count; i++)
        {
            var candidate = fields[i];
            if (candidate.Length == name.Length && name.SequenceEqual(candidate))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when the hash has <paramref name="name"/>.</summary>
    public bool Contains(ReadOnlySpan<byte> name) => IndexOf(name) >= 0;

    /// <summary>The value of <paramref name="name"/>, if the hash has it.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> name, out byte[] value)
    {
        var position = IndexOf(name);
        value = position < 0 ? [] : _values[position];
        return position >= 0;
    }

    /// <summary>
    /// Sets <paramref name="name"/> to <paramref name="value"/> (kept, not copied), as Redis's <c>hashTypeSet</c>: a field
    /// or value longer than <see cref="HashLimits.MaxListpackValue"/> converts first, more fields than
    /// <see cref="HashLimits.MaxListpackEntries"/> convert after.
    /// </summary>
    /// <returns>True when the field is new; false when an existing field's value was replaced (it keeps its position).</returns>
    public bool Set(ReadOnlySpan<byte> name, byte[] value, HashLimits limits)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_index is null && (name.Length > limits.MaxListpackValue || value.Length > limits.MaxListpackValue))
        {
            ConvertToHashtable();
        }

        var position = IndexOf(name);
        if (position >= 0)
        {
            _elementBytes += SizeOf(value.Length) - SizeOf(_values[position].Length);
            _values[position] = value;
            return false;
        }

        if (_count == _fields.Length)
        {
            var capacity = (int)Math.Min(Array.MaxLength, Math.Max(4L, 2L * _count));
            Array.Resize(ref _fields, capacity);
            Array.Resize(ref _values, capacity);
        }

        var copy = name.ToArray();
        _fields[_count] = copy;
        _values[_count] = value;
        _index?.Add(copy, _count);
        _count++;
        _elementBytes += SizeOf(copy.Length) + SizeOf(value.Length);
        if (_index is null && _count > limits.MaxListpackEntries)
        {
            ConvertToHashtable();
        }

        return true;
    }

    /// <summary>Removes <paramref name="name"/>; false when the hash lacks it.</summary>
    public bool Remove(ReadOnlySpan<byte> name)
    {
        var position = IndexOf(name);
        if (position < 0)
        {
            return false;
        }

        _elementBytes -= SizeOf(_fields[position].Length) + SizeOf(_values[position].Length);
        var last = --_count;
        if (_index is null)
        {
            Array.Copy(_fields, position + 1, _fields, position, last - position);
            Array.Copy(_values, position + 1, _values, position, last - position);
        }
        else
        {
            _index.Remove(_fields[position]);
            if (position != last)
            {
                _fields[position] = _fields[last];
                _values[position] = _values[last];
                _index[_fields[position]] = position;
            }
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

    private void ConvertToHashtable()
    {
        var index = new Dictionary<byte[], int>(Math.Max(_count, 4), ByteKeyComparer.Instance);
        for (var i = 0; i < _count; i++)
        {
            index.Add(_fields[i], i);
        }

        _index = index;
    }

    private static long SizeOf(int length) => KeyFootprint.ArrayHeader + ((length + 7L) & ~7L);
}
