using Redis.Domain.Keys;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// Puts what <see cref="RdbReader"/> reads into the databases, as Redis's <c>rdbLoadRio</c> does on a master: a key
/// whose time ran out on disk is dropped, a database the server does not have and a key met twice are errors.
/// </summary>
internal sealed class DatabaseLoader(Databases databases, long now, bool merge = false) : IRdbVisitor
{
    private Keyspace _keyspace = databases[0];
    private bool _admitted;

    /// <summary>
    /// Loads the RDB in <paramref name="input"/> into <paramref name="databases"/> at <paramref name="now"/>: the access
    /// clock is set first, so the file's idle times count back from it (<c>rdbLoadRio</c> reads <c>LRU_CLOCK()</c>
    /// once); a file that cannot be read whole leaves the databases empty and throws <see cref="RdbFormatException"/>.
    /// </summary>
    public static DatabaseLoader Load(Databases databases, Stream input, long now, bool merge, RdbLoadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(databases);
        databases.AccessClock.Set(now);
        var loader = new DatabaseLoader(databases, now, merge);
        try
        {
            RdbReader.Read(input, loader, limits);
        }
        catch
        {
            databases.Clear();
            throw;
        }

        return loader;
    }

    /// <summary>Keys stored.</summary>
    public long Loaded { get; private set; }

    /// <summary>Keys dropped because they had expired.</summary>
    public long Expired { get; private set; }

    public void OnAux(string name, ReadOnlySpan<byte> value)
    {
    }

    public void OnDatabase(int index)
    {
        if (!databases.Contains(index))
        {
            throw new RdbFormatException($"FATAL: Data file was created with a Redis server configured to handle more than {databases.Count} databases. Exiting");
        }

        _keyspace = databases[index];
    }

    public void OnResizeDatabase(long keys, long expires) => _keyspace.Reserve(_keyspace.Count + keys);

    public void OnString(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, long expiresAtMs)
    {
        if (Admit(expiresAtMs))
        {
            var expiresAt = ExpiryOf(expiresAtMs);
            if (merge)
            {
                _keyspace.Set(key, value, expiresAt);
            }
            else if (!_keyspace.TryAdd(key, value, expiresAt))
            {
                throw Duplicated(key);
            }
        }
    }

    public void OnValue(ReadOnlySpan<byte> key, TypedValue value, long expiresAtMs)
    {
        if (Admit(expiresAtMs))
        {
            var expiresAt = ExpiryOf(expiresAtMs);
            if (merge)
            {
                _keyspace.Set(key, value, expiresAt);
            }
            else if (!_keyspace.TryAdd(key, value, expiresAt))
            {
                throw Duplicated(key);
            }
        }
    }

    /// <summary>
    /// Redis's <c>objectSetLRUOrLFU</c> after the key is added: under an LFU policy the frequency, otherwise the idle
    /// time, counted back from the clock at <c>now</c>.
    /// </summary>
    public void OnAccess(ReadOnlySpan<byte> key, long idleSeconds, long frequency)
    {
        if (_admitted)
        {
            _keyspace.RestoreAccessClock(key, idleSeconds, frequency);
        }
    }

    private static long ExpiryOf(long expiresAtMs) => expiresAtMs == -1 ? Entry.NoExpiry : expiresAtMs;

    private RdbFormatException Duplicated(ReadOnlySpan<byte> key) =>
        new($"RDB has duplicated key '{System.Text.Encoding.UTF8.GetString(key)}' in DB {_keyspace.Index}");

    private bool Admit(long expiresAtMs)
    {
        if (expiresAtMs != -1 && expiresAtMs < now)
        {
            Expired++;
            return _admitted = false;
        }

        Loaded++;
        return _admitted = true;
    }
}
