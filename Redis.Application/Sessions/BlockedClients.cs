using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Sessions;

/// <summary>
/// The connections a blocking command holds (Redis's <c>blocked.c</c>): who waits on which key, in the order they
/// blocked, and when each times out. Only the event loop blocks clients; the one-client transport answers a blocking
/// command at once, as Redis answers one inside <c>MULTI</c> (ADR 0027).
/// </summary>
/// <remarks>
/// <para>
/// A blocked command is not a callback: it stays unread in its connection's input buffer and runs again, the same
/// handler with the same arguments, when one of its keys is given a collection (<see cref="Keyspace.AddWaiter"/>
/// signals it) or when it times out or is unblocked (then it ends with <see cref="BlockState.Resolution"/> without
/// running). A run that still finds nothing asks to block again and keeps its place and its deadline. So each
/// blocking command's reply is written once, by the handler that also answers it when it does not block.
/// </para>
/// <para>
/// After each command the transport calls <see cref="ServeReady"/> when <see cref="HasWork"/>: for every key given a
/// collection, in the order signalled, the clients waiting on it run again in the order they blocked while the key
/// still holds a collection of their type (Redis's <c>handleClientsBlockedOnKeys</c>). A command they run may create
/// another waited key (<c>BLMOVE</c> into it): that key is served in the same call. Only the serving thread calls this.
/// </para>
/// </remarks>
public sealed class BlockedClients(Databases databases, TimeProvider time)
{
    // Redis's db->blocking_keys, per database: key -> clients in the order they blocked on it.
    private readonly Dictionary<(int Database, byte[] Key), LinkedList<ClientSession>> _waiters = new(new WaiterKeyComparer());

    // Redis's clients_timeout_table: the blocked clients that have a deadline, earliest first.
    private readonly SortedSet<BlockState> _deadlines = new(Comparer<BlockState>.Create(static (a, b) =>
        a.Deadline != b.Deadline ? a.Deadline.CompareTo(b.Deadline) : a.Sequence.CompareTo(b.Sequence)));

    // Redis's server.unblocked_clients: resolved (timed out or CLIENT UNBLOCK), to be answered after the command.
    private readonly Queue<ClientSession> _resolved = new();
    private long _sequence;

    /// <summary><c>blocked_clients</c>: connections a blocking command holds now.</summary>
    public int Count { get; private set; }

    /// <summary><c>clients_in_timeout_table</c>: blocked connections with a deadline.</summary>
    public int WithDeadline => _deadlines.Count;

    /// <summary>A waited key was given a collection, or a blocked client was resolved: <see cref="ServeReady"/> has work.</summary>
    public bool HasWork => databases.HasReadyKeys || _resolved.Count != 0;

    /// <summary>The earliest deadline of a blocked client, in Unix milliseconds; <see cref="long.MaxValue"/> when none has one.</summary>
    public long NextDeadline => _deadlines.Count == 0 ? long.MaxValue : _deadlines.Min!.Deadline;

    /// <summary>
    /// What a blocking command does when none of its keys can serve it: waits (Redis's <c>blockForKeys</c>; the reply
    /// is then nothing, and the transport holds the command), or, when the connection may not wait (the one-client
    /// transport, inside <c>MULTI</c>: Redis's <c>CLIENT_DENY_BLOCKING</c>), answers <paramref name="whenDenied"/> as
    /// if it had timed out at once.
    /// </summary>
    public Reply WaitOrAnswer(BlockingWait wait, Keyspace keyspace, ReadOnlySpan<ReadOnlyMemory<byte>> keys, KeyType type, Reply whenDenied)
    {
        ArgumentNullException.ThrowIfNull(wait);
        if (!wait.Session.MayBlock || wait.Session.Transaction.InMulti)
        {
            return whenDenied;
        }

        Block(wait.Session, keyspace, keys, type, wait.Timeout);
        return default;
    }

    /// <summary>
    /// Blocks <paramref name="session"/> on <paramref name="keys"/> of <paramref name="keyspace"/> (Redis's
    /// <c>blockForKeys</c>), or, when its command is running again while blocked, keeps it waiting as it was.
    /// </summary>
    /// <param name="timeout">The command's timeout in milliseconds; 0 waits for ever.</param>
    public void Block(ClientSession session, Keyspace keyspace, ReadOnlySpan<ReadOnlyMemory<byte>> keys, KeyType type, long timeout)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(keyspace);
        if (session.Block is { } waiting)
        {
            waiting.Renewed = true;
            return;
        }

        var distinct = new List<byte[]>(keys.Length);
        foreach (var key in keys)
        {
            if (!distinct.Exists(k => k.AsSpan().SequenceEqual(key.Span)))
            {
                distinct.Add(key.ToArray());
            }
        }

        var deadline = timeout == 0 ? 0 : SaturatingAdd(time.GetUtcNow().ToUnixTimeMilliseconds(), timeout);
        var state = new BlockState(session, keyspace.Index, [.. distinct], type, deadline, ++_sequence) { Renewed = true };
        foreach (var key in distinct)
        {
            if (!_waiters.TryGetValue((keyspace.Index, key), out var queue))
            {
                queue = new LinkedList<ClientSession>();
                _waiters.Add((keyspace.Index, key), queue);
            }

            queue.AddLast(session);
            keyspace.AddWaiter(key);
        }

        if (deadline != 0)
        {
            _deadlines.Add(state);
        }

        session.Block = state;
        Count++;
    }

    /// <summary>
    /// Blocks <paramref name="session"/> on no key (Redis's <c>BLOCKED_WAIT</c>): only <see cref="Resolve"/> or the
    /// deadline ends it, and the deadline answers <paramref name="timeoutReply"/>'s reply.
    /// </summary>
    /// <param name="timeout">Milliseconds to wait; 0 waits for ever.</param>
    public void BlockUntil(ClientSession session, long timeout, Func<Reply> timeoutReply)
    {
        ArgumentNullException.ThrowIfNull(session);
        var deadline = timeout == 0 ? 0 : SaturatingAdd(time.GetUtcNow().ToUnixTimeMilliseconds(), timeout);
        var state = new BlockState(session, 0, [], KeyType.None, deadline, ++_sequence) { Renewed = true, TimeoutReply = timeoutReply };
        if (deadline != 0)
        {
            _deadlines.Add(state);
        }

        session.Block = state;
        Count++;
    }

    /// <summary>
    /// Ends the wait of <paramref name="session"/> with <paramref name="reply"/> (<c>CLIENT UNBLOCK</c>): the command
    /// answers it after the current command, without running again. False when the session is not blocked.
    /// </summary>
    public bool Resolve(ClientSession session, Reply reply)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Block is not { Resolution: null } state)
        {
            return false;
        }

        state.Resolution = reply;
        _resolved.Enqueue(session);
        return true;
    }

    /// <summary>
    /// Before the held command of <paramref name="session"/> runs again: the reply its wait was resolved with, which
    /// ends it (the wait is released), or null, and then it runs and <see cref="AfterRun"/> follows.
    /// </summary>
    public Reply? BeforeRun(ClientSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var state = session.Block!;
        if (state.Resolution is { } resolution)
        {
            Unblock(session);
            return resolution;
        }

        state.Renewed = false;
        return null;
    }

    /// <summary>After the held command ran again: it answered (the wait is released), or asked to wait on (it keeps its place).</summary>
    public void AfterRun(ClientSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Block is { Renewed: false })
        {
            Unblock(session);
        }
    }

    /// <summary>Forgets the wait of <paramref name="session"/>: served, resolved, or its connection closed. Nothing when it does not wait.</summary>
    public void Unblock(ClientSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Block is not { } state)
        {
            return;
        }

        var keyspace = databases[state.Database];
        foreach (var key in state.Keys)
        {
            if (_waiters.TryGetValue((state.Database, key), out var queue))
            {
                queue.Remove(session);
                if (queue.Count == 0)
                {
                    _waiters.Remove((state.Database, key));
                }
            }

            keyspace.RemoveWaiter(key);
        }

        if (state.Deadline != 0)
        {
            _deadlines.Remove(state);
        }

        session.Block = null;
        Count--;
    }

    /// <summary>Resolves every blocked client whose deadline has passed with Redis's timeout reply, a null array (<c>replyToBlockedClientTimedOut</c>).</summary>
    public void TimeOut()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        while (_deadlines.Count != 0 && _deadlines.Min!.Deadline <= now)
        {
            var state = _deadlines.Min;
            _deadlines.Remove(state);
            Resolve(state.Session, state.TimeoutReply?.Invoke() ?? Reply.NullArray);
        }
    }

    /// <summary>
    /// Runs the blocked clients that can go on: resolved ones, then, for each waited key given a collection, its
    /// waiters in the order they blocked while the key still holds a collection of their type.
    /// </summary>
    /// <param name="resume">The transport's "run this connection's held input again".</param>
    public void ServeReady(Action<ClientSession> resume)
    {
        ArgumentNullException.ThrowIfNull(resume);
        while (true)
        {
            if (_resolved.TryDequeue(out var resolved))
            {
                if (resolved.Block is { Resolution: not null })
                {
                    resume(resolved);
                }

                continue;
            }

            if (!databases.TryTakeReadyKey(out var keyspace, out var key))
            {
                return;
            }

            if (!_waiters.TryGetValue((keyspace.Index, key), out var queue))
            {
                continue;
            }

            foreach (var session in queue.ToArray())
            {
                if (session.Block is not { Resolution: null } state)
                {
                    continue;
                }

                if (keyspace.TypeOf(key, time.GetUtcNow().ToUnixTimeMilliseconds(), out _) != state.Type)
                {
                    break;
                }

                resume(session);
            }
        }
    }

    private static long SaturatingAdd(long now, long timeout) => timeout > long.MaxValue - now ? long.MaxValue : now + timeout;

    private sealed class WaiterKeyComparer : IEqualityComparer<(int Database, byte[] Key)>
    {
        public bool Equals((int Database, byte[] Key) x, (int Database, byte[] Key) y) =>
            x.Database == y.Database && x.Key.AsSpan().SequenceEqual(y.Key);

        public int GetHashCode((int Database, byte[] Key) obj) =>
            HashCode.Combine(obj.Database, ByteKeyComparer.Instance.GetHashCode(obj.Key));
    }
}
