using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redis.Application.Abstractions;
using Redis.Application.PubSub;
using Redis.Infrastructure.Configuration.Settings;
using Redis.Infrastructure.Transport;
using Redis.Infrastructure.Transport.EventLoop;

namespace Redis.Infrastructure.Configuration;

/// <summary>
/// The settings registry: every setting <c>CONFIG GET</c> reports and <c>CONFIG SET</c> may change, each declared once
/// in <see cref="Declare"/> with its name, type, bounds, mutability and apply step (ADR 0023).
/// </summary>
/// <remarks>
/// <para>
/// Values live in the one <see cref="RedisServerOptions"/> instance the host bound at start-up, which the transports
/// already read field by field where they need them (the idle <c>timeout</c> per check, <c>maxclients</c> at accept,
/// <c>tcp-keepalive</c> for each new connection): storing a new value there is what makes it take effect, at no cost
/// per command. The few parts that keep something derived (the request reader's <c>proto-max-bulk-len</c>, the output
/// limits, the password's digest, the slow log) listen to <see cref="Changed"/>.
/// </para>
/// <para>
/// Only the serving thread calls <see cref="TrySet"/> (it is a command), so no lock guards the options; the reported
/// list is rebuilt after a change, not on every <c>CONFIG GET</c>.
/// </para>
/// </remarks>
internal sealed partial class ServerSettings : IServerSettings
{
    private readonly RedisServerOptions _options;
    private readonly Setting[] _settings;
    private readonly Dictionary<string, Setting> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger _logger;
    private IReadOnlyList<KeyValuePair<string, string>>? _parameters;

    public ServerSettings(IOptions<RedisServerOptions> options, ILogger<ServerSettings>? logger = null)
    {
        _options = options.Value;
        _logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _settings = Declare(_logger);
        foreach (var setting in _settings)
        {
            _byName[setting.Name] = setting;
            foreach (var alias in setting.Aliases)
            {
                _byName[alias] = setting;
            }
        }
    }

    public event Action<string>? Changed;

    public IReadOnlyList<KeyValuePair<string, string>> Parameters =>
        _parameters ??= [.. _settings.SelectMany(s => Names(s).Select(name => new KeyValuePair<string, string>(name, s.Format(_options))))];

    /// <summary>The registry's entries, in <c>CONFIG GET</c>'s order.</summary>
    public IReadOnlyList<Setting> Settings => _settings;

    public string? TrySet(IReadOnlyList<KeyValuePair<string, string>> changes)
    {
        // configSetCommand: the first unknown or immutable name or repeated setting fails the whole call, before any value is parsed.
        var found = new Setting[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            if (!_byName.TryGetValue(changes[i].Key, out var setting))
            {
                return $"ERR Unknown option or number of arguments for CONFIG SET - '{changes[i].Key}'";
            }

            if (!setting.IsMutable)
            {
                return Failed(changes[i].Key, "can't set immutable config");
            }

            if (Array.IndexOf(found, setting, 0, i) >= 0)
            {
                return Failed(changes[i].Key, "duplicate parameter");
            }

            found[i] = setting;
        }

        // Every value is parsed before any is stored: one bad value changes nothing.
        var stores = new Action<RedisServerOptions>[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            var (store, error) = found[i].Parse(changes[i].Value, _options);
            if (error is not null)
            {
                return Failed(found[i].Name, error);
            }

            stores[i] = store!;
        }

        var backup = found.Select(s => s.Format(_options)).ToArray();
        foreach (var store in stores)
        {
            store(_options);
        }

        foreach (var setting in found.Where(s => s.Apply is not null).Distinct())
        {
            if (setting.Apply!(_options) is { } error)
            {
                // restoreBackupConfig: the old values parse, as they were stored by this registry or validated at start-up.
                LogRestoring(setting.Name);
                for (var i = 0; i < found.Length; i++)
                {
                    found[i].Parse(backup[i], _options).Store!(_options);
                }

                return Failed(setting.Name, error);
            }
        }

        _parameters = null;
        foreach (var setting in found)
        {
            Changed?.Invoke(setting.Name);
        }

        return null;
    }

    private static string Failed(string name, string reason) => $"ERR CONFIG SET failed (possibly related to argument '{name}') - {reason}";

    private static IEnumerable<string> Names(Setting setting) => [setting.Name, .. setting.Aliases];

    /// <summary>
    /// Every setting, in <c>CONFIG GET</c>'s order: the one place a setting is added. Bounds, flags and aliases are
    /// Redis 7.0.15's (<c>config.c</c>'s <c>standardConfig</c> table); where this server cannot change a setting while
    /// it runs (<c>bind</c> and <c>port</c> need a new listener), or has nothing behind it (persistence), it is immutable.
    /// </summary>
    private static Setting[] Declare(ILogger logger) =>
    [
        Setting.Immutable("bind", o => o.Bind),
        Setting.Immutable("port", o => Invariant(o.Port)),
        Setting.Immutable("tcp-backlog", o => Invariant(o.TcpBacklog)),
        Setting.Memory("proto-max-bulk-len", 1024 * 1024, long.MaxValue, o => o.ProtoMaxBulkLen, (o, v) => o.ProtoMaxBulkLen = v),
        Setting.Memory("client-query-buffer-limit", 1024 * 1024, long.MaxValue, o => o.ClientQueryBufferLimit, (o, v) => o.ClientQueryBufferLimit = v),

        // updateHZ: any number is accepted and capped to 1..500.
        Setting.Integer("hz", 0, int.MaxValue, o => o.Hz, (o, v) => o.Hz = (int)Math.Clamp(v, RedisServerOptions.MinHz, RedisServerOptions.MaxHz)),
        Setting.Integer("timeout", 0, int.MaxValue, o => o.Timeout, (o, v) => o.Timeout = (int)v),
        Setting.Integer("tcp-keepalive", 0, int.MaxValue, o => o.TcpKeepAlive, (o, v) => o.TcpKeepAlive = (int)v),
        Setting.Special("client-output-buffer-limit", o => o.ToOutputBufferLimits().ToString(), (text, current) =>
            current.ToOutputBufferLimits().TryChange(text, out var changed, out var error)
                ? (o => o.ClientOutputBufferLimit = changed.ToString(), null)
                : (null, error)),
        Setting.YesNo("protected-mode", o => o.ProtectedMode, (o, v) => o.ProtectedMode = v),
        Setting.Immutable("io-model", o => o.UsesEventLoop ? IoModels.EventLoop : IoModels.Blocking),

        // Redis reports the password itself, to a client that has authenticated (CONFIG is not no_auth).
        Setting.Text("requirepass", o => o.RequirePass, (o, v) => o.RequirePass = v),
        Setting.Immutable("databases", o => Invariant(o.Databases)),

        // The blocking transport serves one connection at a time, whatever the setting says.
        Setting.Integer("maxclients", 1, uint.MaxValue, o => o.UsesEventLoop ? o.MaxClients : 1, (o, v) => o.MaxClients = (int)Math.Min(v, int.MaxValue))
            .WithApply(o => FitMaxClients(o, logger)),
        Setting.Integer("slowlog-log-slower-than", -1, long.MaxValue, o => o.SlowlogLogSlowerThan, (o, v) => o.SlowlogLogSlowerThan = v),
        Setting.Integer("slowlog-max-len", 0, long.MaxValue, o => o.SlowlogMaxLen, (o, v) => o.SlowlogMaxLen = v),
        Setting.Integer("busy-reply-threshold", 0, long.MaxValue, o => o.BusyReplyThreshold, (o, v) => o.BusyReplyThreshold = v).WithAliases("lua-time-limit"),

        // keyspaceEventsStringToFlags on the way in, keyspaceEventsFlagsToString on the way out: CONFIG GET shows the canonical letters.
        Setting.Special("notify-keyspace-events", o => KeyspaceEventFlags.Format(NotifyClasses(o)), (text, _) =>
            KeyspaceEventFlags.TryParse(text, out var classes)
                ? (o => o.NotifyKeyspaceEvents = text, null)
                : (null, KeyspaceEventFlags.InvalidClass)),
        // The encoding thresholds of the collection types (config.c's size_t and int configs, with their ziplist aliases).
        Setting.Integer("hash-max-listpack-entries", 0, long.MaxValue, o => o.HashMaxListpackEntries, (o, v) => o.HashMaxListpackEntries = v).WithAliases("hash-max-ziplist-entries"),
        Setting.Memory("hash-max-listpack-value", 0, long.MaxValue, o => o.HashMaxListpackValue, (o, v) => o.HashMaxListpackValue = v).WithAliases("hash-max-ziplist-value"),
        Setting.Integer("list-max-listpack-size", int.MinValue, int.MaxValue, o => o.ListMaxListpackSize, (o, v) => o.ListMaxListpackSize = (int)v).WithAliases("list-max-ziplist-size"),
        Setting.Integer("list-compress-depth", 0, int.MaxValue, o => o.ListCompressDepth, (o, v) => o.ListCompressDepth = (int)v),
        Setting.Integer("set-max-intset-entries", 0, long.MaxValue, o => o.SetMaxIntsetEntries, (o, v) => o.SetMaxIntsetEntries = v),
        Setting.Integer("zset-max-listpack-entries", 0, long.MaxValue, o => o.ZsetMaxListpackEntries, (o, v) => o.ZsetMaxListpackEntries = v).WithAliases("zset-max-ziplist-entries"),
        Setting.Memory("zset-max-listpack-value", 0, long.MaxValue, o => o.ZsetMaxListpackValue, (o, v) => o.ZsetMaxListpackValue = v).WithAliases("zset-max-ziplist-value"),
        Setting.Special("maxmemory", o => Invariant(MaxMemoryBytes(o)), (text, _) =>
            MemorySize.TryParse(text, out var bytes) ? (o => o.MaxMemory = Invariant(bytes), null) : (null, "argument must be a memory value")),
        Setting.Special("maxmemory-policy", o => o.MaxMemoryPolicy, (text, _) =>
            Redis.Domain.Keys.EvictionPolicies.TryParse(text, out var policy)
                ? (o => o.MaxMemoryPolicy = Redis.Domain.Keys.EvictionPolicies.Name(policy), null)
                : (null, Redis.Domain.Keys.EvictionPolicies.InvalidText)),
        Setting.Integer("maxmemory-samples", 1, int.MaxValue, o => o.MaxMemorySamples, (o, v) => o.MaxMemorySamples = (int)v),
        Setting.Integer("maxmemory-eviction-tenacity", 0, 100, o => o.MaxMemoryEvictionTenacity, (o, v) => o.MaxMemoryEvictionTenacity = (int)v),
        Setting.Integer("lfu-log-factor", 0, int.MaxValue, o => o.LfuLogFactor, (o, v) => o.LfuLogFactor = (int)v),
        Setting.Integer("lfu-decay-time", 0, int.MaxValue, o => o.LfuDecayTime, (o, v) => o.LfuDecayTime = (int)v),

        // The RDB snapshots. dir and dbfilename are PROTECTED_CONFIG in Redis 7.0, refused while enable-protected-configs
        // is no (its default); rdbchecksum is immutable.
        Setting.Special("save", o => Persistence.SavePoints.TryParse(o.Save, out var points) ? points.ToString() : string.Empty, (text, _) =>
            Persistence.SavePoints.TryParse(text, out var points) ? (o => o.Save = points.ToString(), null) : (null, Persistence.SavePoints.InvalidText)),
        Setting.Special("dir", o => o.DataDirectory, (_, _) => (null, "can't set protected config")),
        Setting.Special("dbfilename", o => o.DbFilename, (_, _) => (null, "can't set protected config")),
        Setting.YesNo("rdbcompression", o => o.RdbCompression, (o, v) => o.RdbCompression = v),
        Setting.Immutable("rdbchecksum", o => o.RdbChecksum ? "yes" : "no"),
        Setting.YesNo("stop-writes-on-bgsave-error", o => o.StopWritesOnBgsaveError, (o, v) => o.StopWritesOnBgsaveError = v),
        Setting.Immutable("enable-debug-command", o => o.EnableDebugCommand),
        Setting.Immutable("clock", o => o.Clock),
        // The append-only file (Redis 7.0: appenddirname and appendfilename are immutable).
        Setting.YesNo("appendonly", o => o.AppendOnly, (o, v) => o.AppendOnly = v),
        Setting.Immutable("appenddirname", o => o.AppendDirName),
        Setting.Immutable("appendfilename", o => o.AppendFilename),
        Setting.Special("appendfsync", o => o.AppendFsync, (text, _) => text.ToLowerInvariant() switch
        {
            var policy when policy is "always" or "everysec" or "no" => (o => o.AppendFsync = policy, null),
            _ => (null, "argument(s) must be one of the following: everysec, always, no"),
        }),
        Setting.YesNo("aof-use-rdb-preamble", o => o.AofUseRdbPreamble, (o, v) => o.AofUseRdbPreamble = v),
        Setting.YesNo("aof-load-truncated", o => o.AofLoadTruncated, (o, v) => o.AofLoadTruncated = v),
        Setting.YesNo("no-appendfsync-on-rewrite", o => o.NoAppendfsyncOnRewrite, (o, v) => o.NoAppendfsyncOnRewrite = v),
        Setting.Integer("auto-aof-rewrite-percentage", 0, int.MaxValue, o => o.AutoAofRewritePercentage, (o, v) => o.AutoAofRewritePercentage = (int)v),
        Setting.Memory("auto-aof-rewrite-min-size", 0, long.MaxValue, o => o.AutoAofRewriteMinSize, (o, v) => o.AutoAofRewriteMinSize = v),
        // Replication (ADR 0037). masterauth is reported as set, as Redis reports it to a client that authenticated.
        Setting.YesNo("replica-read-only", o => o.ReplicaReadOnly, (o, v) => o.ReplicaReadOnly = v).WithAliases("slave-read-only"),
        Setting.Memory("repl-backlog-size", 1, long.MaxValue, o => o.ReplBacklogSize, (o, v) => o.ReplBacklogSize = Math.Max(v, 16 * 1024)),
        Setting.Integer("repl-ping-replica-period", 1, int.MaxValue, o => o.ReplPingReplicaPeriod, (o, v) => o.ReplPingReplicaPeriod = (int)v).WithAliases("repl-ping-slave-period"),
        Setting.Integer("repl-timeout", 1, int.MaxValue, o => o.ReplTimeout, (o, v) => o.ReplTimeout = (int)v),
        Setting.Text("masterauth", o => o.MasterAuth, (o, v) => o.MasterAuth = v),
        Setting.Text("masteruser", o => o.MasterUser, (o, v) => o.MasterUser = v),
        Setting.Immutable("replicaof", o => o.ReplicaOf).WithAliases("slaveof"),

        // Redis Cluster (config.c: cluster-enabled, cluster-config-file and cluster-port are IMMUTABLE_CONFIG).
        Setting.Immutable("cluster-enabled", o => o.ClusterEnabled ? "yes" : "no"),
        Setting.Immutable("cluster-config-file", o => o.ClusterConfigFile),
        Setting.Integer("cluster-node-timeout", 0, long.MaxValue, o => o.ClusterNodeTimeout, (o, v) => o.ClusterNodeTimeout = v),
        Setting.Immutable("cluster-port", o => Invariant(o.ClusterPort)),
        Setting.YesNo("cluster-require-full-coverage", o => o.ClusterRequireFullCoverage, (o, v) => o.ClusterRequireFullCoverage = v),
        Setting.YesNo("cluster-allow-reads-when-down", o => o.ClusterAllowReadsWhenDown, (o, v) => o.ClusterAllowReadsWhenDown = v),
    ];

    /// <summary>
    /// Redis's <c>updateMaxclients</c>: with the event loop every client is a descriptor, so the limit must fit, or the
    /// change is refused with the number that would.
    /// </summary>
    private static string? FitMaxClients(RedisServerOptions options, ILogger logger)
    {
        if (!options.UsesEventLoop || !OperatingSystem.IsLinux())
        {
            return null;
        }

        var requested = options.MaxClients;
        int fitted;
        try
        {
            fitted = requested > RedisServerOptions.MaxClientsLimit
                ? RedisServerOptions.MaxClientsLimit
                : OpenFilesLimit.Adjust(requested, new ProcessOpenFilesLimit(), logger);
        }
        catch (OptionsValidationException)
        {
            fitted = 1;
        }

        return fitted == requested ? null : $"The operating system is not able to handle the specified number of clients, try with {fitted}";
    }

    /// <summary><c>notify-keyspace-events</c> as parsed; the value was validated at start-up or by <c>CONFIG SET</c>.</summary>
    internal static KeyspaceEventClasses NotifyClasses(RedisServerOptions options) =>
        KeyspaceEventFlags.TryParse(options.NotifyKeyspaceEvents ?? string.Empty, out var classes) ? classes : KeyspaceEventClasses.None;

    /// <summary><c>maxmemory</c> in bytes; the value was validated at start-up or by <c>CONFIG SET</c>.</summary>
    internal static long MaxMemoryBytes(RedisServerOptions options) => MemorySize.TryParse(options.MaxMemory, out var bytes) ? bytes : 0;

    private static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Failed applying new configuration. Possibly related to new {Name} setting. Restoring previous settings.")]
    private partial void LogRestoring(string name);
}
