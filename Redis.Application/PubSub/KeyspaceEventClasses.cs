namespace Redis.Application.PubSub;

/// <summary>
/// The classes of <c>notify-keyspace-events</c>, with Redis 7.0.15's bit values (<c>server.h</c>'s <c>NOTIFY_*</c>)
/// and letters.
/// </summary>
[Flags]
public enum KeyspaceEventClasses
{
    None = 0,

    /// <summary><c>K</c>: publish to <c>__keyspace@&lt;db&gt;__:&lt;key&gt;</c>.</summary>
    Keyspace = 1 << 0,

    /// <summary><c>E</c>: publish to <c>__keyevent@&lt;db&gt;__:&lt;event&gt;</c>.</summary>
    Keyevent = 1 << 1,

    /// <summary><c>g</c>: generic commands (<c>DEL</c>, <c>EXPIRE</c>, <c>RENAME</c>, ...).</summary>
    Generic = 1 << 2,

    /// <summary><c>$</c>: string commands.</summary>
    String = 1 << 3,

    /// <summary><c>l</c>.</summary>
    List = 1 << 4,

    /// <summary><c>s</c>.</summary>
    Set = 1 << 5,

    /// <summary><c>h</c>.</summary>
    Hash = 1 << 6,

    /// <summary><c>z</c>.</summary>
    SortedSet = 1 << 7,

    /// <summary><c>x</c>: a key's time ran out.</summary>
    Expired = 1 << 8,

    /// <summary><c>e</c>: evicted for maxmemory (never here: nothing is evicted).</summary>
    Evicted = 1 << 9,

    /// <summary><c>t</c>.</summary>
    Stream = 1 << 10,

    /// <summary><c>m</c>: a read missed; not part of <c>A</c>.</summary>
    KeyMiss = 1 << 11,

    /// <summary><c>d</c>: module events.</summary>
    Module = 1 << 13,

    /// <summary><c>n</c>: a key was created; not part of <c>A</c>.</summary>
    New = 1 << 14,

    /// <summary><c>A</c>: <c>g$lshzxetd</c>.</summary>
    All = Generic | String | List | Set | Hash | SortedSet | Expired | Evicted | Stream | Module,
}
