using System.Runtime.CompilerServices;

namespace Redis.Domain.Keys;

/// <summary>The keys, their values and their expiry rules: lazy expiry on every access, sampled active expiry between commands.</summary>
/// <remarks>
/// <para>
/// Threading: only the single serving thread touches a keyspace, so it takes no locks. Never call it from a
/// <see cref="TimeProvider"/> timer callback or any other thread; schedule work on the serving loop instead.
/// </para>
/// <para>
/// Time is passed in as <c>now</c> (Unix milliseconds) by the caller, read once per command, as Redis's
/// <c>commandTimeSnapshot</c> does, so one command sees one instant across all the keys it touches.
/// </para>
/// <para>
/// Keys live in a <see cref="KeyTable"/>, whose slots form a dense array: it gives <c>RANDOMKEY</c> an O(1) uniform
/// pick and <c>SCAN</c> a cursor that survives inserts and deletes between calls (see <see cref="Scan"/>).
/// Keys that carry a TTL are also listed in a second dense array, with each slot's position in it stored beside it:
/// random sampling and swap-removal are both O(1), so active expiry never scans the keyspace and costs nothing per
/// key without a TTL.
/// </para>
/// <para>
/// Values are handed out as <see cref="ReadOnlyMemory{T}"/> over the stored bytes, without a copy. A value that needs
/// a record of the same size is written over the old one (ADR 0015), but never over a record whose value
/// <see cref="Get(ReadOnlySpan{byte}, long, out Entry, bool)"/> handed out during the current command: such a write goes to a new record and retires the
/// old one, which stays intact until <see cref="RecycleRetiredRecords"/>. So a view a handler holds cannot change under
/// it, whatever it writes next. The server calls <see cref="EndCommand"/> once a command's reply is encoded, which
/// lets the next command write in place again. Lookups that need no value (<see cref="Peek"/>,
/// <see cref="CopyValue"/>, <see cref="Exists"/>) hand out no view, so a command that only checks a key before
/// writing it (<c>SET</c>, <c>APPEND</c>, <c>INCR</c>) keeps the in-place write.
/// </para>
/// <para>
/// <c>WATCH</c> takes a <see cref="KeyWatch"/> from <see cref="Watch"/>. Every change of a key (a store, an append, a
/// TTL set or removed, a removal, which lazy expiry and sweeps reach too, and <see cref="Clear"/>) marks its watches,
/// as Redis's <c>signalModifiedKey</c> does; when nobody watches, that costs one comparison per write (ADR 0019).
/// </para>
/// </remarks>
public sealed class Keyspace
{
    /// <summary>Keys examined per sampling round, Redis's <c>ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP</c>.</summary>
    public const int KeysPerSample = 20;

    /// <summary>Another round runs while more than this percentage of the last sample was expired (Redis's <c>ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE</c>).</summary>
    public const int AcceptableStalePercent = 10;

    // The views Get handed out since the last EndCommand: how many, and the record of the last one. One view is
    // the common case (GET, SET ... GET); with more, no record is written over until the command ends. The databases
    // share them, and the pool of large records (see Databases).
    private readonly SharedRecords _shared;
    private readonly WatchedKeys _watches;
    private readonly Random _random;

    // Keys blocked clients wait for (Redis's db->blocking_keys): how many wait, and whether the key is listed ready.
    // Null until someone first waits, so storing a collection costs one comparison while nobody does.
    private Dictionary<byte[], WaitedKey>? _waited;

    // What SWAPDB exchanges between two databases; the watches stay.
    private KeyTable _table;
    private List<int> _volatile = [];

    public Keyspace()
        : this(Random.Shared)
    {
    }

    /// <param name="random">Source of the sampling order; tests pass a seeded one.</param>
    public Keyspace(Random random)
        : this(new SharedRecords(), random)
    {
    }

    internal Keyspace(SharedRecords shared, Random random, int index = 0)
    {
        _shared = shared;
        Index = index;
        _random = random;
        _table = new KeyTable(shared.Pool);
        _watches = new WatchedKeys(this);
    }

    /// <summary>The database number of this keyspace (0 for a keyspace of its own); <c>SWAPDB</c> exchanges contents, not numbers.</summary>
    public int Index { get; }

    /// <summary>The clock the keys' access times or frequencies are kept by, shared by the databases (<see cref="Databases.AccessClock"/>).</summary>
    public AccessClock AccessClock => _shared.Clock;

    /// <summary>Told of keys created, expired or missed by a read; null (the default) costs one comparison at each.</summary>
    public IKeyspaceObserver? Observer { get; set; }

    /// <summary>Number of keys stored, including expired keys not yet reclaimed.</summary>
    public int Count => _table.Count;

    /// <summary>
    /// What the keys of this database cost in bytes, kept as they change: the sum of every key's
    /// <see cref="KeyFootprint"/> (a collection as last counted, see <see cref="KeyTable.Recount"/>). O(1).
    /// </summary>
    public long DatasetBytes =>
        _table.RecordBytes + ((long)_table.Count * (KeyFootprint.Slot + KeyFootprint.AccessClock + KeyFootprint.IndexShare)) + ((long)_volatile.Count * KeyFootprint.VolatileEntry);

    /// <summary>Number of keys that carry a TTL, including expired keys not yet reclaimed.</summary>
    public int VolatileCount => _volatile.Count;

    /// <summary>
    /// Estimated mean remaining TTL of the keys that carry one, in milliseconds (<c>avg_ttl</c> in <c>INFO keyspace</c>):
    /// a running average over the keys the sweeps sample, as Redis estimates it; 0 when no key has a TTL.
    /// </summary>
    public long AverageTtl { get; private set; }

    /// <summary>Total keys removed because their time ran out, lazily or by a sweep.</summary>
    public long ExpiredKeys { get; private set; }

    /// <summary>Reads through <see cref="Read(ReadOnlySpan{byte}, long, out Entry)"/> that found a live key (Redis's <c>keyspace_hits</c>).</summary>
    public long KeyspaceHits { get; private set; }

    /// <summary>Reads through <see cref="Read(ReadOnlySpan{byte}, long, out Entry)"/> that found nothing (Redis's <c>keyspace_misses</c>).</summary>
    public long KeyspaceMisses { get; private set; }

    /// <summary>Zeroes <see cref="ExpiredKeys"/>, <see cref="KeyspaceHits"/> and <see cref="KeyspaceMisses"/> (<c>CONFIG RESETSTAT</c>).</summary>
    public void ResetStatistics() => (ExpiredKeys, KeyspaceHits, KeyspaceMisses) = (0, 0, 0);

    /// <summary>Looks a string up; an expired key is removed and reported missing.</summary>
    /// <param name="touch">False for a command that only inspects the key (<c>OBJECT</c>, Redis's <c>LOOKUP_NOTOUCH</c>): its access clock stays.</param>
    public KeyLookup Get(ReadOnlySpan<byte> key, long now, out Entry entry, bool touch = true)
    {
        var position = FindLive(key, now, touch);
        if (position < 0 || _table[position].Record is not byte[] record)
        {
            entry = default;
            return position < 0 ? KeyLookup.Missing : KeyLookup.WrongType;
        }

        _shared.Views++;
        _shared.Viewed = record;
        entry = new Entry(KeyRecord.Value(record), _table[position].ExpiresAt);
        return KeyLookup.Found;
    }

    /// <summary>Looks a value of type <typeparamref name="T"/> up for a command that changes it; an expired key is removed and reported missing.</summary>
    /// <remarks>
    /// For a command that writes the key (Redis's <c>lookupKeyWrite</c>): no hit or miss is counted. While a
    /// <see cref="DatasetSnapshot"/> that captured the value is open, the key is first given a copy of it, which the
    /// command changes while the snapshot keeps the original (copy-on-write, ADR 0029): O(size of the collection),
    /// once per collection per snapshot.
    /// </remarks>
    public KeyLookup Get<T>(ReadOnlySpan<byte> key, long now, out T? value)
        where T : TypedValue
    {
        var position = Find(key, now, out value);
        if (value is not null && value.SnapshotId == _shared.SnapshotId && value.SnapshotId != 0)
        {
            // A copy may be a memberwise clone, mark included.
            value = (T)value.Copy();
            value.SnapshotId = 0;
            _table.Replace(position, value);
        }

        return value is not null ? KeyLookup.Found : position < 0 ? KeyLookup.Missing : KeyLookup.WrongType;
    }

    /// <summary>Looks a value of type <typeparamref name="T"/> up for a command that only reads it, counting a hit or a miss as <see cref="Read(ReadOnlySpan{byte}, long, out Entry)"/> does.</summary>
    public KeyLookup Read<T>(ReadOnlySpan<byte> key, long now, out T? value)
        where T : TypedValue
    {
        var position = Find(key, now, out value);
        CountRead(key, position >= 0, notifyMiss: true);
        return value is not null ? KeyLookup.Found : position < 0 ? KeyLookup.Missing : KeyLookup.WrongType;
    }

    // The position of a live key (-1 when missing) and its value when it is a T.
    private int Find<T>(ReadOnlySpan<byte> key, long now, out T? value)
        where T : TypedValue
    {
        var position = FindLive(key, now);
        value = position < 0 ? null : _table[position].Record as T;
        return position;
    }

    /// <summary>The type of a live key, <see cref="KeyType.None"/> when there is none; the value is handed out for a typed key.</summary>
    /// <param name="countRead">True for a command that reads the key (<c>TYPE</c>, <c>OBJECT</c>): counts a hit or a miss.</param>
    /// <param name="notifyMiss">False for Redis's <c>LOOKUP_NONOTIFY</c> (<c>OBJECT</c>): a miss counts but is not reported.</param>
    public KeyType TypeOf(ReadOnlySpan<byte> key, long now, out TypedValue? value, bool countRead = false, bool notifyMiss = true)
    {
        var position = FindLive(key, now, touch: false);
        if (countRead)
        {
            CountRead(key, position >= 0, notifyMiss);
        }

        value = position < 0 ? null : _table[position].Record as TypedValue;
        return position < 0 ? KeyType.None : value?.Type ?? KeyType.String;
    }

    /// <summary>Looks a live key of any type up for its expiry instant (<see cref="Entry.NoExpiry"/> when it has none).</summary>
    /// <param name="countRead">True for a command that reads the key (<c>TTL</c>, <c>EXISTS</c>): counts a hit or a miss.</param>
    public bool TryGetExpiry(ReadOnlySpan<byte> key, long now, out long expiresAt, bool countRead = false)
    {
        var position = FindLive(key, now, touch: false);
        if (countRead)
        {
            CountRead(key, position >= 0, notifyMiss: true);
        }

        expiresAt = position < 0 ? Entry.NoExpiry : _table[position].ExpiresAt;
        return position >= 0;
    }

    /// <summary>What a live key costs the keyspace in bytes, for <c>MEMORY USAGE</c> (see <see cref="KeyFootprint"/>).</summary>
    public bool TryGetFootprint(ReadOnlySpan<byte> key, long now, out long bytes)
    {
        var position = FindLive(key, now, touch: false);
        if (position < 0)
        {
            bytes = 0;
            return false;
        }

        ref var slot = ref _table[position];
        var hasExpiry = slot.ExpiresAt != Entry.NoExpiry;
        bytes = slot.Record is byte[] record
            ? KeyFootprint.Of(key.Length, KeyRecord.Value(record).Length, hasExpiry)
            : KeyFootprint.Of(key.Length, (TypedValue)slot.Record, hasExpiry);
        return true;
    }

    /// <summary>
    /// Redis's <c>dbAddRDBLoad</c>: stores a copy of <paramref name="value"/> under a key not stored yet, with one lookup;
    /// false, and nothing stored, when the key is there (live or not).
    /// </summary>
    public bool TryAdd(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, long expiresAt)
    {
        if (_table.Find(key) >= 0)
        {
            return false;
        }

        Stored(_table.Add(key, value, expiresAt), key, created: true);
        return true;
    }

    /// <summary>As <see cref="TryAdd(ReadOnlySpan{byte}, ReadOnlySpan{byte}, long)"/>, for a collection the keyspace then owns.</summary>
    public bool TryAdd(ReadOnlySpan<byte> key, TypedValue value, long expiresAt)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_table.Find(key) >= 0)
        {
            return false;
        }

        Stored(_table.Add(key, value, expiresAt), key, created: true);
        if (_waited is not null)
        {
            Signal(key);
        }

        return true;
    }

    /// <summary>Makes room for <paramref name="keys"/> keys in all (an RDB file's <c>RESIZEDB</c> hint), so a load does not grow the table step by step.</summary>
    public void Reserve(long keys) => _table.Reserve(keys);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing any value and TTL, as the <c>*STORE</c> commands and <c>COPY</c> do.</summary>
    /// <remarks>The keyspace keeps the object itself: the caller must not change it afterwards except as its owner.</remarks>
    public void Set(ReadOnlySpan<byte> key, TypedValue value, long expiresAt = Entry.NoExpiry)
    {
        ArgumentNullException.ThrowIfNull(value);
        var position = _table.Find(key);
        var created = position < 0;
        if (created)
        {
            position = _table.Add(key, value, expiresAt);
        }
        else
        {
            _table.Replace(position, value);
            _table[position].ExpiresAt = expiresAt;
        }

        Stored(position, key, created);
        if (created && _waited is not null)
        {
            Signal(key);
        }
    }

    /// <summary>
    /// Tells the keyspace that the command changed <paramref name="value"/>, stored under <paramref name="key"/>, in
    /// place: marks the key's watches (Redis's <c>signalModifiedKey</c>), and removes the key when the collection is
    /// left empty, as Redis deletes a key whose last element goes.
    /// </summary>
    /// <returns>True when the key was removed because the collection is empty (the caller notifies <c>del</c>).</returns>
    public bool Changed(ReadOnlySpan<byte> key, TypedValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        System.Diagnostics.Debug.Assert(_shared.SnapshotId == 0 || value.SnapshotId != _shared.SnapshotId, "A value the open snapshot holds was changed in place: look it up with Get<T>.");
        if (value.Count != 0)
        {
            _table.Recount(value);
            Touched(key, exists: true);
            return false;
        }

        var position = _table.Find(key);
        if (position >= 0 && ReferenceEquals(_table[position].Record, value))
        {
            RemoveAt(position);
            return true;
        }

        return false;
    }

    /// <summary>Looks a string up without handing out its value: whether it is live, its expiry and its value's length.</summary>
    public KeyLookup Peek(ReadOnlySpan<byte> key, long now, out long expiresAt, out int length)
    {
        var position = FindLive(key, now);
        if (position < 0 || _table[position].Record is not byte[] record)
        {
            (expiresAt, length) = (position < 0 ? Entry.NoExpiry : _table[position].ExpiresAt, 0);
            return position < 0 ? KeyLookup.Missing : KeyLookup.WrongType;
        }

        (expiresAt, length) = (_table[position].ExpiresAt, KeyRecord.Value(record).Length);
        return KeyLookup.Found;
    }

    /// <summary>
    /// Copies a live string into <paramref name="destination"/> when it fits, handing out no view: for a command
    /// that parses a short value and then writes the key (<c>INCR</c>).
    /// </summary>
    /// <param name="length">The value's length; when it exceeds <paramref name="destination"/>'s, nothing is copied.</param>
    public KeyLookup CopyValue(ReadOnlySpan<byte> key, long now, Span<byte> destination, out int length)
    {
        length = 0;
        var position = FindLive(key, now);
        if (position < 0 || _table[position].Record is not byte[] record)
        {
            return position < 0 ? KeyLookup.Missing : KeyLookup.WrongType;
        }

        var value = KeyRecord.Value(record).Span;
        length = value.Length;
        if (length <= destination.Length)
        {
            value.CopyTo(destination);
        }

        return KeyLookup.Found;
    }

    /// <summary>
    /// Ends the current command: the views it was handed are no longer read (its reply is encoded), so the next writes
    /// may go over their records again. The server calls it after encoding each reply; a caller that never does only
    /// loses the in-place writes after a <see cref="Get(ReadOnlySpan{byte}, long, out Entry, bool)"/>.
    /// </summary>
    public void EndCommand() => _shared.EndCommand();

    /// <summary>Looks a string up for a command that reads it, counting a hit or a miss.</summary>
    /// <remarks>
    /// Redis counts <c>keyspace_hits</c>/<c>keyspace_misses</c> in <c>lookupKeyRead</c> only: commands that look a key
    /// up in order to write it (<c>INCR</c>, <c>EXPIRE</c>, <c>RENAME</c>) use <see cref="Get(ReadOnlySpan{byte}, long, out Entry, bool)"/>, which does not count.
    /// A key of another type counts as a hit, since the lookup found it before the type check.
    /// </remarks>
    public KeyLookup Read(ReadOnlySpan<byte> key, long now, out Entry entry)
    {
        var lookup = Get(key, now, out entry);
        CountRead(key, lookup != KeyLookup.Missing, notifyMiss: true);
        return lookup;
    }

    private void CountRead(ReadOnlySpan<byte> key, bool hit, bool notifyMiss)
    {
        if (hit)
        {
            KeyspaceHits++;
            return;
        }

        KeyspaceMisses++;
        if (notifyMiss)
        {
            Observer?.Missed(Index, key);
        }
    }

    /// <summary>True when the key exists and has not expired.</summary>
    public bool Exists(ReadOnlySpan<byte> key, long now) => FindLive(key, now) >= 0;

    /// <summary>Stores a copy of <paramref name="value"/> under <paramref name="key"/>, replacing any value and TTL.</summary>
    /// <param name="expiresAt">Absolute expiry in Unix milliseconds, or <see cref="Entry.NoExpiry"/>.</param>
    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, long expiresAt = Entry.NoExpiry) =>
        Store(_table.Find(key), key, value, expiresAt, overwrite: true);

    /// <summary>
    /// Stores a copy of <paramref name="value"/> and keeps the TTL of a live key; a missing or expired key is created
    /// without one. Redis's <c>setKey</c> with <c>SETKEY_KEEPTTL</c>: what <c>INCR</c>, <c>INCRBYFLOAT</c> and
    /// <c>SETRANGE</c> store once they have computed the new value.
    /// </summary>
    public void SetKeepTtl(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, long now)
    {
        var position = FindLive(key, now);
        Store(position, key, value, position < 0 ? Entry.NoExpiry : _table[position].ExpiresAt, overwrite: true);
    }

    /// <summary>
    /// Stores a copy of <paramref name="value"/> with <paramref name="expiresAt"/>, as <see cref="Set(ReadOnlySpan{byte}, ReadOnlySpan{byte}, long)"/> does, and
    /// hands back the string it replaced, for <c>SET ... GET</c> and <c>GETSET</c>.
    /// </summary>
    /// <param name="replaced">The old value, or empty when there was no live key. Its bytes are never written over by
    /// this store: the new value goes to a new record and the old one is retired, so it stays valid until
    /// <see cref="RecycleRetiredRecords"/>, after the reply is encoded.</param>
    /// <returns><see cref="KeyLookup.Found"/> when a live string was replaced; <see cref="KeyLookup.WrongType"/>,
    /// and nothing stored, when the key holds another type.</returns>
    public KeyLookup Exchange(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, long expiresAt, long now, out ReadOnlyMemory<byte> replaced)
    {
        replaced = default;
        var position = FindLive(key, now);
        if (position >= 0)
        {
            if (_table[position].Record is not byte[] record)
            {
                return KeyLookup.WrongType;
            }

            replaced = KeyRecord.Value(record);
        }

        Store(position, key, value, expiresAt, overwrite: false);
        return position >= 0 ? KeyLookup.Found : KeyLookup.Missing;
    }

    /// <summary>Appends <paramref name="suffix"/> to the value of an existing, live string and keeps its TTL, as <c>APPEND</c> does.</summary>
    /// <returns><see cref="KeyLookup.Missing"/> when there is no such key, <see cref="KeyLookup.WrongType"/> for another
    /// type; nothing is stored then.</returns>
    /// <remarks>
    /// In place when a large record's spare room holds the suffix; otherwise one copy of the old value and the suffix
    /// into a new record, O(length of the result).
    /// </remarks>
    public KeyLookup Append(ReadOnlySpan<byte> key, ReadOnlySpan<byte> suffix, long now)
    {
        var position = FindLive(key, now);
        if (position < 0 || _table[position].Record is not byte[])
        {
            return position < 0 ? KeyLookup.Missing : KeyLookup.WrongType;
        }

        _table.Append(position, suffix);
        Touched(key, exists: true);
        return KeyLookup.Found;
    }

    // Bit commands (SETBIT, BITFIELD): a string's bytes written in place.

    /// <summary>
    /// Opens a string's value for a bit command to write in place, grown with zero bytes to at least
    /// <paramref name="minLength"/>; a missing key is created as <paramref name="minLength"/> zero bytes without a TTL.
    /// Redis's <c>lookupStringForBitCommand</c>: the TTL of a live key stays.
    /// </summary>
    /// <param name="value">The stored value, writable until the command ends; empty unless the key holds a string.</param>
    /// <param name="grown">True when the key was created or its value grew (Redis's <c>dirty</c>): the key's watches are
    /// then already marked. Otherwise a caller that changes bytes calls <see cref="Modified"/>.</param>
    /// <returns><see cref="KeyLookup.Missing"/> when the key was created, <see cref="KeyLookup.Found"/> for a live
    /// string, <see cref="KeyLookup.WrongType"/> (nothing changed) for another type.</returns>
    /// <remarks>
    /// A record whose value was handed out during this command is never written over: the value is copied into a new
    /// record first, so a view a reply still holds keeps its bytes. Growing copies the value once, O(length), unless a
    /// large record's spare room holds the zeros.
    /// </remarks>
    public KeyLookup OpenForWrite(ReadOnlySpan<byte> key, long now, int minLength, out Span<byte> value, out bool grown)
    {
        value = default;
        var position = FindLive(key, now);
        var lookup = KeyLookup.Found;
        if (position < 0)
        {
            position = _table.Add(key, minLength <= 256 ? stackalloc byte[minLength] : new byte[minLength], Entry.NoExpiry);
            Stored(position, key, created: true);
            (lookup, grown) = (KeyLookup.Missing, true);
        }
        else if (_table[position].Record is not byte[] record)
        {
            grown = false;
            return KeyLookup.WrongType;
        }
        else
        {
            var current = KeyRecord.Value(record).Span;
            grown = current.Length < minLength;
            var zeros = grown ? minLength - current.Length : 0;
            if (IsViewed(position))
            {
                var copy = new byte[current.Length + zeros];
                current.CopyTo(copy);
                _table.Replace(position, copy, overwrite: false);
            }
            else if (grown)
            {
                _table.Append(position, zeros <= 256 ? stackalloc byte[zeros] : new byte[zeros]);
            }

            if (grown)
            {
                Touched(key, exists: true);
            }
        }

        value = System.Runtime.InteropServices.MemoryMarshal.AsMemory(KeyRecord.Value((byte[])_table[position].Record)).Span;
        return lookup;
    }

    /// <summary>Marks the watches of a string a command changed in place through <see cref="OpenForWrite"/> (Redis's <c>signalModifiedKey</c>).</summary>
    public void Modified(ReadOnlySpan<byte> key) => Touched(key, exists: true);

    /// <summary>
    /// Redis's <c>checkAlreadyExpired</c>: whether an expiry instant a command gives is already past, so the key goes
    /// at once. Never while expiry is paused (<see cref="Databases.ExpiryPaused"/>): a replayed file deletes with <c>DEL</c>.
    /// </summary>
    public bool HasPassed(long instant, long now) => instant <= now && !_shared.ExpiryPaused;

    /// <summary>Sets the expiry of an existing, live key. Returns false when there is no such key.</summary>
    /// <remarks>An instant at or before <paramref name="now"/> deletes the key, as Redis's <c>checkAlreadyExpired</c> does.</remarks>
    public bool SetExpiry(ReadOnlySpan<byte> key, long expiresAt, long now)
    {
        var position = FindLive(key, now);
        if (position < 0)
        {
            return false;
        }

        if (HasPassed(expiresAt, now))
        {
            RemoveAt(position);
            return true;
        }

        _table[position].ExpiresAt = expiresAt;
        UpdateVolatileIndex(position);
        Touched(key, exists: true);
        return true;
    }

    /// <summary>Removes the TTL of a live key. Returns false when there is no such key or it has no TTL.</summary>
    public bool Persist(ReadOnlySpan<byte> key, long now)
    {
        var position = FindLive(key, now);
        if (position < 0 || _table[position].ExpiresAt == Entry.NoExpiry)
        {
            return false;
        }

        _table[position].ExpiresAt = Entry.NoExpiry;
        UpdateVolatileIndex(position);
        Touched(key, exists: true);
        return true;
    }

    /// <summary>Removes a key. Returns true when a live key was removed.</summary>
    public bool Remove(ReadOnlySpan<byte> key, long now)
    {
        var position = FindLive(key, now);
        if (position < 0)
        {
            return false;
        }

        RemoveAt(position);
        return true;
    }

    /// <summary>Moves a live key's value and TTL to <paramref name="destination"/>, replacing whatever was there.</summary>
    /// <returns>False when <paramref name="source"/> does not exist; nothing changes then.</returns>
    /// <remarks>
    /// Mirrors Redis's <c>renameGenericCommand</c>: the TTL travels with the value, and renaming a key to itself
    /// changes nothing. A string's record is written anew under the new key; a typed value moves as it is, O(1).
    /// </remarks>
    public bool Rename(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, long now)
    {
        var position = FindLive(source, now);
        if (position < 0)
        {
            return false;
        }

        if (source.SequenceEqual(destination))
        {
            return true;
        }

        // A live destination is removed and the key added anew, as Redis's dbDelete then dbAdd (so a "new" event);
        // a stale one expires first, counting in expired_keys as Redis's lookupKeyWrite counts it. The removed
        // source record stays intact (retired, not reused) until the command ends.
        var (record, expiresAt) = (_table[position].Record, _table[position].ExpiresAt);
        Remove(destination, now);
        Remove(source, now);
        StoreRecord(destination, record, expiresAt);
        return true;
    }

    // Stores a record taken from a slot under key: a string's value is copied into a new record, a typed value moves.
    private void StoreRecord(ReadOnlySpan<byte> key, object record, long expiresAt)
    {
        if (record is byte[] packed)
        {
            Set(key, KeyRecord.Value(packed).Span, expiresAt);
        }
        else
        {
            Set(key, (TypedValue)record, expiresAt);
        }
    }

    /// <summary>Picks a live key uniformly at random; false when the keyspace is empty.</summary>
    /// <remarks>
    /// O(1) from the dense array of slots. An expired pick is removed and another drawn, as Redis's
    /// <c>dbRandomKey</c> does; each expired key is removed once, so the cost stays O(1) amortised.
    /// </remarks>
    public bool TryGetRandomKey(long now, out ReadOnlyMemory<byte> key)
    {
        while (_table.Count > 0)
        {
            var position = _random.Next(_table.Count);
            if (!IsExpiredAt(position, now))
            {
                key = KeyTable.KeyMemoryOf(_table[position].Record);
                return true;
            }

            Expire(position);
        }

        key = default;
        return false;
    }

    /// <summary>Every live key, for <c>KEYS</c>; expired keys are skipped, not removed.</summary>
    /// <remarks>O(n) by definition, as <c>KEYS</c> is. The keyspace must not change while this is enumerated.</remarks>
    public IEnumerable<ReadOnlyMemory<byte>> LiveKeys(long now)
    {
        for (var position = 0; position < _table.Count; position++)
        {
            if (!IsExpiredAt(position, now))
            {
                yield return KeyTable.KeyMemoryOf(_table[position].Record);
            }
        }
    }

    /// <summary>One step of a <c>SCAN</c>: visits up to <paramref name="count"/> keys and returns the cursor to continue from, 0 when done.</summary>
    /// <param name="cursor">0 to start; otherwise a cursor this method returned.</param>
    /// <param name="count">Keys to visit in this step (Redis's <c>COUNT</c> hint).</param>
    /// <param name="visit">Called with each live key visited and its type; it must not change the keyspace.</param>
    /// <remarks>
    /// <para>
    /// The cursor is the number of positions of the dense slot array not yet visited, and a step walks down from it.
    /// Deleting moves the last slot into the freed position, so keys only ever move from the end of the array towards
    /// its start. A key that was not yet visited is below the cursor and stays there; a visited key that moves may be
    /// returned twice. So, as Redis guarantees, every key present for the whole iteration is returned at least once,
    /// keys added or removed during it may or may not be, and the iteration always ends. A step costs O(count).
    /// </para>
    /// <para>Expired keys met on the way are removed after the step, as Redis's <c>scanGenericCommand</c> does.</para>
    /// </remarks>
    public long Scan(long cursor, int count, long now, Action<ReadOnlyMemory<byte>, KeyType> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var position = cursor <= 0 || cursor > _table.Count ? _table.Count : (int)cursor;
        List<ReadOnlyMemory<byte>>? expired = null;
        for (var visited = 0; visited < count && position > 0; visited++)
        {
            var record = _table[--position].Record;
            var key = KeyTable.KeyMemoryOf(record);
            if (IsExpiredAt(position, now))
            {
                (expired ??= []).Add(key);
            }
            else
            {
                visit(key, record is TypedValue typed ? typed.Type : KeyType.String);
            }
        }

        if (expired is not null)
        {
            // Removing moves slots, so the expired keys are looked up again by name.
            foreach (var key in expired)
            {
                Expire(_table.Find(key.Span));
            }
        }

        return position;
    }

    /// <summary>
    /// Reclaims every key whose time has passed at <paramref name="now"/>, not a sample: for a clock that jumped (a test
    /// moved it) past the time Redis's sampled cycle would have needed to find them all.
    /// </summary>
    /// <remarks>
    /// O(keys with a TTL); each expiry counts in <see cref="ExpiredKeys"/> and is reported as the sampled sweep's are.
    /// Walks the volatile array from its end: a removal moves the last entry, already visited, into the freed index.
    /// </remarks>
    public void ExpireAllPassed(long now)
    {
        for (var i = _volatile.Count - 1; i >= 0; i--)
        {
            if (i < _volatile.Count && IsExpiredAt(_volatile[i], now))
            {
                Expire(_volatile[i]);
            }
        }
    }

    /// <summary>
    /// Reclaims expired keys by random sampling, Redis's active expiry: sample <see cref="KeysPerSample"/> keys with a TTL,
    /// delete the expired ones, and repeat while more than <see cref="AcceptableStalePercent"/>% of the sample was stale,
    /// for at most <paramref name="maxRounds"/> rounds.
    /// </summary>
    /// <remarks>Work is bounded by <c>maxRounds * KeysPerSample</c> probes whatever the size of the keyspace.</remarks>
    public SweepResult SweepExpired(long now, int maxRounds = 16)
    {
        if (_volatile.Count == 0)
        {
            AverageTtl = 0;
            return new SweepResult(0, MoreExpiredLikely: false);
        }

        var reclaimed = 0;
        long ttlSum = 0;
        var ttlSamples = 0;
        var moreExpiredLikely = true;
        for (var round = 0; round < maxRounds && _volatile.Count > 0; round++)
        {
            var sampled = Math.Min(KeysPerSample, _volatile.Count);
            var expired = 0;
            for (var i = 0; i < sampled && _volatile.Count > 0; i++)
            {
                var position = _volatile[_random.Next(_volatile.Count)];
                if (IsExpiredAt(position, now))
                {
                    Expire(position);
                    expired++;
                }
                else
                {
                    ttlSum += _table[position].ExpiresAt - now;
                    ttlSamples++;
                }
            }

            reclaimed += expired;
            if (expired * 100 <= sampled * AcceptableStalePercent)
            {
                moreExpiredLikely = false;
                break;
            }
        }

        if (ttlSamples > 0)
        {
            // Redis's running estimate (activeExpireCycle): each sweep moves it 1/50 of the way to the sample's mean.
            var sampleMean = ttlSum / ttlSamples;
            AverageTtl = AverageTtl == 0 ? sampleMean : (AverageTtl / 50 * 49) + (sampleMean / 50);
        }

        return new SweepResult(reclaimed, MoreExpiredLikely: moreExpiredLikely && _volatile.Count > 0);
    }

    /// <summary>
    /// <c>evictionPoolPopulate</c>: samples up to <paramref name="samples"/> keys (every key, or those with a TTL when
    /// <paramref name="policy"/> is a volatile one) and offers each to <paramref name="pool"/> with its score.
    /// </summary>
    /// <remarks>
    /// As Redis's <c>dictGetSomeKeys</c>, the sample is a run of neighbouring positions from a random start, so its keys
    /// are distinct; a database with no more keys than the sample gives them all. O(samples).
    /// </remarks>
    internal void PopulateEvictionPool(EvictionPolicy policy, int samples, EvictionPool pool)
    {
        var allKeys = policy.SamplesAllKeys();
        var keys = allKeys ? _table.Count : _volatile.Count;
        if (keys == 0)
        {
            return;
        }

        var taken = Math.Min(samples, keys);
        var start = taken == keys ? 0 : _random.Next(keys);
        for (var i = 0; i < taken; i++)
        {
            var index = (start + i) % keys;
            var position = allKeys ? index : _volatile[index];
            ref var slot = ref _table[position];
            pool.Insert(EvictionScore(policy, position), KeyTable.KeyOf(slot.Record), Index);
        }
    }

    // The pool's score: higher goes first. volatile-ttl: the nearer the expiry, the higher (ULLONG_MAX - expire);
    // LRU: the longer idle; LFU: the less frequently used (255 - counter).
    private ulong EvictionScore(EvictionPolicy policy, int position) => policy == EvictionPolicy.VolatileTtl
        ? ulong.MaxValue - (ulong)_table[position].ExpiresAt
        : _shared.Clock.EvictionScore(policy, _table.ClockAt(position));

    /// <summary>Gives a stored key the idle time or frequency <c>RESTORE</c> was given (see <see cref="AccessClock.Restored"/>).</summary>
    public void RestoreAccessClock(ReadOnlySpan<byte> key, long idleSeconds, long frequency)
    {
        var position = _table.Find(key);
        if (position >= 0 && _shared.Clock.Restored(idleSeconds, frequency) is { } clock)
        {
            _table.ClockAt(position) = clock;
        }
    }

    /// <summary>
    /// The access clock of a live key, without touching it (<c>OBJECT IDLETIME</c>, <c>OBJECT FREQ</c>); false when
    /// there is no such key.
    /// </summary>
    public bool TryGetAccessClock(ReadOnlySpan<byte> key, long now, out uint clock)
    {
        var position = FindLive(key, now, touch: false);
        clock = position < 0 ? 0 : _table.ClockAt(position);
        return position >= 0;
    }

    /// <summary>A key picked uniformly at random for <c>allkeys-random</c>, or among those with a TTL for <c>volatile-random</c> (<c>dictGetRandomKey</c>).</summary>
    internal bool TryPickRandomForEviction(bool volatileOnly, out byte[] key)
    {
        var keys = volatileOnly ? _volatile.Count : _table.Count;
        if (keys == 0)
        {
            key = null!;
            return false;
        }

        var index = _random.Next(keys);
        key = KeyTable.KeyOf(_table[volatileOnly ? _volatile[index] : index].Record).ToArray();
        return true;
    }

    /// <summary>
    /// Removes <paramref name="key"/> for the eviction policy (Redis's <c>dbSyncDelete</c> in <c>performEvictions</c>),
    /// marking its watches as a deletion does; live or expired, it is not counted as expired. False when the key is not
    /// stored, or, with <paramref name="volatileOnly"/>, has no TTL (a ghost of the eviction pool).
    /// </summary>
    internal bool Evict(ReadOnlySpan<byte> key, bool volatileOnly)
    {
        var position = _table.Find(key);
        if (position < 0 || (volatileOnly && _table[position].ExpiresAt == Entry.NoExpiry))
        {
            return false;
        }

        RemoveAt(position);
        return true;
    }

    /// <summary>
    /// Watches <paramref name="key"/> for <c>WATCH</c>: from now on every write, deletion, expiry or flush of the key
    /// marks the returned handle touched, until it is released. Reads never do.
    /// </summary>
    /// <remarks>
    /// Redis's <c>watchForKey</c>: a key still stored but already expired is remembered as such, so that its removal
    /// is no change and its being expired at <c>EXEC</c> does not count (<see cref="HasExpiredSinceWatched"/>).
    /// </remarks>
    public KeyWatch Watch(ReadOnlySpan<byte> key, long now)
    {
        var position = _table.Find(key);
        return _watches.Add(key, expired: position >= 0 && IsExpiredAt(position, now));
    }

    /// <summary>
    /// True when the watched key is stored but has expired by <paramref name="now"/>, and was not expired when it was
    /// watched: Redis's <c>isWatchedKeyExpired</c>, which <c>EXEC</c> asks because an expired key not yet reclaimed
    /// has changed without any write touching it. Removes nothing.
    /// </summary>
    public bool HasExpiredSinceWatched(KeyWatch watch, long now)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var position = _table.Find(watch.Key);
        return !watch.ExpiredWhenWatched && position >= 0 && IsExpiredAt(position, now);
    }

    /// <summary>
    /// Lets the large records of keys removed or rewritten so far be reused for new values. Call it only once the
    /// replies of the commands run so far are encoded, since a reply may still read a removed key's value; the
    /// server calls it after each batch of commands (ADR 0015).
    /// </summary>
    public void RecycleRetiredRecords() => _table.Recycle();

    /// <summary>Removes every key, marking the watches of the stored ones (Redis's <c>touchAllWatchedKeysInDb</c>).</summary>
    public void Clear()
    {
        _shared.Changes += _table.Count;
        if (_watches.Count != 0)
        {
            _watches.TouchAllReplaced(replacement: null, now: 0);
        }

        _table.Clear();
        _volatile.Clear();
        AverageTtl = 0;
    }

    /// <summary>
    /// Moves a live key with its value and TTL to <paramref name="destination"/>, as Redis's <c>moveCommand</c> does:
    /// false, and nothing changes, when the key is missing here or already live there. Marks the watches of the key
    /// in both keyspaces.
    /// </summary>
    /// <remarks>A string is copied into a record of the destination's table, O(length of the value); a typed value moves, O(1).</remarks>
    public bool MoveTo(ReadOnlySpan<byte> key, Keyspace destination, long now)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var position = FindLive(key, now);
        if (position < 0 || destination.FindLive(key, now) >= 0)
        {
            return false;
        }

        // A missing key in destination is added at the end of its table, so position here is not disturbed.
        var (record, expiresAt) = (_table[position].Record, _table[position].ExpiresAt);
        RemoveAt(position);
        destination.StoreRecord(key, record, expiresAt);
        return true;
    }

    /// <summary>
    /// Copies the live key <paramref name="key"/>, a deep copy of its value and its TTL, to
    /// <paramref name="destinationKey"/> in <paramref name="destination"/> (this keyspace or another), as Redis's
    /// <c>copyCommand</c>: false when the key is missing, or when the destination key is live and
    /// <paramref name="replace"/> is false. The source is read (a hit or a miss); an expired destination is expired.
    /// </summary>
    public bool CopyTo(ReadOnlySpan<byte> key, Keyspace destination, ReadOnlySpan<byte> destinationKey, bool replace, long now)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var position = FindLive(key, now);
        CountRead(key, position >= 0, notifyMiss: true);
        if (position < 0)
        {
            return false;
        }

        // Read before the destination is looked up: expiring a key there may move this slot.
        var (record, expiresAt) = (_table[position].Record, _table[position].ExpiresAt);
        if (destination.FindLive(destinationKey, now) >= 0 && !replace)
        {
            return false;
        }

        if (record is byte[] packed)
        {
            destination.Set(destinationKey, KeyRecord.Value(packed).Span, expiresAt);
        }
        else
        {
            destination.Set(destinationKey, ((TypedValue)record).Copy(), expiresAt);
        }

        return true;
    }

    /// <summary>
    /// Exchanges keys, TTLs and <see cref="AverageTtl"/> with <paramref name="other"/>, for <c>SWAPDB</c>; each
    /// keyspace keeps its watches, counters and views, as Redis's <c>dbSwapDatabases</c> keeps <c>watched_keys</c>.
    /// First marks the watches of every key stored in either keyspace, by Redis's <c>touchAllWatchedKeysInDb</c> rule.
    /// </summary>
    internal void SwapWith(Keyspace other, long now)
    {
        if (!ReferenceEquals(_shared, other._shared))
        {
            throw new InvalidOperationException("Only keyspaces of the same databases can be swapped.");
        }

        _watches.TouchAllReplaced(other, now);
        other._watches.TouchAllReplaced(this, now);
        (_table, other._table) = (other._table, _table);
        (_volatile, other._volatile) = (other._volatile, _volatile);
        (AverageTtl, other.AverageTtl) = (other.AverageTtl, AverageTtl);

        // The waiters stay with the database number, as Redis's blocking_keys do: what it holds now may serve them
        // (Redis's scanDatabaseForReadyKeys).
        SignalWaitedCollections(now);
        other.SignalWaitedCollections(now);
    }

    /// <summary>
    /// A blocked client waits for <paramref name="key"/> (Redis's <c>blockForKeys</c>): from now on, storing a new
    /// collection under it (a push that creates the key, <c>RENAME</c>, <c>MOVE</c>, a <c>*STORE</c>) lists the key as
    /// ready once, for the server to serve its waiters after the command (<see cref="Databases.TryTakeReadyKey"/>).
    /// Each call counts one waiter; <see cref="RemoveWaiter"/> takes it back.
    /// </summary>
    /// <remarks>
    /// Only a key's creation is signalled, as Redis 7.0's <c>dbAdd</c> signals it: a client only waits on a key that is
    /// missing (a collection that exists and is not empty serves it at once, and Redis deletes an empty one), so a push
    /// onto an existing list has nobody to wake. A string stored under the key is not signalled: no blocking command
    /// is served by one.
    /// </remarks>
    public void AddWaiter(ReadOnlySpan<byte> key)
    {
        _waited ??= new Dictionary<byte[], WaitedKey>(ByteKeyComparer.Instance);
        var lookup = _waited.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (!lookup.TryGetValue(key, out var waited))
        {
            waited = new WaitedKey();
            _waited.Add(key.ToArray(), waited);
        }

        waited.Waiters++;
    }

    /// <summary>One waiter of <paramref name="key"/> no longer waits (served, timed out, unblocked or gone).</summary>
    public void RemoveWaiter(ReadOnlySpan<byte> key)
    {
        if (_waited is not null && _waited.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(key, out var waited) && --waited.Waiters == 0)
        {
            _waited.GetAlternateLookup<ReadOnlySpan<byte>>().Remove(key);
        }
    }

    /// <summary>Clients wait for <paramref name="key"/> in this database.</summary>
    public bool IsWaited(ReadOnlySpan<byte> key) =>
        _waited is not null && _waited.GetAlternateLookup<ReadOnlySpan<byte>>().ContainsKey(key);

    private void Signal(ReadOnlySpan<byte> key)
    {
        if (_waited!.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(key, out var stored, out var waited) && !waited.Ready)
        {
            waited.Ready = true;
            _shared.Ready.Add(this, stored);
        }
    }

    private void SignalWaitedCollections(long now)
    {
        if (_waited is null)
        {
            return;
        }

        foreach (var key in _waited.Keys)
        {
            if (TypeOf(key, now, out var value) != KeyType.None && value is not null)
            {
                Signal(key);
            }
        }
    }

    /// <summary>The key was taken from the ready list: a later creation signals it again.</summary>
    internal void Unready(byte[] key)
    {
        if (_waited is not null && _waited.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(key, out var waited))
        {
            waited.Ready = false;
        }
    }

    private sealed class WaitedKey
    {
        public int Waiters;
        public bool Ready;
    }

    /// <summary>
    /// What a snapshot keeps of this database (see <see cref="Databases.OpenSnapshot"/>): a reference to the record of
    /// every key live at <paramref name="now"/>, with its key and expiry, O(keys). Typed values are marked with
    /// <paramref name="snapshotId"/>, so that a write while the snapshot is open changes a copy (<see cref="Get{T}"/>).
    /// </summary>
    internal DatabaseImage Capture(int snapshotId, long now)
    {
        var held = new DatabaseImage.Held[_table.Count];
        var (count, volatileCount) = (0, 0);
        for (var position = 0; position < _table.Count; position++)
        {
            ref var slot = ref _table[position];
            if (IsExpiredAt(position, now))
            {
                continue;
            }

            byte[]? key = null;
            if (slot.Record is TypedValue value)
            {
                value.SnapshotId = snapshotId;
                key = value.Key;
            }

            held[count++] = new DatabaseImage.Held(slot.Record, key, slot.ExpiresAt, _table.ClockAt(position));
            volatileCount += slot.ExpiresAt != Entry.NoExpiry ? 1 : 0;
        }

        return new DatabaseImage(Index, held, count, volatileCount);
    }

    /// <summary>Whether <paramref name="key"/> is stored, live or expired, and which: no lazy expiry, for the watch rules.</summary>
    internal KeyPresence Presence(ReadOnlySpan<byte> key, long now)
    {
        var position = _table.Find(key);
        return position < 0 ? KeyPresence.Missing : IsExpiredAt(position, now) ? KeyPresence.Expired : KeyPresence.Live;
    }

    // Adds the key when position is -1, otherwise gives the key at position the new value and expiry.
    private void Store(int position, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, long expiresAt, bool overwrite)
    {
        var created = position < 0;
        if (created)
        {
            position = _table.Add(key, value, expiresAt);
        }
        else
        {
            _table.Replace(position, value, overwrite && !IsViewed(position));
            _table[position].ExpiresAt = expiresAt;
        }

        Stored(position, key, created);
    }

    // What every store does once the slot holds the new record and expiry: the volatile list, WATCH, and "new".
    private void Stored(int position, ReadOnlySpan<byte> key, bool created)
    {
        ref var clock = ref _table.ClockAt(position);
        clock = created ? _shared.Clock.Initial : _shared.Clock.Overwritten(clock);
        UpdateVolatileIndex(position);
        Touched(key, exists: true);
        if (created)
        {
            Observer?.Created(Index, key);
        }
    }

    // Redis's signalModifiedKey, as far as WATCH is concerned: one comparison when nobody watches.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Touched(ReadOnlySpan<byte> key, bool exists)
    {
        _shared.Changes++;
        if (_watches.Count != 0)
        {
            _watches.Touch(key, exists);
        }
    }

    // True when the record at position may be read by someone else: Get handed it out during this command, or an
    // open snapshot holds it. It must not be written over then.
    private bool IsViewed(int position) =>
        _shared.Views > 1 || (_shared.Views == 1 && ReferenceEquals(_shared.Viewed, _table[position].Record)) || _shared.SnapshotId != 0;

    // Same rule as Entry.IsExpiredAt, without building the entry; the pause is read only for a key past its time.
    private bool IsExpiredAt(int position, long now) => now > _table[position].ExpiresAt && !_shared.ExpiryPaused;

    // The position of a live key, or -1; an expired key met here is removed, which is Redis's lazy expiry.
    // A live key found is accessed: its clock moves (Redis's lookupKey updates robj.lru), unless the caller only
    // looks (touch false: Redis's LOOKUP_NOTOUCH for TYPE, TTL, OBJECT, MEMORY USAGE) or a snapshot is open (Redis
    // does not touch while a child saves, so its pages stay shared; here, so nothing the snapshot reads changes).
    private int FindLive(ReadOnlySpan<byte> key, long now, bool touch = true)
    {
        var position = _table.Find(key);
        if (position >= 0)
        {
            if (IsExpiredAt(position, now))
            {
                Expire(position);
                return -1;
            }

            if (touch && _shared.SnapshotId == 0)
            {
                ref var clock = ref _table.ClockAt(position);
                clock = _shared.Clock.Accessed(clock);
            }
        }

        return position;
    }

    private void Expire(int position)
    {
        // The removed record stays intact until RecycleRetiredRecords, so its key can be reported after the removal.
        var record = _table[position].Record;
        RemoveAt(position);
        ExpiredKeys++;
        Observer?.Expired(Index, KeyTable.KeyOf(record));
    }

    private void UpdateVolatileIndex(int position)
    {
        ref var slot = ref _table[position];
        var hasExpiry = slot.ExpiresAt != Entry.NoExpiry;
        if (hasExpiry && slot.VolatileIndex < 0)
        {
            slot.VolatileIndex = _volatile.Count;
            _volatile.Add(position);
        }
        else if (!hasExpiry && slot.VolatileIndex >= 0)
        {
            RemoveVolatileAt(slot.VolatileIndex);
            slot.VolatileIndex = -1;
        }
    }

    private void RemoveAt(int position)
    {
        _shared.Changes++;
        if (_watches.Count != 0)
        {
            // The record stays intact once removed (it is retired, not reused, until RecycleRetiredRecords).
            _watches.Touch(KeyTable.KeyOf(_table[position].Record), exists: false);
        }

        var volatileIndex = _table[position].VolatileIndex;
        if (volatileIndex >= 0)
        {
            RemoveVolatileAt(volatileIndex);
        }

        // The table moves its last slot into the freed position; the volatile array must follow it there.
        _table.RemoveAt(position);
        if (position < _table.Count && _table[position].VolatileIndex is var moved and >= 0)
        {
            _volatile[moved] = position;
        }
    }

    // Swap-remove: the last entry takes the freed index, so removal is O(1) and the array stays dense for sampling.
    private void RemoveVolatileAt(int index)
    {
        var last = _volatile.Count - 1;
        if (index != last)
        {
            var moved = _volatile[last];
            _volatile[index] = moved;
            _table[moved].VolatileIndex = index;
        }

        _volatile.RemoveAt(last);
    }
}
