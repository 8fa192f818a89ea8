using Redis.Domain.Keys;

namespace Redis.Domain.Lists;

/// <summary>A list: a sequence of byte strings with O(1) push and pop at both ends and O(1) access by index.</summary>
/// <remarks>
/// <para>
/// The elements live in a ring buffer (a deque) of immutable <c>byte[]</c> whose capacity is a power of two: it
/// doubles when full and halves when under a quarter full, so pushes and pops cost O(1) amortised, and an index is
/// one mask away whatever its position (<c>LINDEX</c>/<c>LSET</c> are O(1), where Redis's quicklist walks its nodes).
/// Inserting or removing in the middle (<c>LINSERT</c>, <c>LREM</c>) shifts the shorter side, O(n) as in Redis.
/// </para>
/// <para>
/// Redis 7.0 keeps every list as a quicklist, a linked list of listpacks (packed runs of elements), which saves
/// memory: no pointer and no object header per element. This model spends a reference and an array header per
/// element instead, for simpler code and O(1) indexing; <c>OBJECT ENCODING</c> still answers <c>quicklist</c> as
/// Redis 7.0 does for every list. An element is never written over: <see cref="Set"/> replaces the reference, so
/// bytes handed out in a reply stay valid until the reply is encoded.
/// </para>
/// </remarks>
public sealed class ListValue : TypedValue
{
    private const int MinimumCapacity = 4;

    /// <summary>Object header and fields of this class on a 64-bit runtime (header, key, items, head, count, pushes, element bytes).</summary>
    private const int ObjectBytes = 16 + 8 + 8 + 4 + 4 + 8 + 8;

    private byte[][] _items = new byte[MinimumCapacity][];
    private int _head;
    private int _count;
    private long _elementBytes;

    /// <inheritdoc/>
    public override KeyType Type => KeyType.List;

    /// <inheritdoc/>
    /// <remarks>Redis 7.0.15 answers <c>quicklist</c> for every list (listpack lists came in 7.2).</remarks>
    public override string Encoding => "quicklist";

    /// <inheritdoc/>
    public override long Count => _count;

    /// <inheritdoc/>
    /// <remarks>The copy is a new list: its <see cref="Pushes"/> start at 0.</remarks>
    public override TypedValue Copy()
    {
        var copy = (ListValue)MemberwiseClone();
        copy.Key = [];
        copy._items = (byte[][])_items.Clone();
        copy.Pushes = 0;
        return copy;
    }

    /// <summary>The number of elements, as an <c>int</c>.</summary>
    public int Length => _count;

    /// <summary>
    /// How many pushes this list has seen since it was created: a blocked pop compares it to tell that a push
    /// happened (Redis's <c>signalKeyAsReady</c>).
    /// </summary>
    public long Pushes { get; private set; }

    /// <inheritdoc/>
    public override long Footprint =>
        ObjectBytes + KeyFootprint.ArrayHeader + (8L * _items.Length) + _elementBytes;

    /// <summary>The element at <paramref name="index"/>, 0 being the head; the index must be in range.</summary>
    public byte[] this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _items[Slot(index)];
        }
    }

    /// <summary>Turns Redis's index (negative counts from the tail, -1 the last) into a position; -1 when out of range.</summary>
    public int Resolve(long index)
    {
        if (index < 0)
        {
            index += _count;
        }

        return index < 0 || index >= _count ? -1 : (int)index;
    }

    /// <summary>
    /// Turns Redis's inclusive range (negative indexes count from the tail) into positions clamped to the list, as
    /// <c>LRANGE</c> and <c>LTRIM</c> read it; false when the range is empty.
    /// </summary>
    public bool TryResolveRange(long start, long end, out int first, out int last)
    {
        if (start < 0)
        {
            start += _count;
        }

        if (end < 0)
        {
            end += _count;
        }

        start = Math.Max(start, 0);
        if (start > end || start >= _count)
        {
            (first, last) = (0, -1);
            return false;
        }

        (first, last) = ((int)start, (int)Math.Min(end, _count - 1));
        return true;
    }

    /// <summary>Pushes an element at the head (<paramref name="left"/>) or at the tail.</summary>
    public void Push(byte[] element, bool left)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (_count == _items.Length)
        {
            Resize(_items.Length * 2);
        }

        if (left)
        {
            _head = (_head - 1) & (_items.Length - 1);
            _items[_head] = element;
        }
        else
        {
            _items[Slot(_count)] = element;
        }

        _count++;
        _elementBytes += ElementBytes(element);
        Pushes++;
    }

    /// <summary>Pops the element at the head (<paramref name="left"/>) or at the tail; the list must not be empty.</summary>
    public byte[] Pop(bool left)
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The list is empty.");
        }

        var slot = left ? _head : Slot(_count - 1);
        var element = _items[slot];
        _items[slot] = null!;
        if (left)
        {
            _head = (_head + 1) & (_items.Length - 1);
        }

        _count--;
        _elementBytes -= ElementBytes(element);
        ShrinkIfSparse();
        return element;
    }

    /// <summary>Replaces the element at the position (in range), keeping the old array intact.</summary>
    public void Set(int index, byte[] element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var slot = Slot(CheckIndex(index));
        _elementBytes += ElementBytes(element) - ElementBytes(_items[slot]);
        _items[slot] = element;
    }

    /// <summary>Inserts an element so that it ends at <paramref name="index"/> (0 to <see cref="Length"/>), shifting the shorter side.</summary>
    public void Insert(int index, byte[] element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if ((uint)index > (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        if (_count == _items.Length)
        {
            Resize(_items.Length * 2);
        }

        var mask = _items.Length - 1;
        if (index < _count - index)
        {
            // Shift the head side one step left.
            _head = (_head - 1) & mask;
            for (var i = 0; i < index; i++)
            {
                _items[Slot(i)] = _items[Slot(i + 1)];
            }
        }
        else
        {
            for (var i = _count; i > index; i--)
            {
                _items[Slot(i)] = _items[Slot(i - 1)];
            }
        }

        _items[Slot(index)] = element;
        _count++;
        _elementBytes += ElementBytes(element);
    }

    /// <summary>The position of the first element equal to <paramref name="element"/> from the head; -1 when none is.</summary>
    public int IndexOf(ReadOnlySpan<byte> element)
    {
        for (var i = 0; i < _count; i++)
        {
            if (element.SequenceEqual(_items[Slot(i)]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Removes the elements equal to <paramref name="element"/>, at most <paramref name="limit"/> of them (0: all),
    /// searching from the tail when <paramref name="fromTail"/> (Redis's <c>LREM</c> with a negative count).
    /// </summary>
    /// <returns>How many were removed.</returns>
    public long Remove(ReadOnlySpan<byte> element, long limit, bool fromTail)
    {
        var removed = 0L;
        if (fromTail)
        {
            // Walk from the tail, keeping the survivors packed against it.
            var write = _count - 1;
            for (var read = _count - 1; read >= 0; read--)
            {
                var item = _items[Slot(read)];
                if ((limit == 0 || removed < limit) && element.SequenceEqual(item))
                {
                    removed++;
                    _elementBytes -= ElementBytes(item);
                    continue;
                }

                _items[Slot(write--)] = item;
            }

            for (var i = 0; i < removed; i++)
            {
                _items[Slot(i)] = null!;
            }

            _head = (_head + (int)removed) & (_items.Length - 1);
        }
        else
        {
            var write = 0;
            for (var read = 0; read < _count; read++)
            {
                var item = _items[Slot(read)];
                if ((limit == 0 || removed < limit) && element.SequenceEqual(item))
                {
                    removed++;
                    _elementBytes -= ElementBytes(item);
                    continue;
                }

                _items[Slot(write++)] = item;
            }

            for (var i = write; i < _count; i++)
            {
                _items[Slot(i)] = null!;
            }
        }

        _count -= (int)removed;
        ShrinkIfSparse();
        return removed;
    }

    /// <summary>Removes <paramref name="fromHead"/> elements at the head and <paramref name="fromTail"/> at the tail (<c>LTRIM</c>, popping a range).</summary>
    public void Trim(int fromHead, int fromTail)
    {
        if (fromHead < 0 || fromTail < 0 || (long)fromHead + fromTail > _count)
        {
            throw new ArgumentOutOfRangeException(nameof(fromHead));
        }

        for (var i = 0; i < fromHead; i++)
        {
            var slot = Slot(i);
            _elementBytes -= ElementBytes(_items[slot]);
            _items[slot] = null!;
        }

        for (var i = _count - fromTail; i < _count; i++)
        {
            var slot = Slot(i);
            _elementBytes -= ElementBytes(_items[slot]);
            _items[slot] = null!;
        }

        _head = (_head + fromHead) & (_items.Length - 1);
        _count -= fromHead + fromTail;
        ShrinkIfSparse();
    }

    /// <summary>The capacity of the ring buffer, for tests of its growth and shrinking.</summary>
    internal int Capacity => _items.Length;

    private static long ElementBytes(byte[] element) => KeyFootprint.ArrayHeader + ((element.Length + 7L) & ~7L);

    private int Slot(int index) => (_head + index) & (_items.Length - 1);

    private int CheckIndex(int index) =>
        (uint)index < (uint)_count ? index : throw new ArgumentOutOfRangeException(nameof(index));

    private void ShrinkIfSparse()
    {
        var capacity = _items.Length;
        while (capacity > MinimumCapacity && _count < capacity / 4)
        {
            capacity /= 2;
        }

        if (capacity != _items.Length)
        {
            Resize(capacity);
        }
    }

    private void Resize(int capacity)
    {
        var items = new byte[capacity][];
        for (var i = 0; i < _count; i++)
        {
            items[i] = _items[Slot(i)];
        }

        _items = items;
        _head = 0;
    }
}
