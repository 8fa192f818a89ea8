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

    /// <summary>Total keys removed because their time ran out, lazily or by a sweep.</summary>
    public long ExpiredKeys { get; private set; }

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
        }

        slot.Entry = new Entry(value, expiresAt);
        UpdateVolatileIndex(ref slot, key);
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

    /// <summary>Removes a key. Returns true when a live key was removed.</summary>
    public bool Remove(ReadOnlySpan<byte> key, long now) => TryGet(key, now, out _) && RemoveExisting(key);

    /// <summary>
    /// Reclaims expired keys by random sampling, Redis's active expiry: sample <see cref="KeysPerSample"/> keys with a TTL,
    /// delete the expired ones, and repeat while more than <see cref="AcceptableStalePercent"/>% of the sample was stale,
    /// for at most <paramref name="maxRounds"/> rounds.
    /// </summary>
    /// <remarks>Work is bounded by <c>maxRounds * KeysPerSample</c> probes whatever the size of the keyspace.</remarks>
    public SweepResult SweepExpired(long now, int maxRounds = 16)
    {
        var reclaimed = 0;
        for (var round = 0; round < maxRounds && _volatileKeys.Count > 0; round++)
        {
            var sampled = Math.Min(KeysPerSample, _volatileKeys.Count);
            var expired = 0;
            for (var i = 0; i < sampled && _volatileKeys.Count > 0; i++)
            {
                var key = _volatileKeys[_random.Next(_volatileKeys.Count)];
                if (_entries[key].Entry.IsExpiredAt(now))
                {
                    RemoveExisting(key);
                    ExpiredKeys++;
                    expired++;
                }
            }

            reclaimed += expired;
            if (expired * 100 <= sampled * AcceptableStalePercent)
            {
                return new SweepResult(reclaimed, MoreExpiredLikely: false);
            }
        }

        return new SweepResult(reclaimed, MoreExpiredLikely: _volatileKeys.Count > 0);
    }

    /// <summary>Removes every key.</summary>
    public void Clear()
    {
        _entries.Clear();
        _volatileKeys.Clear();
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

        return true;
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
    }
}
