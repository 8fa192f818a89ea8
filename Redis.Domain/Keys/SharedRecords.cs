namespace Redis.Domain.Keys;

/// <summary>
/// What the keyspaces of one server share (see <see cref="Databases"/>): the pool of large records, and the values
/// handed out during the current command, whichever database they came from.
/// </summary>
/// <remarks>
/// Sharing the views keeps <see cref="Keyspace.EndCommand"/> one store whatever databases a command touched, and a
/// write in one database never goes over a record another handed out during the same command (records are never
/// shared, so the reference test stays exact; only the count is conservative).
/// </remarks>
internal sealed class SharedRecords
{
    public RecordPool Pool { get; } = new();

    /// <summary>The clock every key's access time or frequency is kept by (see <see cref="AccessClock"/>).</summary>
    public AccessClock Clock { get; set; } = new(Random.Shared);

    /// <summary>Waited keys given a collection, not yet served (see <see cref="Keyspace.AddWaiter"/>).</summary>
    public ReadyKeys Ready { get; } = new();

    /// <summary>How many views <see cref="Keyspace.Get(ReadOnlySpan{byte}, long, out Entry, bool)"/> handed out since the last <see cref="EndCommand"/>.</summary>
    public int Views;

    /// <summary>The record of the last view handed out.</summary>
    public byte[]? Viewed;

    /// <summary>Keys changed since the server started, in every database: a store, a change in place, a TTL set or removed, a removal (see <see cref="Databases.Changes"/>).</summary>
    public long Changes;

    /// <summary>The id of the open <see cref="DatasetSnapshot"/>, 0 when none is open: a typed value marked with it is shared with the snapshot.</summary>
    public int SnapshotId;

    /// <summary>The id the last snapshot took; ids only grow, so a value marked by a closed snapshot is never taken for shared.</summary>
    public int LastSnapshotId;

    /// <summary>True while a file is replayed (<see cref="Databases.ExpiryPaused"/>): no key counts as expired.</summary>
    public bool ExpiryPaused;

    public void EndCommand()
    {
        Views = 0;
        Viewed = null;
    }
}
