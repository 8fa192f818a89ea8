using System.Globalization;
using System.Text;
using Redis.Protocol;

namespace Redis.Application.Replies;

/// <summary>Every error text the server sends, worded exactly as Redis 7 words it.</summary>
/// <remarks>
/// One file, so a reviewer can compare them with Redis's <c>server.c</c> and <c>shared</c> objects at a glance.
/// Fixed texts are cached replies; formatted ones are small factories. Any user bytes put into a message pass
/// through <see cref="Sanitize"/>, because a CR or LF inside an error would break the RESP framing.
/// </remarks>
public static class Errors
{
    public static Reply Syntax { get; } = Reply.Error("ERR syntax error");

    /// <summary>Redis's <c>shared.wrongtypeerr</c>: a command of one type used on a key holding another.</summary>
    public static Reply WrongType { get; } = Reply.Error("WRONGTYPE Operation against a key holding the wrong kind of value");

    /// <summary>Redis's <c>configRewriteCommand</c> when the server was started without a config file.</summary>
    public static Reply NoConfigFile { get; } = Reply.Error("ERR The server is running without a config file");

    /// <summary><c>SLOWLOG GET</c>'s count, not a number or below -1.</summary>
    public static Reply SlowlogCount { get; } = Reply.Error("ERR count should be greater than or equal to -1");

    /// <summary><c>OBJECT FREQ</c> under a maxmemory-policy that is not LFU (Redis's <c>objectCommand</c>).</summary>
    /// <summary>Redis's <c>OBJECT IDLETIME</c> under an LFU policy.</summary>
    public static Reply LfuPolicy { get; } = Reply.Error(
        "ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.");

    public static Reply NoLfuPolicy { get; } = Reply.Error(
        "ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.");

    // DUMP and RESTORE (cluster.c's restoreCommand).

    /// <summary>Redis's <c>shared.busykeyerr</c>: <c>RESTORE</c> without <c>REPLACE</c> onto a live key.</summary>
    public static Reply BusyKey { get; } = Reply.Error("BUSYKEY Target key name already exists.");

    public static Reply InvalidRestoreTtl { get; } = Reply.Error("ERR Invalid TTL value, must be >= 0");

    public static Reply InvalidIdleTime { get; } = Reply.Error("ERR Invalid IDLETIME value, must be >= 0");

    public static Reply InvalidFrequency { get; } = Reply.Error("ERR Invalid FREQ value, must be >= 0 and <= 255");

    // Redis Cluster (cluster.c: clusterCommand, getNodeByQuery, clusterRedirectClient).

    /// <summary>Every cluster command, and <c>READONLY</c>, <c>READWRITE</c>, <c>ASKING</c>, without <c>cluster-enabled yes</c>.</summary>
    public static Reply ClusterDisabled { get; } = Reply.Error("ERR This instance has cluster support disabled");

    /// <summary><c>SELECT</c> of a database other than 0 on a cluster node.</summary>
    public static Reply SelectInClusterMode { get; } = Reply.Error("ERR SELECT is not allowed in cluster mode");

    /// <summary>Redis's <c>getSlotOrReply</c>.</summary>
    public static Reply InvalidSlot { get; } = Reply.Error("ERR Invalid or out of range slot");

    /// <summary><c>CLUSTER COUNTKEYSINSLOT</c> of a slot out of range.</summary>
    public static Reply InvalidSlotNumber { get; } = Reply.Error("ERR Invalid slot");

    /// <summary><c>CLUSTER GETKEYSINSLOT</c> of a slot out of range or a negative count.</summary>
    public static Reply InvalidSlotOrCount { get; } = Reply.Error("ERR Invalid slot or number of keys");

    public static Reply ClusterResetWithKeys { get; } = Reply.Error("ERR CLUSTER RESET can't be called with master nodes containing keys");

    public static Reply FlushSlotsWithKeys { get; } = Reply.Error("ERR DB must be empty to perform CLUSTER FLUSHSLOTS.");

    /// <summary>Redis's <c>CLUSTER_REDIR_CROSS_SLOT</c>.</summary>
    public static Reply CrossSlot { get; } = Reply.Error("CROSSSLOT Keys in request don't hash to the same slot");

    /// <summary>Redis's <c>CLUSTER_REDIR_DOWN_UNBOUND</c>: no node serves the key's slot.</summary>
    public static Reply SlotNotServed { get; } = Reply.Error("CLUSTERDOWN Hash slot not served");

    /// <summary>Redis's <c>CLUSTER_REDIR_DOWN_STATE</c>.</summary>
    public static Reply ClusterDown { get; } = Reply.Error("CLUSTERDOWN The cluster is down");

    /// <summary>Redis's <c>CLUSTER_REDIR_DOWN_RO_STATE</c>: a write while down with <c>cluster-allow-reads-when-down</c>.</summary>
    public static Reply ClusterDownReadOnly { get; } = Reply.Error("CLUSTERDOWN The cluster is down and only accepts read commands");

    /// <summary>Redis's <c>scriptVerifyClusterState</c>: a script's call to a key of another node, of no node, or of two slots.</summary>
    public static Reply ScriptNonLocalKey { get; } = Reply.Error("ERR Script attempted to access a non local key in a cluster node");

    /// <summary>Redis's <c>scriptVerifyClusterState</c>: a script's call to a key of another slot than its earlier keys'.</summary>
    public static Reply ScriptCrossSlot { get; } = Reply.Error("ERR Script attempted to access keys that do not hash to the same slot");

    public static Reply ScriptClusterDown { get; } = Reply.Error("ERR Script attempted to execute a command while the cluster is down");

    public static Reply ScriptClusterDownReadOnly { get; } = Reply.Error("ERR Script attempted to execute a write command while the cluster is down and readonly");

    /// <summary>Redis's <c>-MOVED slot ip:port</c>: another node serves the slot.</summary>
    public static Reply Moved(int slot, string ip, int port) => Reply.Error(string.Create(CultureInfo.InvariantCulture, $"MOVED {slot} {ip}:{port}"));

    public static Reply SlotBusy(int slot) => Reply.Error(string.Create(CultureInfo.InvariantCulture, $"ERR Slot {slot} is already busy"));

    public static Reply SlotUnassigned(int slot) => Reply.Error(string.Create(CultureInfo.InvariantCulture, $"ERR Slot {slot} is already unassigned"));

    public static Reply SlotRepeated(int slot) => Reply.Error(string.Create(CultureInfo.InvariantCulture, $"ERR Slot {slot} specified multiple times"));

    public static Reply SlotRangeReversed(int start, int end) =>
        Reply.Error(string.Create(CultureInfo.InvariantCulture, $"ERR start slot number {start} is greater than end slot number {end}"));

    public static Reply UnknownNode(ReadOnlySpan<byte> id) => Reply.Error("ERR Unknown node " + OneLine(Encoding.UTF8.GetString(id)));

    public static Reply InvalidConfigEpoch(long epoch) => Reply.Error(string.Create(CultureInfo.InvariantCulture, $"ERR Invalid config epoch specified: {epoch}"));

    public static Reply InvalidBasePort(ReadOnlySpan<byte> port) => Reply.Error("ERR Invalid TCP base port specified: " + OneLine(Encoding.UTF8.GetString(port)));

    public static Reply InvalidBusPort(ReadOnlySpan<byte> port) => Reply.Error("ERR Invalid TCP bus port specified: " + OneLine(Encoding.UTF8.GetString(port)));

    public static Reply InvalidNodeAddress(ReadOnlySpan<byte> ip, ReadOnlySpan<byte> port) =>
        Reply.Error($"ERR Invalid node address specified: {OneLine(Encoding.UTF8.GetString(ip))}:{OneLine(Encoding.UTF8.GetString(port))}");

    /// <summary>An error of the cluster's state whose text <see cref="Application.Cluster.ClusterState"/> gives, with Redis's <c>ERR</c> prefix.</summary>
    public static Reply ClusterError(string text) => Reply.Error("ERR " + text);

    public static Reply DumpPayloadWrong { get; } = Reply.Error("ERR DUMP payload version or checksum are wrong");

    public static Reply BadDataFormat { get; } = Reply.Error("ERR Bad data format");

    /// <summary>Redis's <c>shared.err</c>: a failure whose cause went to the log (<c>SAVE</c>, <c>BGSAVE</c> when the file cannot be written).</summary>
    public static Reply Failed { get; } = Reply.Error("ERR");

    /// <summary><c>SAVE</c> or <c>BGSAVE</c> while a background save runs.</summary>
    public static Reply BackgroundSaveInProgress { get; } = Reply.Error("ERR Background save already in progress");

    /// <summary><c>BGSAVE</c> without <c>SCHEDULE</c> while an append-only rewrite runs (Redis's <c>bgsaveCommand</c>).</summary>
    public static Reply OtherChildActive { get; } = Reply.Error(
        "ERR Another child process is active (AOF?): can't BGSAVE right now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");

    /// <summary><c>BGREWRITEAOF</c> while one runs (Redis's <c>bgrewriteaofCommand</c>).</summary>
    public static Reply RewriteInProgress { get; } = Reply.Error("ERR Background append only file rewriting already in progress");

    /// <summary><c>BGREWRITEAOF</c> that could not start; the cause is logged (Redis's <c>bgrewriteaofCommand</c>).</summary>
    public static Reply RewriteFailed { get; } = Reply.Error("ERR Can't execute an AOF background rewriting. Please check the server logs for more information.");

    /// <summary>Redis's <c>shared.bgsaveerr</c>: a write (or <c>PING</c>) while the last background save failed and <c>stop-writes-on-bgsave-error</c> is on.</summary>
    public static Reply WritesDeniedBySaveError { get; } = Reply.Error(
        "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.");

    /// <summary>Redis's <c>writeCommandsGetDiskErrorMessage</c> for the append-only file: a write while its last write failed, with the system's reason.</summary>
    public static Reply AppendOnlyWriteFailed(string reason) => Reply.Error("MISCONF Errors writing to the AOF file: " + reason);

    /// <summary><c>SHUTDOWN ABORT</c> with no shutdown waiting (Redis's <c>abortShutdown</c> failing).</summary>
    public static Reply NoShutdownInProgress { get; } = Reply.Error("ERR No shutdown in progress.");

    /// <summary><c>prepareForShutdown</c> when the final save fails and <c>FORCE</c> was not given.</summary>
    public static Reply ShutdownFailed { get; } = Reply.Error("ERR Errors trying to SHUTDOWN. Check logs.");

    /// <summary>Redis's <c>processCommand</c> for a command flagged <c>no_multi</c> sent inside <c>MULTI</c>.</summary>
    public static Reply NotAllowedInMulti { get; } = Reply.Error("ERR Command not allowed inside a transaction");

    /// <summary><c>COMMAND GETKEYS</c> of a command the table lacks.</summary>
    public static Reply InvalidCommandSpecified { get; } = Reply.Error("ERR Invalid command specified");

    /// <summary><c>COMMAND GETKEYS</c> of a command that takes no key.</summary>
    public static Reply NoKeyArguments { get; } = Reply.Error("ERR The command has no key arguments");

    /// <summary><c>COMMAND GETKEYS</c> of a command given a word count its arity refuses.</summary>
    public static Reply InvalidArgumentCount { get; } = Reply.Error("ERR Invalid number of arguments specified for command");

    /// <summary><c>COMMAND GETKEYS</c> when the key positions find no key in the words given.</summary>
    public static Reply InvalidArgumentsForCommand { get; } = Reply.Error("ERR Invalid arguments specified for command");

    public static Reply NotAnInteger { get; } = Reply.Error("ERR value is not an integer or out of range");

    /// <summary>Redis's <c>addReplyErrorArity</c>.</summary>
    public static Reply WrongArity(string command) =>
        Reply.Error($"ERR wrong number of arguments for '{command}' command");

    /// <summary>Redis's <c>addReplyErrorExpireTime</c>.</summary>
    public static string InvalidExpireTime(string command) => $"ERR invalid expire time in '{command}' command";

    /// <summary>Redis's <c>processCommand</c> text for a name it does not know, listing up to 128 bytes of arguments.</summary>
    public static Reply UnknownCommand(ReadOnlySpan<byte> name, IReadOnlyList<byte[]> args)
    {
        var argText = new StringBuilder();
        foreach (var arg in args)
        {
            if (argText.Length >= 128)
            {
                break;
            }

            // Redis's "'%.*s' " with precision 128 - sdslen(args): the budget is taken before the opening quote.
            var budget = 128 - argText.Length;
            argText.Append('\'').Append(Sanitize(arg, budget)).Append("' ");
        }

        return Reply.Error($"ERR unknown command '{Sanitize(name, 128)}', with args beginning with: {argText}");
    }

    /// <summary>Redis's <c>addReplySubcommandSyntaxError</c>.</summary>
    public static Reply UnknownSubcommand(ReadOnlySpan<byte> subcommand, string command) =>
        Reply.Error($"ERR unknown subcommand '{Sanitize(subcommand, 128)}'. Try {command.ToUpperInvariant()} HELP.");

    /// <summary>
    /// Redis's <c>addReplySubcommandSyntaxError</c>: a known subcommand with an argument count its container's code
    /// refuses though the table's arity allowed it (<c>CLIENT PAUSE 1 ALL x</c>).
    /// </summary>
    public static Reply SubcommandSyntax(ReadOnlySpan<byte> subcommand, ReadOnlySpan<byte> command) =>
        Reply.Error($"ERR unknown subcommand or wrong number of arguments for '{Sanitize(subcommand, 128)}'. Try {Sanitize(command, command.Length).ToUpperInvariant()} HELP.");

    /// <summary>Redis's <c>parseExtendedExpireArgumentsOrReply</c> text, which quotes the whole option (no 128-byte cut).</summary>
    public static Reply UnsupportedOption(ReadOnlySpan<byte> option) =>
        Reply.Error($"ERR Unsupported option {Sanitize(option, option.Length)}");

    public static Reply ExpireNxConflict { get; } =
        Reply.Error("ERR NX and XX, GT or LT options at the same time are not compatible");

    public static Reply ExpireGtLtConflict { get; } =
        Reply.Error("ERR GT and LT options at the same time are not compatible");

    public static Reply NotAFloat { get; } = Reply.Error("ERR value is not a valid float");

    /// <summary>Redis's <c>getIntFromObjectOrReply</c> for a number that does not fit in a C <c>int</c>.</summary>
    public static Reply NotAnInt32 { get; } =
        Reply.Error("ERR value is out of range, value must between -2147483648 and 2147483647");

    public static Reply IncrementOverflow { get; } = Reply.Error("ERR increment or decrement would overflow");

    /// <summary><c>DECRBY key -9223372036854775808</c>: the decrement cannot be negated.</summary>
    public static Reply DecrementOverflow { get; } = Reply.Error("ERR decrement would overflow");

    public static Reply FloatOverflow { get; } = Reply.Error("ERR increment would produce NaN or Infinity");

    /// <summary>Redis's <c>checkStringLength</c>: a value would outgrow <c>proto-max-bulk-len</c>.</summary>
    public static Reply StringTooLong { get; } =
        Reply.Error("ERR string exceeds maximum allowed size (proto-max-bulk-len)");

    /// <summary><c>SETRANGE</c> with a negative offset: a validator's message, so a text rather than a reply.</summary>
    public const string OffsetOutOfRange = "ERR offset is out of range";

    public static Reply NoSuchKey { get; } = Reply.Error("ERR no such key");

    public static Reply InvalidCursor { get; } = Reply.Error("ERR invalid cursor");

    /// <summary>Redis's <c>multiCommand</c> inside a transaction; unlike a refused command, it does not fail the transaction.</summary>
    public static Reply NestedMulti { get; } = Reply.Error("ERR MULTI calls can not be nested");

    /// <summary>Redis's <c>monitorCommand</c> for a client that expects one reply per command (inside <c>EXEC</c>).</summary>
    public static Reply MonitorDenyBlocking { get; } = Reply.Error("ERR MONITOR isn't allowed for DENY BLOCKING client");

    /// <summary>Redis's <c>processCommand</c> refusing a read or write command from a monitor, which Redis marks as a replica.</summary>
    public static Reply ReplicaKeyspace { get; } = Reply.Error("ERR Replica can't interact with the keyspace");

    public static Reply ExecWithoutMulti { get; } = Reply.Error("ERR EXEC without MULTI");

    public static Reply DiscardWithoutMulti { get; } = Reply.Error("ERR DISCARD without MULTI");

    /// <summary>Redis's <c>watchCommand</c> inside a transaction; it does not fail the transaction either.</summary>
    public static Reply WatchInsideMulti { get; } = Reply.Error("ERR WATCH inside MULTI is not allowed");

    /// <summary>
    /// What a RESP2 subscriber gets for any other command (Redis's <c>processCommand</c>); <paramref name="command"/> is
    /// the full name, <c>client|list</c> for a subcommand.
    /// </summary>
    public static Reply SubscriberMode(string command) => Reply.Error(
        $"ERR Can't execute '{command}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");

    /// <summary>What <c>SSUBSCRIBE</c> answers inside <c>MULTI</c>, where Redis denies blocking (SUBSCRIBE and PSUBSCRIBE are exempt there).</summary>
    public static Reply SubscribeDeniedBlocking(string command) =>
        Reply.Error($"ERR {command} isn't allowed for a DENY BLOCKING client");

    /// <summary>Redis's <c>shared.execaborterr</c>: <c>EXEC</c> after a command was refused while queueing.</summary>
    public static Reply ExecAbort { get; } = Reply.Error("EXECABORT Transaction discarded because of previous errors.");

    /// <summary>
    /// Redis's <c>execCommandAbort</c>: <c>EXEC</c> itself refused (arity, authentication). Redis keeps the texts of
    /// its own checks without the <c>ERR</c> code that sending adds (the arity error) and its shared errors with
    /// theirs (<c>NOAUTH</c>), so <c>ERR</c> is dropped and any other code kept.
    /// </summary>
    public static Reply ExecAbortBecause(Reply error)
    {
        var text = Encoding.UTF8.GetString(error.Bytes);
        return Reply.Error("EXECABORT Transaction discarded because of: " + (text.StartsWith("ERR ", StringComparison.Ordinal) ? text[4..] : text));
    }

    /// <summary>Redis's <c>selectDb</c> failing: <c>SELECT</c> with a database this server does not have.</summary>
    public static Reply DbIndexOutOfRange { get; } = Reply.Error("ERR DB index is out of range");

    /// <summary><c>SWAPDB</c>'s first index is not an integer that fits a C <c>int</c> (<c>swapdbCommand</c>).</summary>
    public static Reply InvalidFirstDbIndex { get; } = Reply.Error("ERR invalid first DB index");

    /// <summary><c>SWAPDB</c>'s second index is not an integer that fits a C <c>int</c>.</summary>
    public static Reply InvalidSecondDbIndex { get; } = Reply.Error("ERR invalid second DB index");

    /// <summary>Redis's <c>shared.sameobjecterr</c>: <c>MOVE</c> to the database the key is in.</summary>
    public static Reply SameObject { get; } = Reply.Error("ERR source and destination objects are the same");

    /// <summary><c>HELLO</c> with a protocol version this server does not speak.</summary>
    public static Reply NoProto { get; } = Reply.Error("NOPROTO unsupported protocol version");

    public static Reply HelloProtocolNotAnInteger { get; } =
        Reply.Error("ERR Protocol version is not an integer or out of range");

    public static Reply HelloSyntax(ReadOnlySpan<byte> option) =>
        Reply.Error($"ERR Syntax error in HELLO option '{Sanitize(option, 128)}'");

    /// <summary>Redis's <c>addAuthErrReply</c>: the text is the same whether the user or the password was wrong.</summary>
    public static Reply WrongPass { get; } =
        Reply.Error("WRONGPASS invalid username-password pair or user is disabled.");

    /// <summary>
    /// Redis's <c>shared.noautherr</c>: <c>requirepass</c> is set and the connection has not authenticated; every
    /// command but those flagged <c>no_auth</c> gets it, after the name and arity checks.
    /// </summary>
    public static Reply NoAuth { get; } = Reply.Error("NOAUTH Authentication required.");

    /// <summary>Redis's <c>shared.oomerr</c>: a <c>denyoom</c> command while used memory is over <c>maxmemory</c> and nothing can be evicted.</summary>
    public static Reply OutOfMemory { get; } = Reply.Error("OOM command not allowed when used memory > 'maxmemory'.");

    /// <summary>Redis 7.0's <c>helloCommand</c> when, after its options, the connection is still not authenticated.</summary>
    public static Reply HelloNoAuth { get; } = Reply.Error(
        "NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> " +
        "option can be used to authenticate the client and select the RESP protocol version at the same time");

    /// <summary>Redis's <c>authCommand</c>: the one-argument form while the default user has no password.</summary>
    public static Reply AuthWithoutPassword { get; } = Reply.Error(
        "ERR AUTH <password> called without any password configured for the default user. " +
        "Are you sure your configuration is correct?");

    /// <summary>Redis's <c>validateClientName</c>.</summary>
    public static Reply InvalidClientName { get; } =
        Reply.Error("ERR Client names cannot contain spaces, newlines or special characters.");

    /// <summary><c>CLIENT LIST TYPE</c> or <c>CLIENT KILL TYPE</c> with a name <c>getClientTypeByName</c> does not know.</summary>
    public static Reply UnknownClientType(ReadOnlySpan<byte> type) =>
        Reply.Error($"ERR Unknown client type '{Sanitize(type, type.Length)}'");

    /// <summary><c>CLIENT LIST ID</c> with an id that is not an integer.</summary>
    public static Reply InvalidClientId { get; } = Reply.Error("ERR Invalid client ID");

    /// <summary><c>CLIENT KILL ID</c> with an id below 1 or not an integer (<c>getRangeLongFromObjectOrReply</c>).</summary>
    public static Reply ClientIdNotPositive { get; } = Reply.Error("ERR client-id should be greater than 0");

    /// <summary><c>CLIENT KILL USER</c> naming a user that does not exist (<c>ACLGetUserByName</c>).</summary>
    public static Reply NoSuchUser(ReadOnlySpan<byte> user) => Reply.Error($"ERR No such user '{Sanitize(user, user.Length)}'");

    /// <summary>The old form <c>CLIENT KILL ip:port</c> when no connection has that address.</summary>
    public static Reply NoSuchClient { get; } = Reply.Error("ERR No such client");

    /// <summary><c>CLIENT PAUSE</c>'s third argument other than <c>WRITE</c> or <c>ALL</c>.</summary>
    public static Reply ClientPauseMode { get; } = Reply.Error("ERR CLIENT PAUSE mode must be WRITE or ALL");

    /// <summary><c>getTimeoutFromObjectOrReply</c> in milliseconds, for a timeout that is not an integer.</summary>
    public static Reply TimeoutNotAnInteger { get; } = Reply.Error("ERR timeout is not an integer or out of range");

    /// <summary><c>getTimeoutFromObjectOrReply</c> for a timeout below 0.</summary>
    public static Reply TimeoutNegative { get; } = Reply.Error("ERR timeout is negative");

    /// <summary><c>REPLICAOF</c>'s port, read with <c>getRangeLongFromObjectOrReply(0, 65535)</c>.</summary>
    public static Reply InvalidMasterPort { get; } = Reply.Error("ERR Invalid master port");

    /// <summary><c>REPLICAOF</c> with <c>cluster-enabled yes</c>.</summary>
    public static Reply ReplicaOfInClusterMode { get; } = Reply.Error("ERR REPLICAOF not allowed in cluster mode.");

    /// <summary><c>REPLICAOF host port</c> sent by a replica's own connection.</summary>
    public static Reply ReplicaCannotReplicaOf { get; } = Reply.Error("ERR Command is not valid when client is a replica.");

    /// <summary><c>SYNC</c>/<c>PSYNC</c> to a replica whose own link to its master is not up.</summary>
    public static Reply CannotSyncWithoutMaster { get; } = Reply.Error("NOMASTERLINK Can't SYNC while not connected with my master");

    /// <summary>
    /// Replication keeps a connection to a replica or to the master open beside the clients, which the one-client
    /// transport cannot serve (ADR 0037).
    /// </summary>
    public static Reply ReplicationNeedsEventLoop { get; } = Reply.Error("ERR replication needs the event-loop transport (start the server with --io-model event-loop)");

    /// <summary><c>WAIT</c> on a replica.</summary>
    public static Reply WaitOnReplica { get; } = Reply.Error(
        "ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to replicas are just local and are not propagated.");

    /// <summary>A write sent to a read-only replica by anyone but its master (Redis's <c>shared.roslaveerr</c>).</summary>
    public static Reply ReadOnlyReplica { get; } = Reply.Error("READONLY You can't write against a read only replica.");

    /// <summary><c>REPLCONF</c> with an option Redis does not know.</summary>
    public static Reply UnrecognizedReplConfOption(ReadOnlySpan<byte> option) =>
        Reply.Error("ERR Unrecognized REPLCONF option: " + System.Text.Encoding.UTF8.GetString(option));

    /// <summary><c>REPLCONF ip-address</c> longer than Redis's <c>NET_HOST_STR_LEN</c>.</summary>
    public static Reply ReplicaAddressTooLong(int length) =>
        Reply.Error("ERR REPLCONF ip-address provided by replica instance is too long: " + length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes");


    /// <summary><c>CLIENT SETINFO</c> with an attribute other than <c>LIB-NAME</c> or <c>LIB-VER</c> (Redis 7.2).</summary>
    public static Reply UnrecognizedOption(ReadOnlySpan<byte> option) =>
        Reply.Error($"ERR Unrecognized option '{Sanitize(option, 128)}'");

    /// <summary><c>CLIENT SETINFO</c> with a value outside printable ASCII (Redis 7.2's <c>validateClientAttr</c>).</summary>
    public static Reply InvalidClientAttribute(ReadOnlySpan<byte> attribute) =>
        Reply.Error($"ERR {Sanitize(attribute, 128)} cannot contain spaces, newlines or special characters.");

    /// <summary>
    /// A fault (an exception, a bug) while one command ran: that command gets this, the connection and the server go on
    /// (ADR 0008). Redis has no counterpart; it stops on a failed assertion.
    /// </summary>
    public static Reply InternalError { get; } = Reply.Error("ERR internal error while running the command; see the server log");

    /// <summary>The text after <c>-ERR Protocol error: </c>; the connection is closed after it.</summary>
    public static string Protocol(string detail) => "ERR Protocol error: " + detail;

    /// <summary>Redis's protected-mode refusal, sent to a non-loopback client when no password is set; the connection is then closed.</summary>
    public static Reply ProtectedModeDenied { get; } = Reply.Error(
        "DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. " +
        "In this mode connections are only accepted from the loopback interface. " +
        "If you want to connect from external computers to Redis you may adopt one of the following solutions: " +
        "1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. " +
        "2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to 'no', and then restarting the server. " +
        "3) If you started the server manually just for testing, restart it with the '--protected-mode no' option. " +
        "4) Setup a an authentication password for the default user. " +
        "NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.");

    /// <summary>A blocking command's timeout that is not a number (<c>getTimeoutFromObjectOrReply</c>).</summary>
    public static Reply TimeoutNotAFloat { get; } = Reply.Error("ERR timeout is not a float or out of range");

    /// <summary>What a blocked client gets from <c>CLIENT UNBLOCK id ERROR</c>.</summary>
    public static Reply Unblocked { get; } = Reply.Error("UNBLOCKED client unblocked via CLIENT UNBLOCK");

    /// <summary><c>CLIENT UNBLOCK</c>'s third argument neither <c>TIMEOUT</c> nor <c>ERROR</c>.</summary>
    public static Reply UnblockReason { get; } = Reply.Error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");

    /// <summary>Sent to a connection over <c>maxclients</c>, which is then closed (Redis's <c>acceptCommonHandler</c>).</summary>
    public static Reply MaxClientsReached { get; } = Reply.Error("ERR max number of clients reached");

    // Sorted sets (t_zset.c).

    /// <summary><c>ZADD</c> with both <c>XX</c> and <c>NX</c>.</summary>
    public static Reply ZAddXxAndNx { get; } = Reply.Error("ERR XX and NX options at the same time are not compatible");

    /// <summary><c>ZADD</c> with <c>GT</c>, <c>LT</c> and <c>NX</c> combined.</summary>
    public static Reply ZAddGtLtNx { get; } = Reply.Error("ERR GT, LT, and/or NX options at the same time are not compatible");

    /// <summary><c>ZADD INCR</c> with more than one pair.</summary>
    public static Reply ZAddIncrSinglePair { get; } = Reply.Error("ERR INCR option supports a single increment-element pair");

    /// <summary>An increment that makes a score NaN (<c>inf</c> plus <c>-inf</c>).</summary>
    public static Reply ZScoreNaN { get; } = Reply.Error("ERR resulting score is not a number (NaN)");

    /// <summary>A score range bound that is not a number (<c>zslParseRange</c>).</summary>
    public static Reply ZMinMaxNotFloat { get; } = Reply.Error("ERR min or max is not a float");

    /// <summary>A lexicographic range bound not starting with <c>[</c> or <c>(</c>, nor <c>-</c> or <c>+</c>.</summary>
    public static Reply ZMinMaxNotLex { get; } = Reply.Error("ERR min or max not valid string range item");

    /// <summary><c>ZRANGE ... LIMIT</c> without <c>BYSCORE</c> or <c>BYLEX</c>.</summary>
    public static Reply ZRangeLimitNeedsBy { get; } = Reply.Error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");

    /// <summary><c>ZRANGE ... BYLEX WITHSCORES</c>.</summary>
    public static Reply ZRangeWithScoresByLex { get; } = Reply.Error("ERR syntax error, WITHSCORES not supported in combination with BYLEX");

    /// <summary><c>SORT</c> without <c>ALPHA</c> when an element or its <c>BY</c> weight is not a number (<c>sortCommandGeneric</c>).</summary>
    public static Reply SortScoreNotDouble { get; } = Reply.Error("ERR One or more scores can't be converted into double");

    /// <summary>A <c>WEIGHTS</c> value that is not a number.</summary>
    public static Reply ZWeightNotFloat { get; } = Reply.Error("ERR weight value is not a float");

    /// <summary><c>ZRANDMEMBER key count WITHSCORES</c> with a count whose doubling would overflow.</summary>
    public static Reply ZValueOutOfRange { get; } = Reply.Error("ERR value is out of range");

    /// <summary><c>ZRANDMEMBER</c>'s count of <c>LONG_MIN</c> (<c>getRangeLongFromObjectOrReply</c> without a message).</summary>
    public static Reply ZRandMemberCountOutOfRange { get; } =
        Reply.Error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");

    /// <summary><c>ZUNION</c>, <c>ZINTER</c>, ... with a numkeys below 1.</summary>
    public static Reply ZAtLeastOneInputKey(string command) => Reply.Error($"ERR at least 1 input key is needed for '{command}' command");

    /// <summary>Decodes at most <paramref name="maxBytes"/> bytes for an error text, with CR and LF replaced by spaces.</summary>
    public static string Sanitize(ReadOnlySpan<byte> bytes, int maxBytes)
    {
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, maxBytes)]);
        return text.Replace('\r', ' ').Replace('\n', ' ');
    }

    // Hashes (HSET, HINCRBY, HINCRBYFLOAT, HRANDFIELD, ...), from Redis 7.0.15's t_hash.c.

    /// <summary><c>HINCRBY</c> of a field whose value is not an integer.</summary>
    public static Reply HashValueNotAnInteger { get; } = Reply.Error("ERR hash value is not an integer");

    /// <summary><c>HINCRBYFLOAT</c> of a field whose value is not a float.</summary>
    public static Reply HashValueNotAFloat { get; } = Reply.Error("ERR hash value is not a float");

    /// <summary><c>HINCRBYFLOAT</c> with an infinite increment, refused before the lookup.</summary>
    public static Reply NaNOrInfinity { get; } = Reply.Error("ERR value is NaN or Infinity");

    /// <summary>A count outside -LONG_MAX..LONG_MAX (Redis's <c>getRangeLongFromObjectOrReply</c>, as <c>HRANDFIELD</c> calls it).</summary>
    public static Reply CountOutOfLongRange { get; } =
        Reply.Error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");

    /// <summary><c>HRANDFIELD ... WITHVALUES</c> with a count beyond LONG_MAX/2 either way.</summary>
    public static Reply ValueOutOfRange { get; } = Reply.Error("ERR value is out of range");
    // Bitmaps (SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD) and LCS: bitops.c and t_string.c's lcsCommand.

    /// <summary>A bit offset that is not a non-negative integer, or past <c>proto-max-bulk-len</c> bytes.</summary>
    public static Reply BitOffsetOutOfRange { get; } = Reply.Error("ERR bit offset is not an integer or out of range");

    /// <summary><c>SETBIT</c>'s value other than 0 or 1.</summary>
    public static Reply BitValueOutOfRange { get; } = Reply.Error("ERR bit is not an integer or out of range");

    /// <summary><c>BITPOS</c>'s bit other than 0 or 1.</summary>
    public static Reply BitArgument { get; } = Reply.Error("ERR The bit argument must be 1 or 0.");

    public static Reply BitOpNotSingleSource { get; } = Reply.Error("ERR BITOP NOT must be called with a single source key.");

    public static Reply BitFieldType { get; } =
        Reply.Error("ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.");

    public static Reply BitFieldOverflowType { get; } = Reply.Error("ERR Invalid OVERFLOW type specified");

    public static Reply BitFieldReadOnly { get; } = Reply.Error("ERR BITFIELD_RO only supports the GET subcommand");

    /// <summary><c>LCS</c> on a key of another type (it does not answer WRONGTYPE).</summary>
    public static Reply LcsWrongType { get; } = Reply.Error("ERR The specified keys must contain string values");

    public static Reply LcsLenAndIdx { get; } = Reply.Error("ERR If you want both the length and indexes, please just use IDX.");

    public static Reply LcsTooMuchMemory { get; } =
        Reply.Error("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");

    // Sets (SPOP, SRANDMEMBER, SINTERCARD)

    /// <summary>Redis's <c>getPositiveLongFromObjectOrReply</c> with no message of its own: a count that is negative or no integer (<c>SPOP key -1</c>).</summary>
    public static Reply MustBePositive { get; } = Reply.Error("ERR value is out of range, must be positive");

    /// <summary><c>SRANDMEMBER key count</c> with a count of <c>LONG_MIN</c> (its range is -LONG_MAX..LONG_MAX).</summary>
    public static Reply SRandMemberCountOutOfRange { get; } =
        Reply.Error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");

    /// <summary>The numkeys of <c>SINTERCARD</c>, <c>ZMPOP</c>, <c>LMPOP</c> and the like below 1 or no integer.</summary>
    public static Reply NumKeysNotPositive { get; } = Reply.Error("ERR numkeys should be greater than 0");

    /// <summary><c>SINTERCARD</c>'s numkeys over the arguments left.</summary>
    public static Reply NumKeysOverArgs { get; } = Reply.Error("ERR Number of keys can't be greater than number of args");

    /// <summary><c>SINTERCARD</c>/<c>ZINTERCARD ... LIMIT</c> negative or no integer.</summary>
    public static Reply LimitNegative { get; } = Reply.Error("ERR LIMIT can't be negative");

    // Lists (t_list.c).

    /// <summary><c>LSET</c> at an index outside the list (<c>shared.outofrangeerr</c>).</summary>
    public static Reply IndexOutOfRange { get; } = Reply.Error("ERR index out of range");

    /// <summary><c>LPOS ... RANK 0</c>.</summary>
    public static Reply LposRankZero { get; } = Reply.Error(
        "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list");

    /// <summary><c>LPOS ... COUNT</c> negative or not an integer.</summary>
    public static Reply LposCountNegative { get; } = Reply.Error("ERR COUNT can't be negative");

    /// <summary><c>LPOS ... MAXLEN</c> negative or not an integer.</summary>
    public static Reply LposMaxLenNegative { get; } = Reply.Error("ERR MAXLEN can't be negative");

    /// <summary><c>LMPOP ... COUNT</c> below 1 or not an integer.</summary>
    public static Reply CountNotPositive { get; } = Reply.Error("ERR count should be greater than 0");

    // Scripting (eval.c, script.c, script_lua.c).

    /// <summary>Redis's <c>shared.noscripterr</c>: <c>EVALSHA</c> of a digest the script cache does not hold.</summary>
    public static Reply NoScript { get; } = Reply.Error("NOSCRIPT No matching script. Please use EVAL.");

    /// <summary><c>EVAL</c>'s numkeys below 0.</summary>
    public static Reply NumKeysNegative { get; } = Reply.Error("ERR Number of keys can't be negative");

    /// <summary><c>SCRIPT FLUSH</c> with anything but <c>ASYNC</c> or <c>SYNC</c>.</summary>
    public static Reply ScriptFlushOption { get; } = Reply.Error("ERR SCRIPT FLUSH only support SYNC|ASYNC option");

    /// <summary><c>SCRIPT KILL</c> while no script runs.</summary>
    public static Reply NotBusy { get; } = Reply.Error("NOTBUSY No scripts in execution right now.");

    /// <summary>Redis's <c>shared.slowevalerr</c>: the answer to most commands while a script runs past <c>busy-reply-threshold</c>.</summary>
    public static Reply BusyScript { get; } = Reply.Error("BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.");

    /// <summary><c>SCRIPT KILL</c> of a script that already wrote.</summary>
    public static Reply Unkillable { get; } = Reply.Error("UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.");

    /// <summary><c>SCRIPT DEBUG</c> with an unknown mode.</summary>
    public static Reply ScriptDebugMode { get; } = Reply.Error("ERR Use SCRIPT DEBUG YES/SYNC/NO");

    /// <summary><c>SCRIPT DEBUG YES|SYNC</c>: this server has no Lua debugger (docs/commands.md).</summary>
    public static Reply ScriptDebugUnsupported { get; } = Reply.Error("ERR SCRIPT DEBUG YES/SYNC is not supported by this server");

    /// <summary><c>EVAL_RO</c> of a script whose shebang does not declare <c>no-writes</c>.</summary>
    public static Reply ScriptWriteFlagOnReadOnly { get; } = Reply.Error("ERR Can not execute a script with write flag using *_ro command.");

    /// <summary>The script engine's compile error: <paramref name="message"/> is Lua's, with its <c>user_script:line:</c>.</summary>
    public static Reply ScriptCompile(string message) => Reply.Error("ERR Error compiling script (new function): " + OneLine(message));

    /// <summary>A script's error raised as text or a table, with where it was raised (<c>luaCallFunction</c>).</summary>
    public static Reply ScriptError(string message, string sha, string? source, string? line) =>
        Reply.Error(source is not null && line is not null
            ? $"{OneLine(message)} script: {sha}, on {OneLine(source)}:{line}."
            : OneLine(message));

    /// <summary>An error a script returned (a table with an <c>err</c> field): its text as it is, newlines made spaces.</summary>
    public static Reply ScriptReturned(string message) => Reply.Error(OneLine(message));

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
}
