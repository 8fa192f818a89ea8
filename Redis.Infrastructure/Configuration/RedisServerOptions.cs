using System.ComponentModel.DataAnnotations;
using Redis.Protocol;

namespace Redis.Infrastructure.Configuration;

/// <summary>The server's settings, bound from the <c>Redis</c> configuration section (command line, environment, appsettings.json).</summary>
/// <remarks>Each property mirrors the Redis setting named in its summary; <c>CONFIG GET</c> reports them under those names.</remarks>
public sealed class RedisServerOptions : IValidatableObject
{
    public const string SectionName = "Redis";

    /// <summary>The largest <c>maxclients</c> accepted.</summary>
    public const int MaxClientsLimit = 1_000_000;

    /// <summary><c>bind</c>: the address to listen on. Loopback by default, so nothing outside the machine can reach the server.</summary>
    [Required]
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary><c>port</c>: the TCP port; 0 picks a free one (tests use that).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 6379;

    /// <summary><c>tcp-backlog</c>: connections the kernel holds while the one client being served keeps the server busy.</summary>
    [Range(1, 65535)]
    public int TcpBacklog { get; set; } = 511;

    /// <summary><c>proto-max-bulk-len</c>: the largest bulk string a request may carry.</summary>
    [Range(1, 0x7FFFFFC7 - 2)]
    public long ProtoMaxBulkLen { get; set; } = 512L * 1024 * 1024;

    /// <summary>The longest inline (plain-text) request line. Redis hard-codes 64 KiB; this server defaults to 1 MiB (see ADR 0005).</summary>
    [Range(1, 0x7FFFFFC7 - 2)]
    public int InlineMaxLength { get; set; } = 1024 * 1024;

    /// <summary>The most words one request may carry.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxArguments { get; set; } = 1024 * 1024;

    /// <summary><c>client-query-buffer-limit</c>: a client whose unparsed input would exceed this is disconnected.</summary>
    [Range(1024, 0x7FFFFFC7)]
    public long ClientQueryBufferLimit { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// How long, in microseconds, the serving thread spins waiting for the client's next request before it blocks
    /// in <c>recv</c> (like Linux's <c>SO_BUSY_POLL</c>); 0 disables spinning. See ADR 0009.
    /// </summary>
    [Range(0, 1_000_000)]
    public int BusyPollMicroseconds { get; set; } = 100;

    /// <summary>
    /// <c>timeout</c>: seconds after which an idle client, or one that stops reading a reply, is disconnected; 0 never.
    /// Default 300, where Redis defaults to 0: with one client served at a time, an idle client would otherwise hold
    /// the server forever (ADR 0010).
    /// </summary>
    [Range(0, int.MaxValue)]
    public int Timeout { get; set; } = 300;

    /// <summary><c>protected-mode</c>: with no password set, refuse clients that do not connect over loopback.</summary>
    public bool ProtectedMode { get; set; } = true;

    /// <summary><c>requirepass</c>: the password clients must give with <c>AUTH</c>; empty for none.</summary>
    public string RequirePass { get; set; } = string.Empty;

    /// <summary>
    /// <c>databases</c>: how many numbered databases there are (<c>SELECT 0</c> to <c>databases - 1</c>); Redis's default
    /// and limits (at least 1, at most <c>INT_MAX</c>). Fixed at start-up, as in Redis. A database never used costs a
    /// few hundred bytes.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int Databases { get; set; } = Redis.Domain.Keys.Databases.DefaultCount;

    /// <summary>The smallest <c>hz</c> (Redis's <c>CONFIG_MIN_HZ</c>).</summary>
    public const int MinHz = 1;

    /// <summary>The largest <c>hz</c> (Redis's <c>CONFIG_MAX_HZ</c>).</summary>
    public const int MaxHz = 500;

    /// <summary><c>hz</c>: how many times a second expired keys are swept by sampling.</summary>
    [Range(MinHz, MaxHz)]
    public int Hz { get; set; } = 10;

    /// <summary>
    /// <c>io-model</c>: <c>blocking</c> (the default) serves one client at a time; <c>event-loop</c> serves every client
    /// on the same one thread with epoll (Linux). See <see cref="IoModels"/>.
    /// </summary>
    public string IoModel { get; set; } = IoModels.Blocking;

    /// <summary>
    /// <c>maxclients</c>: with the event loop, the most connections open at once; one more is answered
    /// <c>-ERR max number of clients reached</c> and closed. The blocking transport has one open at a time.
    /// </summary>
    /// <remarks>
    /// At start-up the descriptor limit is raised to fit it plus 32 of the server's own; when it cannot be, this is
    /// lowered to what fits, with Redis's warning (<c>adjustOpenFilesLimit</c>), and <c>CONFIG GET</c> reports that.
    /// </remarks>
    [Range(1, MaxClientsLimit)]
    public int MaxClients { get; set; } = 10_000;

    /// <summary>
    /// <c>client-output-buffer-limit</c>: per class of client, the pending output at which it is closed at once (hard),
    /// and the pending output it may keep for at most some seconds (soft), in Redis's syntax, for example
    /// <c>normal 0 0 0 replica 256mb 64mb 60 pubsub 32mb 8mb 60</c>; classes not named keep Redis's defaults
    /// (<see cref="ClientOutputBufferLimits.Default"/>). Only the <c>normal</c> class has clients today.
    /// </summary>
    public string ClientOutputBufferLimit { get; set; } = ClientOutputBufferLimits.Default;

    /// <summary>
    /// <c>notify-keyspace-events</c>: the classes of keyspace notifications published, in Redis's letters
    /// (<c>K E g $ x n m A</c> ...); empty, the default, for none. See <see cref="Redis.Application.PubSub.KeyspaceEventFlags"/>.
    /// </summary>
    public string NotifyKeyspaceEvents { get; set; } = string.Empty;

    /// <summary><c>tcp-keepalive</c>: seconds of silence after which the kernel probes a client's connection (SO_KEEPALIVE); 0 disables.</summary>
    /// <remarks>Redis's default, 300, finds peers that vanished without a FIN (a dead host, a dropped NAT entry) in about 400 s.</remarks>
    [Range(0, int.MaxValue)]
    public int TcpKeepAlive { get; set; } = 300;

    /// <summary>
    /// <c>slowlog-log-slower-than</c>: commands that run at least this many microseconds are logged in the slow log;
    /// -1 disables it, 0 logs every command.
    /// </summary>
    [Range(-1, long.MaxValue)]
    public long SlowlogLogSlowerThan { get; set; } = 10_000;

    /// <summary><c>slowlog-max-len</c>: the most entries the slow log keeps; the oldest go first.</summary>
    [Range(0, long.MaxValue)]
    public long SlowlogMaxLen { get; set; } = 128;

    /// <summary>
    /// <c>busy-reply-threshold</c> (alias <c>lua-time-limit</c>), in milliseconds: how long a script runs before other
    /// clients are answered <c>-BUSY</c> and <c>SCRIPT KILL</c> can stop it (docs/commands.md, ADR 0031).
    /// </summary>
    [Range(0, long.MaxValue)]
    public long BusyReplyThreshold { get; set; } = 5000;

    /// <summary><c>hash-max-listpack-entries</c> (alias <c>hash-max-ziplist-entries</c>): a hash with more fields is a hashtable.</summary>
    [Range(0, long.MaxValue)]
    public long HashMaxListpackEntries { get; set; } = 512;

    /// <summary><c>hash-max-listpack-value</c> (alias <c>hash-max-ziplist-value</c>): a hash with a longer field or value is a hashtable.</summary>
    [Range(0, long.MaxValue)]
    public long HashMaxListpackValue { get; set; } = 64;

    /// <summary><c>list-max-listpack-size</c> (alias <c>list-max-ziplist-size</c>): a list node's limit, entries when positive, -1..-5 for 4..64 KB.</summary>
    public int ListMaxListpackSize { get; set; } = -2;

    /// <summary><c>list-compress-depth</c>: nodes at each end of a list left uncompressed (0: none compressed).</summary>
    [Range(0, int.MaxValue)]
    public int ListCompressDepth { get; set; }

    /// <summary><c>set-max-intset-entries</c>: a set of integers with more members is a hashtable.</summary>
    [Range(0, long.MaxValue)]
    public long SetMaxIntsetEntries { get; set; } = 512;

    /// <summary><c>zset-max-listpack-entries</c> (alias <c>zset-max-ziplist-entries</c>): a sorted set with more members is a skiplist.</summary>
    [Range(0, long.MaxValue)]
    public long ZsetMaxListpackEntries { get; set; } = 128;

    /// <summary><c>zset-max-listpack-value</c> (alias <c>zset-max-ziplist-value</c>): a sorted set with a longer member is a skiplist.</summary>
    [Range(0, long.MaxValue)]
    public long ZsetMaxListpackValue { get; set; } = 64;

    /// <summary>
    /// <c>maxmemory</c>: the limit of used memory (<c>INFO memory</c>'s <c>used_memory</c>) past which keys are evicted
    /// by <see cref="MaxMemoryPolicy"/> or writes refused with <c>-OOM</c>; 0, the default, for none. Bytes, or Redis's
    /// units (<c>100mb</c>, <c>1gb</c>).
    /// </summary>
    public string MaxMemory { get; set; } = "0";

    /// <summary><c>maxmemory-policy</c>: what goes when <see cref="MaxMemory"/> is passed (<c>noeviction</c>, <c>allkeys-lru</c>, <c>volatile-ttl</c>, ...).</summary>
    public string MaxMemoryPolicy { get; set; } = "noeviction";

    /// <summary><c>maxmemory-samples</c>: keys sampled per eviction round.</summary>
    [Range(1, int.MaxValue)]
    public int MaxMemorySamples { get; set; } = 5;

    /// <summary><c>maxmemory-eviction-tenacity</c>: how long one command may spend evicting (0 to 100; 10 is 500 µs, 100 no limit).</summary>
    [Range(0, 100)]
    public int MaxMemoryEvictionTenacity { get; set; } = 10;

    /// <summary><c>lfu-log-factor</c>: how many hits it takes to saturate the logarithmic access counter of the LFU policies.</summary>
    [Range(0, int.MaxValue)]
    public int LfuLogFactor { get; set; } = 10;

    /// <summary><c>lfu-decay-time</c>: minutes after which an unused key's LFU counter is halved (decremented); 0 never.</summary>
    [Range(0, int.MaxValue)]
    public int LfuDecayTime { get; set; } = 1;

    /// <summary><c>replicaof</c>: <c>host port</c> of the master to replicate at start-up; empty, the default, for a master.</summary>
    public string ReplicaOf { get; set; } = string.Empty;

    /// <summary><c>masterauth</c>: the password this replica sends its master (<c>AUTH</c>) during the handshake; empty for none.</summary>
    public string MasterAuth { get; set; } = string.Empty;

    /// <summary><c>masteruser</c>: the user for <see cref="MasterAuth"/>; empty for the default user.</summary>
    public string MasterUser { get; set; } = string.Empty;

    /// <summary><c>repl-backlog-size</c>: bytes of the replication stream kept for replicas that reconnect (1 MB, as Redis).</summary>
    [Range(16 * 1024, long.MaxValue)]
    public long ReplBacklogSize { get; set; } = 1024 * 1024;

    /// <summary><c>repl-ping-replica-period</c>: seconds between the PINGs a master sends its replicas through the stream.</summary>
    [Range(1, int.MaxValue)]
    public int ReplPingReplicaPeriod { get; set; } = 10;

    /// <summary><c>repl-timeout</c>: seconds of silence after which a master drops a replica, or a replica its master.</summary>
    [Range(1, int.MaxValue)]
    public int ReplTimeout { get; set; } = 60;

    /// <summary><c>replica-read-only</c>: a replica refuses writes from its clients (yes, the default, as Redis).</summary>
    public bool ReplicaReadOnly { get; set; } = true;

    /// <summary>
    /// <c>save</c>: the save points, pairs of seconds and changes (<c>"3600 1 300 100 60 10000"</c>). Empty, the
    /// default here, for none: the server stays in memory unless asked to save (Redis's own default has three points).
    /// </summary>
    public string Save { get; set; } = string.Empty;

    /// <summary><c>dir</c>: where the RDB file is written and read; empty, the default, for the working directory at start.</summary>
    public string Dir { get; set; } = string.Empty;

    /// <summary><c>dbfilename</c>: the RDB file's name in <see cref="Dir"/>, a name and not a path.</summary>
    public string DbFilename { get; set; } = "dump.rdb";

    /// <summary><c>rdbcompression</c>: strings longer than 20 bytes are written LZF-compressed when that makes them shorter.</summary>
    public bool RdbCompression { get; set; } = true;

    /// <summary><c>rdbchecksum</c>: a CRC-64 ends the file and is checked when it is loaded; without it the file ends with zeros.</summary>
    public bool RdbChecksum { get; set; } = true;

    /// <summary><c>stop-writes-on-bgsave-error</c>: with save points set, writes are refused with <c>-MISCONF</c> while the last background save failed.</summary>
    public bool StopWritesOnBgsaveError { get; set; } = true;

    /// <summary><c>appendonly</c>: every write is logged to the append-only file, which is loaded at start-up instead of the RDB file.</summary>
    public bool AppendOnly { get; set; }

    /// <summary><c>appenddirname</c>: the directory in <see cref="Dir"/> that holds the append-only files and their manifest.</summary>
    public string AppendDirName { get; set; } = "appendonlydir";

    /// <summary><c>appendfilename</c>: the prefix of the append-only files' names (<c>appendonly.aof.1.base.rdb</c>).</summary>
    public string AppendFilename { get; set; } = "appendonly.aof";

    /// <summary><c>appendfsync</c>: <c>always</c> (before each reply), <c>everysec</c> (once a second, on another thread) or <c>no</c> (when the kernel likes).</summary>
    public string AppendFsync { get; set; } = "everysec";

    /// <summary><c>aof-use-rdb-preamble</c>: the base file is an RDB file; otherwise the commands that rebuild the dataset.</summary>
    public bool AofUseRdbPreamble { get; set; } = true;

    /// <summary><c>aof-load-truncated</c>: a last file cut short is truncated to its last whole command and loaded; otherwise the server refuses to start.</summary>
    public bool AofLoadTruncated { get; set; } = true;

    /// <summary><c>auto-aof-rewrite-percentage</c>: a rewrite starts once the files grew by this much since the last one; 0 turns it off.</summary>
    [Range(0, int.MaxValue)]
    public int AutoAofRewritePercentage { get; set; } = 100;

    /// <summary><c>auto-aof-rewrite-min-size</c>: no automatic rewrite below this many bytes.</summary>
    [Range(0, long.MaxValue)]
    public long AutoAofRewriteMinSize { get; set; } = 64L * 1024 * 1024;

    /// <summary><c>no-appendfsync-on-rewrite</c>: no fsync while a rewrite runs (Redis's latency trade for disks shared with the rewrite).</summary>
    public bool NoAppendfsyncOnRewrite { get; set; }

    /// <summary><c>enable-debug-command</c>: <c>no</c> (Redis's default), <c>yes</c>, or <c>local</c> for loopback connections only.</summary>
    public string EnableDebugCommand { get; set; } = "no";

    /// <summary><c>cluster-enabled</c>: the server is a Redis Cluster node (hash slots, redirections, the cluster bus); read at start-up only.</summary>
    public bool ClusterEnabled { get; set; }

    /// <summary><c>cluster-config-file</c>: where the node keeps its id, its view of the cluster and its epochs (in <see cref="Dir"/>).</summary>
    public string ClusterConfigFile { get; set; } = "nodes.conf";

    /// <summary><c>cluster-node-timeout</c>: milliseconds without an answer on the bus after which a node counts as failing.</summary>
    [Range(0, long.MaxValue)]
    public long ClusterNodeTimeout { get; set; } = 15000;

    /// <summary><c>cluster-port</c>: the cluster bus's port; 0, the default, for <see cref="Port"/> + 10000.</summary>
    [Range(0, 65535)]
    public int ClusterPort { get; set; }

    /// <summary><c>cluster-require-full-coverage</c>: the cluster is down while any slot has no serving node.</summary>
    public bool ClusterRequireFullCoverage { get; set; } = true;

    /// <summary><c>cluster-allow-reads-when-down</c>: read commands are still served while the cluster is down.</summary>
    public bool ClusterAllowReadsWhenDown { get; set; }

    /// <summary>
    /// <c>system</c> (the machine's clock) or <c>manual</c>: a clock that stands still until <c>DEBUG CLOCK ADVANCE</c>
    /// moves it, for tests (allowed only with <see cref="EnableDebugCommand"/> <c>yes</c> or <c>local</c>).
    /// </summary>
    public string Clock { get; set; } = ClockModes.System;

    /// <summary>The directory of the RDB file: <see cref="Dir"/> made absolute, the working directory when empty.</summary>
    public string DataDirectory => Path.GetFullPath(Dir.Length == 0 ? "." : Dir);

    /// <summary><see cref="ClientOutputBufferLimit"/> parsed; the settings are validated first, so it parses.</summary>
    /// <remarks>A method, not a property: validation reads every property, and would read this one before refusing the value.</remarks>
    public ClientOutputBufferLimits ToOutputBufferLimits() => ClientOutputBufferLimits.TryParse(ClientOutputBufferLimit, out var limits, out var error)
        ? limits
        : throw new InvalidOperationException(error);

    /// <summary>The framing limits every connection's <see cref="RequestReader"/> enforces.</summary>
    public ProtocolLimits ToProtocolLimits() => new()
    {
        MaxBulkLength = ProtoMaxBulkLen,
        MaxInlineLength = InlineMaxLength,
        MaxArguments = MaxArguments,
    };

    /// <summary>True when <see cref="IoModel"/> asks for the event loop.</summary>
    public bool UsesEventLoop => IoModels.IsEventLoop(IoModel);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!System.Net.IPAddress.TryParse(Bind, out _))
        {
            yield return new ValidationResult($"The field Bind must be an IPv4 or IPv6 address, not '{Bind}'.", [nameof(Bind)]);
        }

        if (!IoModels.IsValid(IoModel))
        {
            yield return new ValidationResult(
                $"The field IoModel (io-model) must be '{IoModels.Blocking}' or '{IoModels.EventLoop}', not '{IoModel}'.", [nameof(IoModel)]);
        }

        if (!Redis.Application.PubSub.KeyspaceEventFlags.TryParse(NotifyKeyspaceEvents ?? string.Empty, out _))
        {
            yield return new ValidationResult(
                $"The field NotifyKeyspaceEvents (notify-keyspace-events) cannot be '{NotifyKeyspaceEvents}': {Redis.Application.PubSub.KeyspaceEventFlags.InvalidClass}",
                [nameof(NotifyKeyspaceEvents)]);
        }

        if (!MemorySize.TryParse(MaxMemory, out _))
        {
            yield return new ValidationResult($"The field MaxMemory (maxmemory) cannot be '{MaxMemory}': argument must be a memory value.", [nameof(MaxMemory)]);
        }

        if (!Redis.Domain.Keys.EvictionPolicies.TryParse(MaxMemoryPolicy, out _))
        {
            yield return new ValidationResult(
                $"The field MaxMemoryPolicy (maxmemory-policy) cannot be '{MaxMemoryPolicy}': {Redis.Domain.Keys.EvictionPolicies.InvalidText}",
                [nameof(MaxMemoryPolicy)]);
        }

        if (ReplicaOf.Length != 0 && !(ReplicaOf.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var port] &&
            int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number <= 65535))
        {
            yield return new ValidationResult($"The field ReplicaOf (replicaof) must be 'host port', not '{ReplicaOf}'.", [nameof(ReplicaOf)]);
        }

        if (!Persistence.SavePoints.TryParse(Save, out _))
        {
            yield return new ValidationResult($"The field Save (save) cannot be '{Save}': {Persistence.SavePoints.InvalidText}.", [nameof(Save)]);
        }

        if (DbFilename.Length == 0 || Path.GetFileName(DbFilename) != DbFilename)
        {
            yield return new ValidationResult($"The field DbFilename (dbfilename) cannot be '{DbFilename}': dbfilename can't be a path, just a filename.", [nameof(DbFilename)]);
        }

        if (AppendFsync is not ("always" or "everysec" or "no"))
        {
            yield return new ValidationResult($"The field AppendFsync (appendfsync) must be 'always', 'everysec' or 'no', not '{AppendFsync}'.", [nameof(AppendFsync)]);
        }

        if (AppendFilename.Length == 0 || Path.GetFileName(AppendFilename) != AppendFilename)
        {
            yield return new ValidationResult($"The field AppendFilename (appendfilename) cannot be '{AppendFilename}': appendfilename can't be a path, just a filename.", [nameof(AppendFilename)]);
        }

        if (AppendDirName.Length == 0 || Path.GetFileName(AppendDirName) != AppendDirName)
        {
            yield return new ValidationResult($"The field AppendDirName (appenddirname) cannot be '{AppendDirName}': appenddirname can't be a path, just a dirname.", [nameof(AppendDirName)]);
        }

        if (Clock is not (ClockModes.System or ClockModes.Manual))
        {
            yield return new ValidationResult($"The field Clock (clock) must be 'system' or 'manual', not '{Clock}'.", [nameof(Clock)]);
        }
        else if (Clock == ClockModes.Manual && EnableDebugCommand is not ("yes" or "local"))
        {
            yield return new ValidationResult("The field Clock (clock) can be 'manual' only with enable-debug-command yes or local: whoever may move the clock may expire every key.", [nameof(Clock)]);
        }

        if (EnableDebugCommand is not ("no" or "yes" or "local"))
        {
            yield return new ValidationResult($"The field EnableDebugCommand (enable-debug-command) must be 'no', 'yes' or 'local', not '{EnableDebugCommand}'.", [nameof(EnableDebugCommand)]);
        }

        if (!ClientOutputBufferLimits.TryParse(ClientOutputBufferLimit, out _, out var limitError))
        {
            yield return new ValidationResult(
                $"The field ClientOutputBufferLimit (client-output-buffer-limit) cannot be '{ClientOutputBufferLimit}': {limitError}",
                [nameof(ClientOutputBufferLimit)]);
        }
    }
}
