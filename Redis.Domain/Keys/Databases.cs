namespace Redis.Domain.Keys;

/// <summary>
/// The server's numbered databases, Redis's <c>server.db</c> array: one <see cref="Keyspace"/> per index, from 0 to
/// <see cref="Count"/> - 1, each with its own keys, TTLs and watches.
/// </summary>
/// <remarks>
/// <para>
/// A database that was never used costs its empty keyspace, a few hundred bytes: the key table allocates its slots on
/// the first key, and the TTL list and the watch table start empty. The keyspaces share one pool of large records and
/// one record of the values handed out during the current command, so <see cref="EndCommand"/> and
/// <see cref="RecycleRetiredRecords"/> are one call whichever databases a command touched (<c>MOVE</c> touches two).
/// </para>
/// <para>
/// <see cref="Swap"/> exchanges what two databases hold and leaves their watches where they are, as Redis's
/// <c>dbSwapDatabases</c> does, so a connection keeps its index and sees the other contents. Only the serving thread
/// uses them, like the keyspace.
/// </para>
/// </remarks>
public sealed class Databases
{
    /// <summary>Redis's default <c>databases</c>.</summary>
    public const int DefaultCount = 16;

    private readonly Keyspace[] _keyspaces;
    private readonly SharedRecords _shared = new();
    private readonly List<IKeyspaceObserver> _observers = [];

    // performEvictions' static next_db: the random policies visit the databases in turn.
    private int _nextEvictionDatabase;

    public Databases(int count = DefaultCount)
        : this(count, Random.Shared)
    {
    }

    /// <param name="count">How many databases, at least 1 (Redis's <c>databases</c>).</param>
    /// <param name="random">Source of the sampling order of every keyspace; tests pass a seeded one.</param>
    public Databases(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _shared.Clock = new AccessClock(random);
        _keyspaces = new Keyspace[count];
        for (var i = 0; i < count; i++)
        {
            _keyspaces[i] = new Keyspace(_shared, random, i);
        }
    }

    /// <summary>
    /// The clock of the keys' access times or frequencies (Redis's <c>server.lruclock</c> and the LFU settings): the
    /// server moves it once per batch of commands (<see cref="AccessClock.Set"/>), and the memory limit says whether it
    /// counts frequency.
    /// </summary>
    public AccessClock AccessClock => _shared.Clock;

    /// <summary>How many databases there are (<c>databases</c>).</summary>
    public int Count => _keyspaces.Length;

    /// <summary>The keyspace of database <paramref name="index"/>, which must be in range (<see cref="Contains"/>).</summary>
    public Keyspace this[int index] => _keyspaces[index];

    /// <summary>Total keys removed because their time ran out, in every database (<c>expired_keys</c>).</summary>
    public long ExpiredKeys => Sum(static k => k.ExpiredKeys);

    /// <summary>Reads that found a live key, in every database (<c>keyspace_hits</c>).</summary>
    public long KeyspaceHits => Sum(static k => k.KeyspaceHits);

    /// <summary>Reads that found nothing, in every database (<c>keyspace_misses</c>).</summary>
    public long KeyspaceMisses => Sum(static k => k.KeyspaceMisses);

    /// <summary>What the keys of every database cost in bytes (<see cref="Keyspace.DatasetBytes"/>): O(databases), no key visited.</summary>
    public long DatasetBytes
    {
        get
        {
            long total = 0;
            foreach (var keyspace in _keyspaces)
            {
                total += keyspace.DatasetBytes;
            }

            return total;
        }
    }

    /// <summary>Large records given back by keys and kept for reuse (ADR 0015): memory the process holds that no key uses.</summary>
    public long PooledRecordBytes => _shared.Pool.Bytes;

    /// <summary>Keys stored in every database, expired ones not yet reclaimed included.</summary>
    public long KeyCount => Sum(static k => k.Count);

    /// <summary>Keys with a TTL in every database, expired ones not yet reclaimed included.</summary>
    public long VolatileCount => Sum(static k => k.VolatileCount);

    /// <summary>True when <paramref name="index"/> names a database: Redis's <c>selectDb</c> range check.</summary>
    public bool Contains(long index) => (ulong)index < (ulong)_keyspaces.Length;

    /// <summary><c>CONFIG RESETSTAT</c>: every database's hit, miss and expiry counters start again.</summary>
    public void ResetStatistics()
    {
        foreach (var keyspace in _keyspaces)
        {
            keyspace.ResetStatistics();
        }
    }

    /// <summary>Ends the current command for every database (see <see cref="Keyspace.EndCommand"/>): one call, the views being shared.</summary>
    public void EndCommand() => _shared.EndCommand();

    /// <summary>Lets the retired large records of every database be reused (see <see cref="Keyspace.RecycleRetiredRecords"/>).</summary>
    public void RecycleRetiredRecords() => _shared.Pool.Recycle();

    /// <summary>Waited keys were given a collection since the last <see cref="TryTakeReadyKey"/> emptied the list (see <see cref="Keyspace.AddWaiter"/>).</summary>
    public bool HasReadyKeys => _shared.Ready.Count != 0;

    /// <summary>Takes the waited key signalled first, with its database; false when none is left.</summary>
    public bool TryTakeReadyKey(out Keyspace keyspace, out byte[] key)
    {
        if (!_shared.Ready.TryTake(out keyspace, out key))
        {
            return false;
        }

        keyspace.Unready(key);
        return true;
    }

    /// <summary>
    /// Keys changed since the server started, in every database: each store, change in place, TTL set or removed and
    /// removal (expiry and <c>FLUSHALL</c> included) counts one. Redis's <c>server.dirty</c>, which the save points
    /// and <c>rdb_changes_since_last_save</c> are measured with; Redis counts some commands by element (<c>HSET</c> of
    /// three fields counts three), this counts by key.
    /// </summary>
    public long Changes => _shared.Changes;

    /// <summary>True while a <see cref="DatasetSnapshot"/> is open.</summary>
    public bool SnapshotOpen => _shared.SnapshotId != 0;

    /// <summary>
    /// Takes a point-in-time snapshot of every database, with the keys live at <paramref name="now"/>, for a reader on
    /// another thread (see <see cref="DatasetSnapshot"/>): O(keys), no value copied. Throws when one is already open.
    /// </summary>
    public DatasetSnapshot OpenSnapshot(long now)
    {
        if (SnapshotOpen)
        {
            throw new InvalidOperationException("A snapshot is already open.");
        }

        var id = ++_shared.LastSnapshotId;
        var images = new DatabaseImage[_keyspaces.Length];
        for (var i = 0; i < _keyspaces.Length; i++)
        {
            images[i] = _keyspaces[i].Capture(id, now);
        }

        _shared.SnapshotId = id;
        _shared.Pool.Frozen = true;
        return new DatasetSnapshot(_shared, id, images);
    }

    /// <summary>
    /// Redis's <c>server.loading</c> test in <c>keyIsExpired</c>: while true, no key counts as expired, so a file of
    /// commands replays as the commands ran, each finding the keys it found then; the deletions of keys whose time ran
    /// out are in the file as <c>DEL</c>s.
    /// </summary>
    public bool ExpiryPaused
    {
        get => _shared.ExpiryPaused;
        set => _shared.ExpiryPaused = value;
    }

    /// <summary>
    /// Starts (<paramref name="on"/>) or stops reporting to <paramref name="observer"/> what every database reports
    /// (<see cref="IKeyspaceObserver"/>); several observers each get every report, in the order they were added.
    /// </summary>
    public void Observe(IKeyspaceObserver observer, bool on)
    {
        _observers.Remove(observer);
        if (on)
        {
            _observers.Add(observer);
        }

        IKeyspaceObserver? combined = _observers.Count switch
        {
            0 => null,
            1 => _observers[0],
            _ => new ObserverSet([.. _observers]),
        };
        foreach (var keyspace in _keyspaces)
        {
            keyspace.Observer = combined;
        }
    }

    /// <summary>
    /// One step of Redis's <c>performEvictions</c>: picks a key by <paramref name="policy"/> (sampling
    /// <paramref name="samples"/> keys per database into <paramref name="pool"/> for the LRU, LFU and TTL policies; a
    /// random key of the next database in turn for the random ones) and removes it, marking its watches.
    /// </summary>
    /// <param name="database">The evicted key's database.</param>
    /// <param name="key">The evicted key, a copy.</param>
    /// <param name="freed">What the dataset shrank by (<see cref="DatasetBytes"/>).</param>
    /// <returns>False when no key can be evicted (none at all, or none with a TTL for a volatile policy), or the policy is <see cref="EvictionPolicy.NoEviction"/>.</returns>
    public bool TryEvictOne(EvictionPolicy policy, int samples, EvictionPool pool, out int database, out byte[] key, out long freed)
    {
        ArgumentNullException.ThrowIfNull(pool);
        (database, key, freed) = (0, null!, 0);
        if (policy == EvictionPolicy.NoEviction)
        {
            return false;
        }

        var volatileOnly = !policy.SamplesAllKeys();
        if (policy is EvictionPolicy.AllKeysRandom or EvictionPolicy.VolatileRandom)
        {
            for (var i = 0; i < _keyspaces.Length; i++)
            {
                var j = _nextEvictionDatabase = (_nextEvictionDatabase + 1) % _keyspaces.Length;
                if (_keyspaces[j].TryPickRandomForEviction(volatileOnly, out key))
                {
                    database = j;
                    freed = EvictFrom(_keyspaces[j], key, volatileOnly);
                    return true;
                }
            }

            return false;
        }

        while (true)
        {
            // Every database feeds the pool, so the choice is not local to one (evict.c).
            long total = 0;
            foreach (var keyspace in _keyspaces)
            {
                var keys = volatileOnly ? keyspace.VolatileCount : keyspace.Count;
                if (keys != 0)
                {
                    keyspace.PopulateEvictionPool(policy, samples, pool);
                    total += keys;
                }
            }

            if (total == 0)
            {
                return false;
            }

            // Best first; a candidate no longer stored (or no longer volatile) is a ghost, and the next is tried.
            while (pool.TryTakeBest(out key, out database))
            {
                var keyspace = _keyspaces[database];
                var before = keyspace.DatasetBytes;
                if (keyspace.Evict(key, volatileOnly))
                {
                    freed = before - keyspace.DatasetBytes;
                    return true;
                }
            }
        }
    }

    private static long EvictFrom(Keyspace keyspace, byte[] key, bool volatileOnly)
    {
        var before = keyspace.DatasetBytes;
        keyspace.Evict(key, volatileOnly);
        return before - keyspace.DatasetBytes;
    }

    /// <summary><c>FLUSHALL</c>: removes every key of every database, marking every watch of a stored key.</summary>
    public void Clear()
    {
        foreach (var keyspace in _keyspaces)
        {
            keyspace.Clear();
        }
    }

    /// <summary>
    /// <c>SWAPDB</c>: databases <paramref name="first"/> and <paramref name="second"/> exchange their keys, TTLs and
    /// <c>avg_ttl</c>; their watches stay, and are marked as Redis's <c>touchAllWatchedKeysInDb</c> marks them.
    /// Both indexes must be in range; swapping a database with itself changes nothing.
    /// </summary>
    public void Swap(int first, int second, long now)
    {
        if (first != second)
        {
            _keyspaces[first].SwapWith(_keyspaces[second], now);
        }
    }

    private long Sum(Func<Keyspace, long> figure)
    {
        long total = 0;
        foreach (var keyspace in _keyspaces)
        {
            total += figure(keyspace);
        }

        return total;
    }

    /// <summary>Hands each report to several observers.</summary>
    private sealed class ObserverSet(IKeyspaceObserver[] observers) : IKeyspaceObserver
    {
        public void Created(int database, ReadOnlySpan<byte> key)
        {
            foreach (var observer in observers)
            {
                observer.Created(database, key);
            }
        }

        public void Expired(int database, ReadOnlySpan<byte> key)
        {
            foreach (var observer in observers)
            {
                observer.Expired(database, key);
            }
        }

        public void Missed(int database, ReadOnlySpan<byte> key)
        {
            foreach (var observer in observers)
            {
                observer.Missed(database, key);
            }
        }
    }
}
