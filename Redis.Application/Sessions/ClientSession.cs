using System.Diagnostics;
using Redis.Application.PubSub;
using Redis.Protocol;

namespace Redis.Application.Sessions;

/// <summary>What Redis keeps per connection (its <c>client</c> struct): identity, authentication, name, database, reply mode, flags.</summary>
/// <remarks>
/// <para>
/// The transport opens one through <see cref="ClientRegistry.Open"/> when it accepts a connection and closes it when the
/// connection ends; the router hands it to the binders of the commands that act on the connection (AUTH, HELLO,
/// CLIENT, SELECT), which put it in their request, so a handler sees the session of the request it answers and no
/// other. Nothing global stands for "the current connection".
/// </para>
/// <para>
/// Only the serving thread reads or writes a session, like the keyspace. This is also where per-connection state of
/// later features belongs: the protocol version, a transaction's queue, subscriptions. The socket and buffers stay
/// the transport's, seen through <see cref="Connection"/>.
/// </para>
/// </remarks>
public sealed class ClientSession
{
    private byte[]? _name;
    private byte[]? _libraryName;
    private byte[]? _libraryVersion;

    // Redis's CLIENT_REPLY_SKIP (this command's reply is dropped) and CLIENT_REPLY_SKIP_NEXT (the next one's is).
    private bool _skipReply;
    private bool _skipNextReply;
    private RespVersion _protocol = RespVersion.Resp2;

    internal ClientSession(long id, string? remoteAddress, string? localAddress, bool authenticated)
    {
        Id = id;
        RemoteAddress = remoteAddress;
        LocalAddress = localAddress;
        IsAuthenticated = authenticated;
    }

    /// <summary>Redis's <c>CLIENT_ID_AOF</c>: the id of the session a file is replayed on.</summary>
    public const long ReplayClientId = long.MaxValue;

    /// <summary>
    /// Redis's <c>createAOFClient</c>: a session on no connection, authenticated, listed nowhere, on which the commands
    /// of an append-only file run as they ran when logged.
    /// </summary>
    public static ClientSession ForReplay() => new(ReplayClientId, remoteAddress: null, localAddress: null, authenticated: true);

    /// <summary>The id of the session a script's commands run on.</summary>
    public const long ScriptClientId = long.MaxValue - 1;

    /// <summary>
    /// Redis's <c>lua_client</c>: a session on no connection, authenticated, listed nowhere, that may not block, on
    /// which the commands a script calls run, on the database of the script's caller.
    /// </summary>
    public static ClientSession ForScript() => new(ScriptClientId, remoteAddress: null, localAddress: null, authenticated: true);

    /// <summary>The client's id (<c>CLIENT ID</c>): 1 for the first connection of the server's run, then counting up.</summary>
    public long Id { get; }

    /// <summary>The peer's address and port (<c>addr</c> in <c>CLIENT INFO</c>); null when the transport cannot tell.</summary>
    public string? RemoteAddress { get; }

    /// <summary>The local address and port the client connected to (<c>laddr</c>); null when the transport cannot tell.</summary>
    public string? LocalAddress { get; }

    /// <summary>When the connection was accepted, on the <see cref="Stopwatch"/> clock.</summary>
    public long ConnectedAt { get; } = Stopwatch.GetTimestamp();

    /// <summary>Seconds since the connection was accepted (<c>age</c> in <c>CLIENT INFO</c>).</summary>
    public long AgeSeconds => (long)Stopwatch.GetElapsedTime(ConnectedAt).TotalSeconds;

    /// <summary>
    /// Redis's <c>c->authenticated</c>: true from the start when the default user has no password, otherwise once
    /// <c>AUTH</c> or <c>HELLO ... AUTH</c> succeeded on this connection. A failed attempt later does not undo it.
    /// </summary>
    public bool IsAuthenticated { get; private set; }

    /// <summary>The name of the last command the connection sent that the server knows (<c>cmd</c> in <c>CLIENT LIST</c>); null before the first.</summary>
    public string? LastCommand { get; set; }

    /// <summary>The database the connection has selected (<c>db</c> in <c>CLIENT INFO</c>).</summary>
    public int Database { get; set; }

    /// <summary>The name set with <c>CLIENT SETNAME</c> or <c>HELLO ... SETNAME</c>; null when none.</summary>
    public byte[]? Name
    {
        get => _name;
        set => _name = value is { Length: > 0 } ? value : null;
    }

    /// <summary><c>CLIENT SETINFO LIB-NAME</c>; null when none.</summary>
    public byte[]? LibraryName
    {
        get => _libraryName;
        set => _libraryName = value is { Length: > 0 } ? value : null;
    }

    /// <summary><c>CLIENT SETINFO LIB-VER</c>; null when none.</summary>
    public byte[]? LibraryVersion
    {
        get => _libraryVersion;
        set => _libraryVersion = value is { Length: > 0 } ? value : null;
    }

    /// <summary>
    /// The transport's connection behind the session, attached at accept: its socket and buffers for <c>CLIENT LIST</c>
    /// and the way <c>CLIENT KILL</c> closes it. Null where no transport attached one (unit tests).
    /// </summary>
    public IClientConnection? Connection { get; set; }

    /// <summary><c>CLIENT NO-EVICT ON</c> (flag <c>e</c>): Redis's <c>CLIENT_NO_EVICT</c>.</summary>
    public bool NoEvict { get; set; }

    /// <summary>
    /// Redis's <c>CLIENT_MONITOR</c> (flag <c>O</c>): the connection ran <c>MONITOR</c> and receives a line for every
    /// command run; set by <see cref="ClientRegistry.AddMonitor"/>, for as long as the connection lasts.
    /// </summary>
    public bool IsMonitor { get; internal set; }

    /// <summary>Redis's <c>CLIENT_SLAVE</c> (flag <c>S</c>): a replica that ran <c>PSYNC</c> or <c>SYNC</c> and now receives the replication stream.</summary>
    public bool IsReplica { get; set; }

    /// <summary>Redis's <c>CLIENT_MASTER</c> (flag <c>M</c>): the link to this server's master, whose commands apply without replies.</summary>
    public bool IsMaster { get; set; }

    /// <summary>The port a replica said it listens on (<c>REPLCONF listening-port</c>), 0 before it did.</summary>
    public int ReplicaListeningPort { get; set; }

    /// <summary>The address a replica announced (<c>REPLCONF ip-address</c>), null when it did not.</summary>
    public string? ReplicaAnnouncedAddress { get; set; }

    /// <summary><c>REPLCONF capa psync2</c>: the replica understands <c>+CONTINUE</c> with the master's replication id.</summary>
    public bool ReplicaSupportsPsync2 { get; set; }

    /// <summary>
    /// Redis's <c>CLIENT_CLOSE_AFTER_REPLY</c> (flag <c>c</c>): set when <c>CLIENT KILL</c> named this connection itself;
    /// the transport closes it once the reply is queued and runs nothing it sent after.
    /// </summary>
    public bool CloseAfterReply { get; set; }

    /// <summary>Why <see cref="CloseAfterReply"/> was set, for the transport's log; null for <c>CLIENT KILL</c>.</summary>
    public string? CloseReason { get; set; }

    /// <summary>
    /// True while the connection's next command waits for a <c>CLIENT PAUSE</c> to end (Redis's <c>BLOCKED_POSTPONE</c>:
    /// flag <c>b</c>, counted in <c>blocked_clients</c>). The command stays unread in the transport's input buffer, so
    /// it and everything after it run in order once the pause ends.
    /// </summary>
    public bool IsPostponed { get; set; }

    /// <summary>
    /// What a blocking command holds this connection for (Redis's <c>CLIENT_BLOCKED</c>, flag <c>b</c>, counted in
    /// <c>blocked_clients</c>), set and cleared by <see cref="BlockedClients"/>; null when it does not wait.
    /// </summary>
    public BlockState? Block { get; internal set; }

    /// <summary>
    /// Whether a blocking command may hold this connection: true on the event loop, where other connections can give
    /// it what it waits for. The one-client transport leaves it false (nobody else could push), so a blocking command
    /// answers at once as it does inside <c>MULTI</c>.
    /// </summary>
    public bool MayBlock { get; set; }

    /// <summary><c>CLIENT REPLY OFF</c>: no reply is sent until <c>CLIENT REPLY ON</c>.</summary>
    public bool RepliesOff { get; private set; }

    /// <summary>
    /// The protocol the connection speaks (Redis's <c>c->resp</c>): RESP2 until <c>HELLO 3</c>. The transport encodes
    /// each reply in it, so the reply of the <c>HELLO</c> that switches is already in the new protocol.
    /// </summary>
    public RespVersion Protocol
    {
        get => _protocol;
        set
        {
            _protocol = value;
            InSubscriberMode = IsSubscriber && value == RespVersion.Resp2;
        }
    }

    /// <summary>
    /// Redis's <c>CLIENT_PUBSUB</c> (flag <c>P</c>): the connection is subscribed to at least one channel, pattern or
    /// shard channel, so it is of the <c>pubsub</c> class for <c>client-output-buffer-limit</c> and <c>CLIENT LIST TYPE</c>.
    /// </summary>
    public bool IsSubscriber { get; private set; }

    /// <summary>
    /// A RESP2 subscriber: only (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PING, QUIT and RESET may run (Redis's
    /// <c>processCommand</c>). Kept as one field so the router's check costs one test per command.
    /// </summary>
    public bool InSubscriberMode { get; private set; }

    /// <summary><c>sub</c> in <c>CLIENT LIST</c>: channels subscribed to.</summary>
    public int ChannelSubscriptionCount => Subscriptions?.Channels.Count ?? 0;

    /// <summary><c>psub</c> in <c>CLIENT LIST</c>: patterns subscribed to.</summary>
    public int PatternSubscriptionCount => Subscriptions?.Patterns.Count ?? 0;

    /// <summary><c>ssub</c> in <c>CLIENT LIST</c>: shard channels subscribed to.</summary>
    public int ShardChannelSubscriptionCount => Subscriptions?.ShardChannels.Count ?? 0;

    /// <summary>The connection's subscriptions; null until the first one. Only <see cref="PubSubRegistry"/> changes them.</summary>
    internal ClientSubscriptions? Subscriptions { get; set; }

    /// <summary>The connection's <c>MULTI</c>/<c>EXEC</c> queue and <c>WATCH</c>ed keys.</summary>
    public TransactionState Transaction { get; } = new();

    /// <summary>Where the registry holds this session while it is open; null once closed.</summary>
    internal LinkedListNode<ClientSession>? Node { get; set; }

    /// <summary><c>CLIENT REPLY ON</c>: replies are sent again, from this command's <c>+OK</c> on.</summary>
    public void ReplyOn() => RepliesOff = _skipReply = _skipNextReply = false;

    /// <summary><c>CLIENT REPLY OFF</c>: this command's reply and every later one are dropped.</summary>
    public void ReplyOff() => RepliesOff = true;

    /// <summary>
    /// <c>CLIENT REPLY SKIP</c>: Redis answers it with nothing and drops the next command's reply (unless replies are
    /// off already, when there is nothing more to drop).
    /// </summary>
    public void ReplySkip()
    {
        _skipReply = true;
        _skipNextReply |= !RepliesOff;
    }

    /// <summary>
    /// Called by the transport once per command, after it ran: true when its reply is to be sent. Moves the skip of
    /// <c>CLIENT REPLY SKIP</c> on to the next command, as Redis's <c>commandProcessed</c> does.
    /// </summary>
    public bool CompleteReply()
    {
        var send = !(RepliesOff || _skipReply);
        _skipReply = _skipNextReply;
        _skipNextReply = false;
        return send;
    }

    /// <summary>Sets or clears <see cref="IsSubscriber"/>, as Redis sets and clears <c>CLIENT_PUBSUB</c>.</summary>
    internal void SetSubscriber(bool subscribed)
    {
        IsSubscriber = subscribed;
        InSubscriberMode = subscribed && _protocol == RespVersion.Resp2;
    }

    /// <summary>
    /// Redis's <c>clearClientConnectionState</c> (<c>RESET</c>): discards <c>MULTI</c> and the watches, selects database 0,
    /// goes back to RESP2, turns replies on (<c>CLIENT REPLY OFF</c> and a pending <c>SKIP</c>), drops the name, and
    /// authenticates again only if the default user needs no password. The subscriptions are the registry's to drop
    /// (<c>RESET</c>'s handler does, first).
    /// </summary>
    public void Reset(bool passwordRequired)
    {
        Transaction.Discard();
        Database = 0;
        Protocol = RespVersion.Resp2;
        IsAuthenticated = !passwordRequired;
        _name = null;

        // CLIENT_REPLY_OFF and CLIENT_REPLY_SKIP_NEXT; a SKIP already moved onto this command still drops its reply.
        RepliesOff = false;
        _skipNextReply = false;
    }

    /// <summary>Drops the reply of the command running now, and only that one (<c>SHUTDOWN</c> closes without a reply).</summary>
    public void DropReply() => _skipReply = true;

    /// <summary>Marks the connection authenticated, once credentials were checked.</summary>
    public void Authenticate() => IsAuthenticated = true;

    /// <summary>
    /// True when every byte is printable ASCII other than space, Redis's rule for client names and library
    /// attributes (<c>validateClientName</c>), so that <c>CLIENT LIST</c> stays one parsable line per client.
    /// </summary>
    public static bool IsValidAttribute(ReadOnlySpan<byte> value)
    {
        foreach (var c in value)
        {
            if (c is < (byte)'!' or > (byte)'~')
            {
                return false;
            }
        }

        return true;
    }
}
