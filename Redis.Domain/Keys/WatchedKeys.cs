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

    public WatchedKeys()
    {
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

        var watch = new KeyWatch(this, key.ToArray(), expired);
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
    /// Redis's <c>touchAllWatchedKeysInDb</c> for <c>FLUSHDB</c>/<c>FLUSHALL</c>: marks the watches of every watched key
    /// that is stored (<paramref name="isStored"/>), except a key already expired when watched, whose removal is no change.
    /// </summary>
    public void TouchAllStored(Func<byte[], bool> isStored)
    {
        foreach (var (key, watches) in _byKey)
        {
            if (!isStored(key))
            {
                continue;
            }

            foreach (var watch in watches)
            {
                if (watch.ExpiredWhenWatched)
                {
                    watch.ExpiredWhenWatched = false;
                }
                else
                {
                    watch.IsTouched = true;
                }
            }
        }
    }
}
