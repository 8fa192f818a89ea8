using System.Runtime.CompilerServices;

namespace Redis.Domain.Keys;

/// <summary>
/// The keyspace's storage: a hash index over a dense array of slots, each holding one key and its value packed in a
/// single array. It knows nothing of expiry; <see cref="Keyspace"/> builds Redis's rules on top of it.
/// </summary>
/// <remarks>
/// <para>
/// Memory is what shapes it (ADR 0015). A key costs one slot (24 bytes), two or four bytes of index, and one array
/// holding the two lengths, the key and the value: at a million small keys that is about 80 bytes per key, where a
/// <see cref="Dictionary{TKey, TValue}"/> of key and value arrays plus a separate list of keys took about 150.
/// </para>
/// <list type="bullet">
/// <item>The index is open addressing with linear probing over <c>int</c>s (slot number + 1, 0 for empty), kept at
/// most half full; removal shifts the following run back, so there are no tombstones.</item>
/// <item>The slots are dense: removing one moves the last slot into the hole. Position <c>0..Count-1</c> is every key,
/// which gives <c>RANDOMKEY</c> its O(1) pick and <c>SCAN</c> its cursor.</item>
/// <item>Slots live in segments of 3 MiB, so growing past the first never copies them and never leaves a large array
/// behind as garbage (the first one starts small and doubles); the index is rebuilt, from the hashes the slots keep.</item>
/// <item>Hashes are <see cref="HashCode.AddBytes"/>, seeded at random per process, which keeps hash flooding off the index.</item>
/// <item>Large records that keys give back go to a <see cref="RecordPool"/> and serve new keys of their size class.</item>
/// </list>
/// </remarks>
internal sealed class KeyTable
{
    // 2^17 slots of 24 bytes: 3 MiB, above the large-object threshold (2 MiB, ADR 0014), so a full segment is
    // allocated once where it stays, instead of being copied from generation to generation.
    private const int SegmentShift = 17;
    private const int SegmentSize = 1 << SegmentShift;
    private const int SegmentMask = SegmentSize - 1;
    private const int MinimumIndexSize = 16;
    private const int FirstSegmentSize = 64;

    private readonly RecordPool _pool;
    private Slot[][] _segments = [];

    // Each slot's access clock (Redis's 24-bit robj.lru), beside the slot rather than in it: the 24-byte slot has no
    // spare bytes, and a 32-byte one would cost 8 bytes a key where this costs 4 (ADR 0035). Same segments, same moves.
    private uint[][] _clocks = [];
    private int[] _index = new int[MinimumIndexSize];

    /// <param name="pool">Where large records go when keys give them back, and come from for new keys; the databases share one.</param>
    public KeyTable(RecordPool pool)
    {
        _pool = pool;
    }

    public int Count { get; private set; }

    /// <summary>
    /// The bytes of the records the slots hold, kept as they change: each string's packed array, and each typed value's
    /// key array and <see cref="TypedValue.CountedBytes"/>, with their array headers (what <see cref="KeyFootprint"/>
    /// counts of a key beyond its slot and index share).
    /// </summary>
    public long RecordBytes { get; private set; }

    /// <summary>What <see cref="RecordBytes"/> counts of one record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long BytesOf(object record) => record is byte[] packed
        ? KeyFootprint.ArrayHeader + ((packed.Length + 7L) & ~7L)
        : KeyFootprint.ArrayHeader + ((((TypedValue)record).Key.Length + 7L) & ~7L) + ((TypedValue)record).CountedBytes;

    /// <summary>
    /// Counts again what a typed value the table holds costs, after a command changed it in place, when its rule says so
    /// (<see cref="TypedValue.RecountDue"/>): always for a value whose footprint is O(1), otherwise once its element count
    /// moved by an eighth since the last count, so the count costs O(1) amortised.
    /// </summary>
    public void Recount(TypedValue value)
    {
        if (value.RecountDue)
        {
            RecordBytes -= value.CountedBytes;
            RecordBytes += value.Recount();
        }
    }

    /// <summary>The slot at <paramref name="position"/>, which must be below <see cref="Count"/>.</summary>
    public ref Slot this[int position] => ref _segments[position >> SegmentShift][position & SegmentMask];

    /// <summary>The access clock of the slot at <paramref name="position"/> (see <see cref="AccessClock"/>).</summary>
    public ref uint ClockAt(int position) => ref _clocks[position >> SegmentShift][position & SegmentMask];

    /// <summary>The position of <paramref name="key"/>'s slot, or -1 when it is not stored.</summary>
    public int Find(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        var mask = _index.Length - 1;
        for (var bucket = hash & mask; ; bucket = (bucket + 1) & mask)
        {
            var position = _index[bucket] - 1;
            if (position < 0)
            {
                return -1;
            }

            ref var slot = ref this[position];
            if (slot.Hash == hash && KeyOf(slot.Record).SequenceEqual(key))
            {
                return position;
            }
        }
    }

    /// <summary>The key of a slot's record, a string's packed record or a <see cref="TypedValue"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> KeyOf(object record) =>
        record is byte[] packed ? KeyRecord.Key(packed) : ((TypedValue)record).Key;

    /// <summary>The key of a slot's record as memory that stays valid while the record does.</summary>
    public static ReadOnlyMemory<byte> KeyMemoryOf(object record) =>
        record is byte[] packed ? KeyRecord.KeyMemory(packed) : ((TypedValue)record).Key;

    /// <summary>Stores a string under a key that is not in the table yet; returns its position, which is the old <see cref="Count"/>.</summary>
    public int Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, long expiresAt) =>
        AddRecord(key, NewRecord(key, value), expiresAt);

    /// <summary>Stores a typed value under a key that is not in the table yet; returns its position.</summary>
    public int Add(ReadOnlySpan<byte> key, TypedValue value, long expiresAt)
    {
        value.Key = key.ToArray();
        value.Recount();
        return AddRecord(key, value, expiresAt);
    }

    private int AddRecord(ReadOnlySpan<byte> key, object record, long expiresAt)
    {
        if ((long)(Count + 1) * 2 > _index.Length)
        {
            GrowIndex();
        }

        var position = Count;
        if (position == 0 && _segments.Length == 0)
        {
            _segments = [new Slot[FirstSegmentSize]];
            _clocks = [new uint[FirstSegmentSize]];
        }
        else if (position < SegmentSize && position == _segments[0].Length)
        {
            // A small table does not take a whole segment: the first one doubles until it is full size.
            Array.Resize(ref _segments[0], position * 2);
            Array.Resize(ref _clocks[0], position * 2);
        }
        else if ((position & SegmentMask) == 0 && position >> SegmentShift == _segments.Length)
        {
            Array.Resize(ref _segments, _segments.Length + 1);
            _segments[^1] = new Slot[SegmentSize];
            Array.Resize(ref _clocks, _clocks.Length + 1);
            _clocks[^1] = new uint[SegmentSize];
        }

        var hash = Hash(key);
        RecordBytes += BytesOf(record);
        this[position] = new Slot
        {
            Record = record,
            ExpiresAt = expiresAt,
            Hash = hash,
            VolatileIndex = -1,
        };
        _index[FreeBucket(hash)] = position + 1;
        Count++;
        return position;
    }

    /// <summary>
    /// Gives the key at <paramref name="position"/> a new value: written over the old one when its record would have
    /// the same size, so overwriting a key allocates nothing and leaves no garbage; otherwise in a new record.
    /// </summary>
    /// <param name="overwrite">False puts the value in a new record even when it would fit, and retires the old record
    /// intact, for a caller that still answers with the old value. While the pool is <see cref="RecordPool.Frozen"/>
    /// (a snapshot is open) every value goes to a new record.</param>
    public void Replace(int position, ReadOnlySpan<byte> value, bool overwrite = true)
    {
        ref var slot = ref this[position];
        if (slot.Record is not byte[] old)
        {
            RecordBytes -= BytesOf(slot.Record);
            slot.Record = NewRecord(((TypedValue)slot.Record).Key, value);
            RecordBytes += BytesOf(slot.Record);
        }
        else if (!overwrite || _pool.Frozen || !KeyRecord.TryOverwriteValue(old, value))
        {
            slot.Record = NewRecord(KeyRecord.Key(old), value);
            RecordBytes += BytesOf(slot.Record) - BytesOf(old);
            _pool.Retire(old);
        }
    }

    /// <summary>Gives the key at <paramref name="position"/> a typed value in place of whatever it held.</summary>
    public void Replace(int position, TypedValue value)
    {
        ref var slot = ref this[position];
        RecordBytes -= BytesOf(slot.Record);
        if (slot.Record is byte[] old)
        {
            value.Key = KeyRecord.Key(old).ToArray();
            _pool.Retire(old);
        }
        else
        {
            value.Key = ((TypedValue)slot.Record).Key;
        }

        value.Recount();
        RecordBytes += BytesOf(value);
        slot.Record = value;
    }

    /// <summary>
    /// Gives the key at <paramref name="position"/> its value followed by <paramref name="suffix"/>: in place when it
    /// fits the record and the pool is not <see cref="RecordPool.Frozen"/>, otherwise in a new record.
    /// </summary>
    public void Append(int position, ReadOnlySpan<byte> suffix)
    {
        ref var slot = ref this[position];
        var old = (byte[])slot.Record;
        if (_pool.Frozen || !KeyRecord.TryAppendValue(old, suffix))
        {
            slot.Record = NewRecord(KeyRecord.Key(old), KeyRecord.Value(old).Span, suffix);
            RecordBytes += BytesOf(slot.Record) - BytesOf(old);
            _pool.Retire(old);
        }
    }

    /// <summary>Lets records that keys gave back be reused; call only once nothing reads them any more (see <see cref="RecordPool"/>).</summary>
    public void Recycle() => _pool.Recycle();

    /// <summary>
    /// Removes the slot at <paramref name="position"/>. The last slot moves into its place, so the caller must fix
    /// anything that refers to the last position: <paramref name="position"/> now holds that slot, unless it was the last.
    /// </summary>
    public void RemoveAt(int position)
    {
        ref var removed = ref this[position];
        RecordBytes -= BytesOf(removed.Record);
        if (removed.Record is byte[] record)
        {
            _pool.Retire(record);
        }

        var bucket = BucketOf(removed.Hash, position);
        ShiftBack(bucket);

        var last = Count - 1;
        if (position != last)
        {
            ref var moved = ref this[last];
            _index[BucketOf(moved.Hash, last)] = position + 1;
            removed = moved;
            ClockAt(position) = ClockAt(last);
        }

        this[last] = default;
        Count--;
    }

    public void Clear()
    {
        _segments = [];
        _clocks = [];
        _index = new int[MinimumIndexSize];
        _pool.Clear();
        Count = 0;
        RecordBytes = 0;
    }

    private byte[] NewRecord(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ReadOnlySpan<byte> valueTail = default)
    {
        var record = _pool.Rent(KeyRecord.SizeFor(key.Length, (long)value.Length + valueTail.Length));
        KeyRecord.Write(record, key, value, valueTail);
        return record;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = new HashCode();
        hash.AddBytes(key);
        return hash.ToHashCode() & int.MaxValue;
    }

    private int FreeBucket(int hash)
    {
        var mask = _index.Length - 1;
        var bucket = hash & mask;
        while (_index[bucket] != 0)
        {
            bucket = (bucket + 1) & mask;
        }

        return bucket;
    }

    private int BucketOf(int hash, int position)
    {
        var mask = _index.Length - 1;
        var bucket = hash & mask;
        while (_index[bucket] != position + 1)
        {
            bucket = (bucket + 1) & mask;
        }

        return bucket;
    }

    // Backward-shift deletion: walk the run after the freed bucket and move back every entry whose home bucket
    // does not lie between the hole and its current bucket, so every lookup still finds its entry without tombstones.
    private void ShiftBack(int hole)
    {
        var mask = _index.Length - 1;
        for (var bucket = (hole + 1) & mask; _index[bucket] != 0; bucket = (bucket + 1) & mask)
        {
            var home = this[_index[bucket] - 1].Hash & mask;
            var fromHole = (bucket - hole) & mask;
            var fromHome = (bucket - home) & mask;
            if (fromHome >= fromHole)
            {
                _index[hole] = _index[bucket];
                hole = bucket;
            }
        }

        _index[hole] = 0;
    }

    /// <summary>Grows the index at once to hold <paramref name="keys"/> keys at its load factor; a hint larger than the index can be is ignored.</summary>
    public void Reserve(long keys)
    {
        if (keys <= 0 || keys >= 1 << 29)
        {
            return;
        }

        while ((long)keys * 2 > _index.Length)
        {
            GrowIndex();
        }
    }

    private void GrowIndex()
    {
        if (_index.Length >= 1 << 30)
        {
            throw new InvalidOperationException("The keyspace is full.");
        }

        _index = new int[_index.Length * 2];
        for (var position = 0; position < Count; position++)
        {
            _index[FreeBucket(this[position].Hash)] = position + 1;
        }
    }

    /// <summary>One stored key: its record, its expiry and where it sits in the keyspace's array of keys with a TTL.</summary>
    internal struct Slot
    {
        /// <summary>A string's key and value packed by <see cref="KeyRecord"/> in a <c>byte[]</c>, or a <see cref="TypedValue"/> that carries its key.</summary>
        public object Record;

        /// <summary>Absolute expiry in Unix milliseconds, or <see cref="Entry.NoExpiry"/>.</summary>
        public long ExpiresAt;

        /// <summary>The key's hash, kept so that growing the index never hashes a key again.</summary>
        public int Hash;

        /// <summary>Position in the keyspace's array of keys with a TTL, or -1 when the key has none.</summary>
        public int VolatileIndex;
    }
}
