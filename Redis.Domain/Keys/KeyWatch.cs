namespace Redis.Domain.Keys;

/// <summary>
/// One watcher's claim on one key, Redis's <c>watchedKey</c>: the keyspace marks it touched when the key changes, and
/// the watcher asks it at <c>EXEC</c>.
/// </summary>
/// <remarks>
/// The keyspace knows no connections: whoever watches holds the handle, and the keyspace only marks it. A touched
/// watch stays touched until it is released, as Redis's <c>CLIENT_DIRTY_CAS</c> stays set until <c>EXEC</c>,
/// <c>DISCARD</c> or <c>UNWATCH</c>. Only the serving thread uses it, like the keyspace.
/// </remarks>
public sealed class KeyWatch
{
    private WatchedKeys? _owner;

    internal KeyWatch(WatchedKeys owner, Keyspace keyspace, byte[] key, bool expiredWhenWatched)
    {
        _owner = owner;
        Keyspace = keyspace;
        Key = key;
        ExpiredWhenWatched = expiredWhenWatched;
    }

    /// <summary>The keyspace (database) the key is watched in: a watch is on a key of one database.</summary>
    public Keyspace Keyspace { get; }

    /// <summary>The watched key (a copy the watch owns).</summary>
    public byte[] Key { get; }

    /// <summary>True once the key was written, deleted, expired or flushed after the watch began.</summary>
    public bool IsTouched { get; internal set; }

    /// <summary>
    /// Redis's <c>wk->expired</c>: the key was stored but already expired when it was watched. Its removal is then no
    /// change, and it does not count as expiring before <c>EXEC</c> (<c>isWatchedKeyExpired</c>).
    /// </summary>
    internal bool ExpiredWhenWatched { get; set; }

    /// <summary>Stops watching; the keyspace no longer marks this handle. Releasing twice does nothing.</summary>
    public void Release()
    {
        _owner?.Remove(this);
        _owner = null;
    }
}
