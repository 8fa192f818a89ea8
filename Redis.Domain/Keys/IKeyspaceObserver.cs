namespace Redis.Domain.Keys;

/// <summary>
/// What a <see cref="Keyspace"/> reports of the changes no command asked for by name: a key created, a key found
/// expired and removed (lazily or by a sweep), a read that found nothing. Redis's <c>dbAdd</c>,
/// <c>deleteExpiredKeyAndPropagate</c> and <c>lookupKeyRead</c> notifications, without the keyspace knowing pub/sub.
/// </summary>
/// <remarks>Called on the serving thread, after the change; the key span is valid only during the call.</remarks>
public interface IKeyspaceObserver
{
    /// <summary>A key was added (Redis's <c>new</c> event).</summary>
    void Created(int database, ReadOnlySpan<byte> key);

    /// <summary>A key's time ran out and it was removed (Redis's <c>expired</c> event).</summary>
    void Expired(int database, ReadOnlySpan<byte> key);

    /// <summary>A read found no live key (Redis's <c>keymiss</c> event).</summary>
    void Missed(int database, ReadOnlySpan<byte> key);
}
