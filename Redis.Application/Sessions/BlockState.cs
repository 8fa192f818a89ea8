using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Sessions;

/// <summary>
/// What a connection blocked by a blocking command (<c>BLPOP</c>, <c>BZPOPMIN</c>, ...) waits for: Redis's
/// <c>c->bpop</c>. The command stays unread in the transport's input buffer and runs again when one of its keys is
/// given a collection of <see cref="Type"/>; it keeps its place among the key's waiters and its deadline however often
/// it runs again without being served.
/// </summary>
public sealed class BlockState
{
    internal BlockState(ClientSession session, int database, byte[][] keys, KeyType type, long deadline, long sequence)
    {
        Session = session;
        Database = database;
        Keys = keys;
        Type = type;
        Deadline = deadline;
        Sequence = sequence;
    }

    /// <summary>The connection that waits.</summary>
    public ClientSession Session { get; }

    /// <summary>The database the keys are in.</summary>
    public int Database { get; }

    /// <summary>The keys waited on, each once.</summary>
    public IReadOnlyList<byte[]> Keys { get; }

    /// <summary>The type a key must hold to serve the command (Redis's <c>btype</c>): a string stored there wakes nobody.</summary>
    public KeyType Type { get; }

    /// <summary>When the wait times out, in Unix milliseconds on the server's clock; 0 to wait for ever.</summary>
    public long Deadline { get; }

    /// <summary>The order the clients blocked in, to break ties between equal deadlines.</summary>
    internal long Sequence { get; }

    /// <summary>Set when the command ran again and asked to go on waiting; cleared before each run.</summary>
    internal bool Renewed { get; set; }

    /// <summary>
    /// The reply the command ends with without running again: the timeout's null array, or <c>CLIENT UNBLOCK ... ERROR</c>'s
    /// error. Null while it waits.
    /// </summary>
    internal Reply? Resolution { get; set; }

    /// <summary>What the wait answers when its deadline passes; null for the blocking commands' null array.</summary>
    internal Func<Reply>? TimeoutReply { get; init; }
}
