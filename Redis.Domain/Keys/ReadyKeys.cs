namespace Redis.Domain.Keys;

/// <summary>
/// Keys that blocked clients wait for and that were given a collection since the server last served them: Redis's
/// <c>server.ready_keys</c>, shared by the databases of one server (see <see cref="Databases"/>).
/// </summary>
/// <remarks>
/// A key is listed once however many times it is signalled before it is taken, in the order first signalled, so the
/// clients waiting on the key created first are served first, as <c>handleClientsBlockedOnKeys</c> serves them.
/// </remarks>
internal sealed class ReadyKeys
{
    private readonly Queue<(Keyspace Keyspace, byte[] Key)> _keys = new();

    public int Count => _keys.Count;

    public void Add(Keyspace keyspace, byte[] key) => _keys.Enqueue((keyspace, key));

    public bool TryTake(out Keyspace keyspace, out byte[] key)
    {
        if (_keys.TryDequeue(out var ready))
        {
            (keyspace, key) = ready;
            return true;
        }

        (keyspace, key) = (null!, null!);
        return false;
    }
}
