using System.Runtime.InteropServices;

namespace Redis.Domain.Keys;

/// <summary>The dictionary of keys and their expiry rules: lazy expiry on every access, sampled active expiry between commands.</summary>
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
/// Keys that carry a TTL are also kept in a dense array with each entry's index stored beside it: random sampling
/// and swap-removal are both O(1), so active expiry never scans the keyspace and costs nothing per key without a TTL.
/// </para>
/// <para>
/// Every key is also kept in a second dense array, the same way. It gives <c>RANDOMKEY</c> an O(1) uniform pick and
/// <c>SCAN</c> a cursor that survives inserts and deletes between calls (see <see cref="Scan"/>), which a
/// <see cref="Dictionary{TKey, TValue}"/> cannot offer: its enumerators fail once the dictionary changes.
/// </para>
/// </remarks>
public sealed class Keyspace
{
    /// <summary>Keys examined per sampling round, Redis's <c>ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP</c>.</summary>
    public const int KeysPerSample = 20;

    /// <summary>Another round runs while more than this percentage of the last sample was expired (Redis's <c>ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE</c>).</summary>
    public const int AcceptableStalePercent = 10;

    private readonly Dictionary<byte[], Slot> _entries = new(ByteArrayComparer.Instance);
    private readonly Dictionary<byte[], Slot>.AlternateLookup<ReadOnlySpan<byte>> _bySpan;
    private readonly List<byte[]> _volatileKeys = [];
    private readonly List<byte[]> _allKeys = [];
    private readonly Random _random;

    public Keyspace()
        : this(Random.Shared)
    {
    }

    /// <param name="random">Source of the sampling order; tests pass a seeded one.</param>
    public Keyspace(Random random)
    {
        _random = random;
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>Number of keys stored, including expired keys not yet reclaimed.</summary>
    public int Count => _entries.Count;

    /// <summary>Number of keys that carry a TTL, including expired keys not yet reclaimed.</summary>
    public int VolatileCount => _volatileKeys.Count;

    /// <summary>
    /// Estimated mean remaining TTL of the keys that carry one, in milliseconds (<c>avg_ttl</c> in <c>INFO keyspace</c>):
    /// a running average over the keys the sweeps sample, as Redis estimates it; 0 when no key has a TTL.
    /// </summary>
    public long AverageTtl { get; private set; }

    /// <summary>Total keys removed because their time ran out, lazily or by a sweep.</summary>
    public long ExpiredKeys { get; private set; }

    /// <summary>Reads through <see cref="TryRead"/> that found a live key (Redis's <c>keyspace_hits</c>).</summary>
    public long KeyspaceHits { get; private set; }

    /// <summary>Reads through <see cref="TryRead"/> that found nothing (Redis's <c>keyspace_misses</c>).</summary>
    public long KeyspaceMisses { get; private set; }

    /// <summary>Looks a key up; an expired key is removed and reported missing.</summary>
    public bool TryGet(ReadOnlySpan<byte> key, long now, out Entry entry)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_bySpan, key);
        if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref slot))
        {
            if (!slot.Entry.IsExpiredAt(now))
            {
                entry = slot.Entry;
                return true;
            }

            RemoveExisting(key);
            ExpiredKeys++;
        }

        entry = default;
        return false;
    }

    /// <summary>Looks a key up for a command that reads it, counting a hit or a miss.</summary>
    /// <remarks>
    /// Redis counts <c>keyspace_hits</c>/<c>keyspace_misses</c> in <c>lookupKeyRead</c> only: commands that look a key
    /// up in order to write it (<c>INCR</c>, <c>EXPIRE</c>, <c>RENAME</c>) use <see cref="TryGet"/>, which does not count.
    /// </remarks>
    public bool TryRead(ReadOnlySpan<byte> key, long now, out Entry entry)
    {
        if (TryGet(key, now, out entry))
        {
            KeyspaceHits++;
            return true;
        }

        KeyspaceMisses++;
        return false;
    }

    /// <summary>True when the key exists and has not expired.</summary>
    public bool Exists(ReadOnlySpan<byte> key, long now) => TryGet(key, now, out _);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing any value and TTL.</summary>
    /// <param name="key">Copied only when the key is new.</param>
    /// <param name="value">Kept as is: the caller hands over an array it will not modify again.</param>
    /// <param name="expiresAt">Absolute expiry in Unix milliseconds, or <see cref="Entry.NoExpiry"/>.</param>
    public void Set(ReadOnlySpan<byte> key, byte[] value, long expiresAt = Entry.NoExpiry)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_bySpan, key, out var existed);
        if (!existed)
        {
            slot.VolatileIndex = -1;
            _bySpan.TryGetValue(key, out var storedKey, out _);
            slot.KeyIndex = _allKeys.Count;
            _allKeys.Add(storedKey!);
        }

        slot.Entry = new Entry(value, expiresAt);
        UpdateVolatileIndex(ref slot, key);
    }

    /// <summary>Replaces the value of an existing, live key and keeps its TTL, as <c>APPEND</c>, <c>INCR</c> and <c>SETRANGE</c> do.</summary>
    /// <returns>False when there is no such key; nothing is stored then.</returns>
    public bool Overwrite(ReadOnlySpan<byte> key, byte[] value, long now)
    {
        if (!TryGet(key, now, out _))
        {
            return false;
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_bySpan, key);
        slot.Entry = slot.Entry with { Value = value };
        return true;
    }

    /// <summary>Sets the expiry of an existing, live key. Returns false when there is no such key.</summary>
    /// <remarks>An instant at or before <paramref name="now"/> deletes the key, as Redis's <c>checkAlreadyExpired</c> does.</remarks>
    public bool SetExpiry(ReadOnlySpan<byte> key, long expiresAt, long now)
    {
        if (!TryGet(key, now, out _))
        {
            return false;
        }

        if (expiresAt <= now)
        {
            RemoveExisting(key);
            return true;
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_bySpan, key);
        slot.Entry = slot.Entry with { ExpiresAt = expiresAt };
        UpdateVolatileIndex(ref slot, key);
        return true;
    }

    /// <summary>Removes the TTL of a live key. Returns false when there is no such key or it has no TTL.</summary>
    public bool Persist(ReadOnlySpan<byte> key, long now)
    {
        if (!TryGet(key, now, out var entry) || !entry.HasExpiry)
        {
            return false;
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_bySpan, key);
        slot.Entry = slot.Entry with { ExpiresAt = Entry.NoExpiry };
        UpdateVolatileIndex(ref slot, key);
        return true;
    }

    /// <summary>Removes a key. Returns true when a live key was removed.</summary>
    public bool Remove(ReadOnlySpan<byte> key, long now) => TryGet(key, now, out _) && RemoveExisting(key);

    /// <summary>Moves a live key's value and TTL to <paramref name="destination"/>, replacing whatever was there.</summary>
    /// <returns>False when <paramref name="source"/> does not exist; nothing changes then.</returns>
    /// <remarks>Mirrors Redis's <c>renameGenericCommand</c>: the TTL travels with the value, and renaming a key to itself changes nothing.</remarks>
    public bool Rename(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, long now)
    {
        if (!TryGet(source, now, out var entry))
        {
            return false;
        }

        if (source.SequenceEqual(destination))
        {
            return true;
        }

        // Expire a stale destination first, so it counts in expired_keys as Redis's lookupKeyWrite counts it.
        _ = TryGet(destination, now, out _);
        RemoveExisting(source);
        Set(destination, entry.Value, entry.ExpiresAt);
        return true;
    }

    /// <summary>Picks a live key uniformly at random; false when the keyspace is empty.</summary>
    /// <remarks>
    /// O(1) from the dense array of all keys. An expired pick is removed and another drawn, as Redis's
    /// <c>dbRandomKey</c> does; each expired key is removed once, so the cost stays O(1) amortised.
    /// </remarks>
    public bool TryGetRandomKey(long now, out byte[] key)
    {
        while (_allKeys.Count > 0)
        {
            key = _allKeys[_random.Next(_allKeys.Count)];
            if (!_entries[key].Entry.IsExpiredAt(now))
            {
                return true;
            }

            RemoveExisting(key);
            ExpiredKeys++;
        }

        key = [];
        return false;
    }

    /// <summary>Every live key, for <c>KEYS</c>; expired keys are skipped, not removed.</summary>
    /// <remarks>O(n) by definition, as <c>KEYS</c> is. The keyspace must not change while this is enumerated.</remarks>
    public IEnumerable<byte[]> LiveKeys(long now)
    {
        foreach (var key in _allKeys)
        {
            if (!_entries[key].Entry.IsExpiredAt(now))
            {
                yield return key;
            }
        }
    }

    /// <summary>One step of a <c>SCAN</c>: visits up to <paramref name="count"/> keys and returns the cursor to continue from, 0 when done.</summary>
    /// <param name="cursor">0 to start; otherwise a cursor this method returned.</param>
    /// <param name="count">Keys to visit in this step (Redis's <c>COUNT</c> hint).</param>
    /// <param name="visit">Called with each live key visited; it must not change the keyspace.</param>
    /// <remarks>
    /// <para>
    /// The cursor is the number of positions of the dense key array not yet visited, and a step walks down from it.
    /// Deleting swaps the last key into the freed position, so keys only ever move from the end of the array towards
    /// its start. A key that was not yet visited is below the cursor and stays there; a visited key that moves may be
    /// returned twice. So, as Redis guarantees, every key present for the whole iteration is returned at least once,
    /// keys added or removed during it may or may not be, and the iteration always ends. A step costs O(count).
    /// </para>
    /// <para>Expired keys met on the way are removed after the step, as Redis's <c>scanGenericCommand</c> does.</para>
    /// </remarks>
    public long Scan(long cursor, int count, long now, Action<byte[]> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var position = cursor <= 0 || cursor > _allKeys.Count ? _allKeys.Count : (int)cursor;
        List<byte[]>? expired = null;
        for (var visited = 0; visited < count && position > 0; visited++)
        {
            var key = _allKeys[--position];
            if (_entries[key].Entry.IsExpiredAt(now))
            {
                (expired ??= []).Add(key);
            }
            else
            {
                visit(key);
            }
        }

        if (expired is not null)
        {
            foreach (var key in expired)
            {
                RemoveExisting(key);
                ExpiredKeys++;
            }
        }

        return position;
    }

    /// <summary>
    /// Reclaims expired keys by random sampling, Redis's active expiry: sample <see cref="KeysPerSample"/> keys with a TTL,
    /// delete the expired ones, and repeat while more than <see cref="AcceptableStalePercent"/>% of the sample was stale,
    /// for at most <paramref name="maxRounds"/> rounds.
    /// </summary>
    /// <remarks>Work is bounded by <c>maxRounds * KeysPerSample</c> probes whatever the size of the keyspace.</remarks>
    public SweepResult SweepExpired(long now, int maxRounds = 16)
    {
        if (_volatileKeys.Count == 0)
        {
            AverageTtl = 0;
            return new SweepResult(0, MoreExpiredLikely: false);
        }

        var reclaimed = 0;
        long ttlSum = 0;
        var ttlSamples = 0;
        var moreExpiredLikely = true;
        for (var round = 0; round < maxRounds && _volatileKeys.Count > 0; round++)
        {
            var sampled = Math.Min(KeysPerSample, _volatileKeys.Count);
            var expired = 0;
            for (var i = 0; i < sampled && _volatileKeys.Count > 0; i++)
            {
                var key = _volatileKeys[_random.Next(_volatileKeys.Count)];
                var entry = _entries[key].Entry;
                if (entry.IsExpiredAt(now))
                {
                    RemoveExisting(key);
                    ExpiredKeys++;
                    expired++;
                }
                else
                {
                    ttlSum += entry.RemainingMilliseconds(now);
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

        return new SweepResult(reclaimed, MoreExpiredLikely: moreExpiredLikely && _volatileKeys.Count > 0);
    }

    /// <summary>Removes every key.</summary>
    public void Clear()
    {
        _entries.Clear();
        _volatileKeys.Clear();
        _allKeys.Clear();
        AverageTtl = 0;
    }

    private void UpdateVolatileIndex(ref Slot slot, ReadOnlySpan<byte> key)
    {
        if (slot.Entry.HasExpiry && slot.VolatileIndex < 0)
        {
            _bySpan.TryGetValue(key, out var storedKey, out _);
            slot.VolatileIndex = _volatileKeys.Count;
            _volatileKeys.Add(storedKey!);
        }
        else if (!slot.Entry.HasExpiry && slot.VolatileIndex >= 0)
        {
            RemoveVolatileAt(slot.VolatileIndex);
            slot.VolatileIndex = -1;
        }
    }

    private bool RemoveExisting(ReadOnlySpan<byte> key)
    {
        _bySpan.Remove(key, out _, out var slot);
        if (slot.VolatileIndex >= 0)
        {
            RemoveVolatileAt(slot.VolatileIndex);
        }

        RemoveKeyAt(slot.KeyIndex);
        return true;
    }

    // The same swap-remove on the array of all keys; Scan's cursor relies on keys only moving towards the start.
    private void RemoveKeyAt(int index)
    {
        var last = _allKeys.Count - 1;
        if (index != last)
        {
            var moved = _allKeys[last];
            _allKeys[index] = moved;
            CollectionsMarshal.GetValueRefOrNullRef(_entries, moved).KeyIndex = index;
        }

        _allKeys.RemoveAt(last);
    }

    // Swap-remove: the last key takes the freed index, so removal is O(1) and the array stays dense for sampling.
    private void RemoveVolatileAt(int index)
    {
        var last = _volatileKeys.Count - 1;
        if (index != last)
        {
            var moved = _volatileKeys[last];
            _volatileKeys[index] = moved;
            CollectionsMarshal.GetValueRefOrNullRef(_entries, moved).VolatileIndex = index;
        }

        _volatileKeys.RemoveAt(last);
    }

    private struct Slot
    {
        public Entry Entry;

        /// <summary>Position in <see cref="_volatileKeys"/>, or -1 when the key has no TTL.</summary>
        public int VolatileIndex;

        /// <summary>Position in <see cref="_allKeys"/>.</summary>
        public int KeyIndex;
    }
}
