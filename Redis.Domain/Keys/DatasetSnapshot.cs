namespace Redis.Domain.Keys;

/// <summary>
/// Every database as it was at one instant, readable from another thread while the serving thread goes on changing
/// the keyspace: what <c>BGSAVE</c> writes, where Redis forks (ADR 0029). Taken by <see cref="Databases.OpenSnapshot"/>.
/// </summary>
/// <remarks>
/// <para>
/// Opening it costs a reference per key, O(keys), and copies no value. While it is open the keyspace never changes
/// what it holds: a string's new value always goes to a new record (no write in place, no reuse of a record a key
/// gave back), and a command that changes a collection the snapshot holds changes a copy of it (copy-on-write, once
/// per collection). So any thread may read the snapshot's entries until it is closed, as long as it uses only the
/// values' members that change nothing (the enumerators meant for serialisation).
/// </para>
/// <para>
/// <see cref="Close"/> is the serving thread's to call, once the reader is done: from then on the keyspace writes in
/// place again. Only one snapshot is open at a time.
/// </para>
/// </remarks>
public sealed class DatasetSnapshot
{
    private readonly SharedRecords _shared;
    private readonly int _id;

    internal DatasetSnapshot(SharedRecords shared, int id, IReadOnlyList<DatabaseImage> databases)
    {
        _shared = shared;
        _id = id;
        Databases = databases;
        Clock = shared.Clock.Freeze();
    }

    /// <summary>
    /// The access clock as it was when the snapshot was taken, to read the entries' <see cref="SnapshotEntry.Clock"/>
    /// by (idle time, frequency) from another thread.
    /// </summary>
    public AccessClock Clock { get; }

    /// <summary>One image per database, in index order; empty databases included.</summary>
    public IReadOnlyList<DatabaseImage> Databases { get; }

    /// <summary>False once <see cref="Close"/> has run.</summary>
    public bool IsOpen => _shared.SnapshotId == _id;

    /// <summary>Keys held, in every database.</summary>
    public long KeyCount => Databases.Sum(static d => (long)d.Count);

    /// <summary>Lets the keyspace write in place again; on the serving thread, once nothing reads the snapshot any more. Closing twice does nothing.</summary>
    public void Close()
    {
        if (IsOpen)
        {
            _shared.SnapshotId = 0;
            _shared.Pool.Frozen = false;
        }
    }
}

/// <summary>The keys of one database held by a <see cref="DatasetSnapshot"/>, with their values and expiries as they were.</summary>
public sealed class DatabaseImage
{
    private readonly Held[] _held;

    internal DatabaseImage(int index, Held[] held, int count, int volatileCount)
    {
        Index = index;
        _held = held;
        Count = count;
        VolatileCount = volatileCount;
    }

    /// <summary>The database number.</summary>
    public int Index { get; }

    /// <summary>Keys held (Redis's <c>RESIZEDB</c> size).</summary>
    public int Count { get; }

    /// <summary>Keys held with a TTL (Redis's <c>RESIZEDB</c> expires size).</summary>
    public int VolatileCount { get; }

    /// <summary>The entry at <paramref name="position"/>, from 0 to <see cref="Count"/> - 1.</summary>
    public SnapshotEntry this[int position]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)position, (uint)Count, nameof(position));
            var held = _held[position];
            return held.Record is byte[] packed
                ? new SnapshotEntry(KeyRecord.KeyMemory(packed), null, KeyRecord.Value(packed), held.ExpiresAt, held.Clock)
                : new SnapshotEntry(held.Key, (TypedValue)held.Record, default, held.ExpiresAt, held.Clock);
        }
    }

    /// <summary>A key's record as the snapshot took it: the key of a typed value is kept apart, since a rename gives the value a new one.</summary>
    internal readonly record struct Held(object Record, byte[]? Key, long ExpiresAt, uint Clock);
}

/// <summary>One key of a <see cref="DatabaseImage"/>.</summary>
/// <param name="Key">The key's name.</param>
/// <param name="Value">The collection, or null for a string.</param>
/// <param name="String">A string's value; empty for a collection.</param>
/// <param name="ExpiresAt">Absolute expiry in Unix milliseconds, or <see cref="Entry.NoExpiry"/>.</param>
/// <param name="Clock">The key's access clock (see <see cref="AccessClock"/>), read by <see cref="DatasetSnapshot.Clock"/>.</param>
public readonly record struct SnapshotEntry(ReadOnlyMemory<byte> Key, TypedValue? Value, ReadOnlyMemory<byte> String, long ExpiresAt, uint Clock);
