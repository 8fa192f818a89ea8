namespace Redis.Domain.Keys;

/// <summary>Large records that keys gave back, kept for the next keys of the same size class (ADR 0015).</summary>
/// <remarks>
/// <para>
/// A large record lives in generation 0 (ADR 0014). Allocating a fresh one for every new large value walks the
/// collector through fresh memory: page faults on every new page, and a collection every few dozen megabytes that
/// copies the survivors and gives pages back to be faulted in again. Redis's allocator hands a freed block straight
/// to the next allocation of its size class; this pool does the same for the keyspace's large records, so a
/// workload that sets and deletes large values runs without collections.
/// </para>
/// <para>
/// A record given back is <see cref="Retire">retired</see> first and becomes reusable only at <see cref="Recycle"/>,
/// which the server calls once the replies of the commands run so far are encoded: a reply, or a command such as
/// <c>RENAME</c> that copies a value it just removed, may still be reading the old record until then.
/// </para>
/// </remarks>
internal sealed class RecordPool
{
    /// <summary>Bytes of records the pool keeps, retired and reusable together; records beyond it are left to the collector.</summary>
    public const long CapacityBytes = 32 * 1024 * 1024;

    private readonly Dictionary<int, Stack<byte[]>> _free = [];
    private readonly List<byte[]> _retired = [];
    private long _bytes;

    /// <summary>
    /// True while a <see cref="DatasetSnapshot"/> is open: records the keys give back may still be read by it, so
    /// they are left to the collector instead of being retired for reuse, and no record is written over in place.
    /// </summary>
    public bool Frozen { get; set; }

    /// <summary>Bytes held: retired records and reusable ones.</summary>
    public long Bytes => _bytes;

    /// <summary>A record of exactly <paramref name="size"/> bytes (a size from <see cref="KeyRecord.SizeFor"/>), reused when one is free.</summary>
    public byte[] Rent(int size)
    {
        if (size > KeyRecord.PinnedLimit && _free.TryGetValue(size, out var free) && free.TryPop(out var record))
        {
            _bytes -= size;
            return record;
        }

        return KeyRecord.Allocate(size);
    }

    /// <summary>Takes back a record no key refers to any more; small records, and any record while <see cref="Frozen"/>, are left to the collector.</summary>
    public void Retire(byte[] record)
    {
        if (!Frozen && record.Length > KeyRecord.PinnedLimit && _bytes + record.Length <= CapacityBytes)
        {
            _retired.Add(record);
            _bytes += record.Length;
        }
    }

    /// <summary>Makes the retired records reusable: call only when nothing still reads them.</summary>
    public void Recycle()
    {
        foreach (var record in _retired)
        {
            if (!_free.TryGetValue(record.Length, out var free))
            {
                _free[record.Length] = free = new Stack<byte[]>();
            }

            free.Push(record);
        }

        _retired.Clear();
    }

    public void Clear()
    {
        _free.Clear();
        _retired.Clear();
        _bytes = 0;
    }
}
