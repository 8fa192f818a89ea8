namespace Redis.Domain.Keys;

/// <summary>
/// A value of a type other than a string (a hash, a list, a set, a sorted set), stored in a key-table slot in place
/// of a string's packed record.
/// </summary>
/// <remarks>
/// <para>
/// The value carries its key (<see cref="Key"/>), which the keyspace sets when it stores it: the slot then keeps one
/// reference whatever the type, and stays 24 bytes (ADR 0026). A value not stored under a key (a command's
/// intermediate set) leaves it empty.
/// </para>
/// <para>
/// Collections are changed in place by the commands that own them, which then tell the keyspace
/// (<see cref="Keyspace.Changed"/>): that marks the key's watches and deletes a collection left empty, as Redis
/// deletes a key whose last element goes. A collection never writes over bytes it has handed out during a command:
/// a reply may still read them until it is encoded, and a transaction's replies are encoded only after <c>EXEC</c>.
/// </para>
/// </remarks>
public abstract class TypedValue
{
    /// <summary>The key this value is stored under; set by the keyspace.</summary>
    internal byte[] Key { get; set; } = [];

    /// <summary>
    /// The id of the last <see cref="DatasetSnapshot"/> that captured this value (0 for none): while that snapshot is
    /// open, the keyspace hands a writer a copy instead (copy-on-write, ADR 0029). Only the serving thread uses it.
    /// </summary>
    internal int SnapshotId { get; set; }

    /// <summary>What the keyspace last counted of <see cref="Footprint"/> for its used-memory figure (see <see cref="KeyTable.Recount"/>).</summary>
    internal long CountedBytes { get; private set; }

    // The element count at the last count, for the recount rule of a value whose footprint is not O(1).
    private long _countedElements;

    /// <summary>
    /// True when <see cref="Footprint"/> is O(1) for this value as it is now; false when it walks the elements (a
    /// hashtable set, a sorted set), which the keyspace then counts again only after the count moved by an eighth.
    /// </summary>
    protected virtual bool FootprintIsConstantTime => true;

    /// <summary>Whether the keyspace's count of this value is due after an in-place change (ADR 0035).</summary>
    internal bool RecountDue =>
        FootprintIsConstantTime || Count <= 128 || Math.Abs(Count - _countedElements) * 8 >= _countedElements;

    /// <summary>Counts <see cref="Footprint"/> now and keeps it as <see cref="CountedBytes"/>.</summary>
    internal long Recount()
    {
        _countedElements = Count;
        return CountedBytes = Footprint;
    }

    /// <summary>What <c>TYPE</c> answers.</summary>
    public abstract KeyType Type { get; }

    /// <summary>What <c>OBJECT ENCODING</c> answers: Redis 7.0's name for the representation in use (<c>listpack</c>, <c>hashtable</c>, ...).</summary>
    public abstract string Encoding { get; }

    /// <summary>Elements held (fields, members, entries); a collection of 0 is deleted by <see cref="Keyspace.Changed"/>.</summary>
    public abstract long Count { get; }

    /// <summary>The bytes the value holds on the managed heap (objects, arrays and their headers), for <c>MEMORY USAGE</c>.</summary>
    public abstract long Footprint { get; }

    /// <summary>
    /// A deep copy in the same encoding, for <c>COPY</c> (Redis's <c>hashTypeDup</c>, <c>listTypeDup</c>, ...): changing
    /// either value leaves the other as it was. Elements are never written over once stored, so the copy shares them.
    /// </summary>
    public abstract TypedValue Copy();
}
