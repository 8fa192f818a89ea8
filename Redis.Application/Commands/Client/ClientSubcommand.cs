namespace Redis.Application.Commands.Client;

/// <summary>What <c>CLIENT</c> was asked.</summary>
public enum ClientSubcommand
{
    Id,
    GetName,
    SetName,
    Info,
    List,

    /// <summary><c>CLIENT KILL</c>, either form: the filters are in <see cref="ClientCommand.Kill"/>.</summary>
    Kill,

    /// <summary><c>CLIENT PAUSE timeout [WRITE|ALL]</c>.</summary>
    Pause,

    /// <summary><c>CLIENT UNPAUSE</c>.</summary>
    Unpause,

    /// <summary><c>CLIENT UNBLOCK id [TIMEOUT|ERROR]</c>.</summary>
    Unblock,

    /// <summary><c>CLIENT REPLY ON</c>.</summary>
    ReplyOn,

    /// <summary><c>CLIENT REPLY OFF</c>.</summary>
    ReplyOff,

    /// <summary><c>CLIENT REPLY SKIP</c>.</summary>
    ReplySkip,

    /// <summary><c>CLIENT NO-EVICT ON</c>.</summary>
    NoEvictOn,

    /// <summary><c>CLIENT NO-EVICT OFF</c>.</summary>
    NoEvictOff,

    /// <summary><c>CLIENT SETINFO LIB-NAME</c>.</summary>
    SetLibraryName,

    /// <summary><c>CLIENT SETINFO LIB-VER</c>.</summary>
    SetLibraryVersion,
    Help,
}
