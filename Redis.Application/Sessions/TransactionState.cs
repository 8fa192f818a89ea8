using Redis.Application.Routing;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Sessions;

/// <summary>
/// A connection's <c>MULTI</c>/<c>EXEC</c> state, Redis's <c>c->mstate</c> and the flags beside it: whether a transaction
/// is open, the commands it queued, whether queueing failed, and the keys <c>WATCH</c>ed.
/// </summary>
/// <remarks>
/// <para>
/// A queued command owns its bytes: the request's arguments are slices of the receive buffer, which the transport
/// reuses after the batch, so <see cref="Queue"/> copies them (once the transaction is known to fail, it stops
/// copying, as Redis's <c>queueMultiCommand</c> does).
/// </para>
/// <para>
/// Watches are handles the keyspace marks when their key changes (<see cref="KeyWatch"/>): the session asks them at
/// <c>EXEC</c>, and releases them at <c>EXEC</c>, <c>DISCARD</c>, <c>UNWATCH</c> and when the connection closes. Only
/// the serving thread touches this state, like the rest of the session.
/// </para>
/// </remarks>
public sealed class TransactionState
{
    private readonly List<QueuedCommand> _queued = [];
    private readonly List<KeyWatch> _watches = [];

    /// <summary>Redis's <c>CLIENT_MULTI</c>: between <c>MULTI</c> and <c>EXEC</c> or <c>DISCARD</c> (<c>x</c> in <c>CLIENT LIST</c>'s flags).</summary>
    public bool InMulti { get; private set; }

    /// <summary>Redis's <c>CLIENT_DIRTY_EXEC</c>: a command was refused while queueing, so <c>EXEC</c> answers <c>EXECABORT</c>.</summary>
    public bool HasQueueingError { get; private set; }

    /// <summary>Redis's <c>CLIENT_DIRTY_CAS</c>: a watched key changed, so <c>EXEC</c> answers a null array (<c>d</c> in <c>CLIENT LIST</c>).</summary>
    public bool IsWatchedKeyTouched
    {
        get
        {
            foreach (var watch in _watches)
            {
                if (watch.IsTouched)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// A queued command is flagged <c>write</c> or <c>may_replicate</c> (Redis's <c>mstate.cmd_flags</c>): then
    /// <c>CLIENT PAUSE WRITE</c> holds <c>EXEC</c> too.
    /// </summary>
    public bool HasQueuedWrite { get; private set; }

    /// <summary>
    /// A queued command is flagged <c>write</c> (Redis's <c>mstate.cmd_flags &amp; CMD_WRITE</c>): then <c>EXEC</c> counts as
    /// a write for <c>-MISCONF</c>.
    /// </summary>
    public bool HasQueuedWriteCommand { get; private set; }

    /// <summary>A queued command is flagged <c>denyoom</c> (Redis's <c>mstate.cmd_flags &amp; CMD_DENYOOM</c>): then <c>EXEC</c> is refused with <c>-OOM</c> as the command would be.</summary>
    public bool HasQueuedDenyOom { get; private set; }

    /// <summary><c>multi=</c> in <c>CLIENT LIST</c>: the commands queued, or -1 outside a transaction.</summary>
    public int QueuedCount => InMulti ? _queued.Count : -1;

    /// <summary>The commands queued so far, in order.</summary>
    public IReadOnlyList<QueuedCommand> Queued => _queued;

    /// <summary>The keys watched, each as the keyspace's handle.</summary>
    public IReadOnlyList<KeyWatch> Watches => _watches;

    /// <summary>Opens the transaction (<c>MULTI</c>); the caller has checked that none is open.</summary>
    public void Begin() => InMulti = true;

    /// <summary>Keeps a copy of the request to run at <c>EXEC</c>, unless the transaction is already bound to fail.</summary>
    public void Queue(ICommandBinder binder, CommandArgs args)
    {
        if (!HasQueueingError && !IsWatchedKeyTouched)
        {
            _queued.Add(new QueuedCommand(binder, args.Copy()));
            HasQueuedWrite |= binder.Spec.MayReplicate;
            HasQueuedWriteCommand |= binder.Spec.IsWrite;
            HasQueuedDenyOom |= binder.Spec.DeniedOnOutOfMemory;
        }
    }

    /// <summary>Redis's <c>flagTransaction</c>: a command refused while queueing makes the next <c>EXEC</c> abort.</summary>
    public void FlagQueueingError()
    {
        if (InMulti)
        {
            HasQueueingError = true;
        }
    }

    /// <summary>Watches <paramref name="key"/> of database <paramref name="keyspace"/> unless this connection already does (Redis's <c>watchForKey</c>: a watch is on a key of one database).</summary>
    public void Watch(Keyspace keyspace, ReadOnlySpan<byte> key, long now)
    {
        ArgumentNullException.ThrowIfNull(keyspace);
        foreach (var watch in _watches)
        {
            if (ReferenceEquals(watch.Keyspace, keyspace) && key.SequenceEqual(watch.Key))
            {
                return;
            }
        }

        _watches.Add(keyspace.Watch(key, now));
    }

    /// <summary>Releases every watch (Redis's <c>unwatchAllKeys</c>), which also clears <see cref="IsWatchedKeyTouched"/>.</summary>
    public void UnwatchAll()
    {
        foreach (var watch in _watches)
        {
            watch.Release();
        }

        _watches.Clear();
    }

    /// <summary>Redis's <c>discardTransaction</c>: drops the queue and the flags and releases the watches.</summary>
    public void Discard()
    {
        _queued.Clear();
        HasQueuedWrite = false;
        HasQueuedWriteCommand = false;
        HasQueuedDenyOom = false;
        InMulti = false;
        HasQueueingError = false;
        UnwatchAll();
    }
}
