namespace Redis.Domain.Keys;

/// <summary>The keys someone watches, each with its watches: Redis's <c>db->watched_keys</c>, without the clients.</summary>
/// <remarks>
/// The keyspace asks <see cref="Count"/> before anything else on every write, so a server where nobody watches pays
/// one comparison per write (Redis's <c>dictSize(db->watched_keys) == 0</c> in <c>touchWatchedKey</c>).
/// </remarks>
internal sealed class WatchedKeys
{
    private readonly Dictionary<byte[], List<KeyWatch>> _byKey = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], List<KeyWatch>>.AlternateLookup<ReadOnlySpan<byte>> _bySpan;
    private readonly Keyspace _keyspace;

    /// <param name="keyspace">The keyspace whose keys these are (a database: Redis's watches are on a key of one db).</param>
    public WatchedKeys(Keyspace keyspace)
    {
        _keyspace = keyspace;
        _bySpan = _byKey.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>How many distinct keys are watched: a field, not the dictionary's count, so the write path's test is one load.</summary>
    public int Count { get; private set; }

    public KeyWatch Add(ReadOnlySpan<byte> key, bool expired)
    {
        if (!_bySpan.TryGetValue(key, out var watches))
        {
            watches = [];
            _byKey.Add(key.ToArray(), watches);
            Count = _byKey.Count;
        }

        var watch = new KeyWatch(this, _keyspace, key.ToArray(), expired);
        watches.Add(watch);
        return watch;
    }

    public void Remove(KeyWatch watch)
    {
        if (_byKey.TryGetValue(watch.Key, out var watches) && watches.Remove(watch) && watches.Count == 0)
        {
            _byKey.Remove(watch.Key);
            Count = _byKey.Count;
        }
    }

    /// <summary>Redis's <c>touchWatchedKey</c>: marks every watch of <paramref name="key"/> touched.</summary>
    /// <param name="exists">Whether the key is stored after the change: the removal of a key that was already expired
    /// when watched is no change (Redis clears <c>wk->expired</c> and skips that client).</param>
    public void Touch(ReadOnlySpan<byte> key, bool exists)
    {
        if (!_bySpan.TryGetValue(key, out var watches))
        {
            return;
        }

        foreach (var watch in watches)
        {
            if (watch.ExpiredWhenWatched)
            {
                watch.ExpiredWhenWatched = false;
                if (!exists)
                {
                    continue;
                }
            }

            watch.IsTouched = true;
        }
    }

    /// <summary>
    /// Redis's <c>touchAllWatchedKeysInDb(emptied, replaced_with)</c>: the keyspace is emptied (<c>FLUSHDB</c>,
    /// <c>FLUSHALL</c>; <paramref name="replacement"/> null) or about to hold <paramref name="replacement"/>'s keys
    /// (<c>SWAPDB</c>). The watches of every watched key stored in either are marked, except where nothing logically
    /// changes: a key expired when watched that is now gone, or still expired, stays unmarked; a missing key replaced
    /// by an expired one is remembered as expired instead.
    /// </summary>
    public void TouchAllReplaced(Keyspace? replacement, long now)
    {
        foreach (var (key, watches) in _byKey)
        {
            var existsHere = _keyspace.Presence(key, now) != KeyPresence.Missing;
            var there = replacement?.Presence(key, now) ?? KeyPresence.Missing;
            if (!existsHere && there == KeyPresence.Missing)
            {
                continue;
            }

            foreach (var watch in watches)
            {
                if (watch.ExpiredWhenWatched)
                {
                    if (there == KeyPresence.Missing)
                    {
                        // Expired key now deleted: no logical change.
                        watch.ExpiredWhenWatched = false;
                        continue;
                    }

                    if (there == KeyPresence.Expired)
                    {
                        continue;
                    }
                }
                else if (!existsHere && there == KeyPresence.Expired)
                {
                    // A missing key replaced by an expired one.
                    watch.ExpiredWhenWatched = true;
                    continue;
                }

                watch.IsTouched = true;
            }
        }
    }
}
