using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Redis.Infrastructure.Configuration;

namespace Redis.Hosting;

/// <summary>The server's command-line switches, mapped onto the <c>Redis</c> configuration section.</summary>
/// <remarks>Redis's own spellings (<c>--port 6380</c>, <c>--bind</c>, <c>--tcp-backlog</c>) work as they do for redis-server.</remarks>
public static class ServerCommandLine
{
    private const string Verbose = "--verbose";

    public static Dictionary<string, string> SwitchMappings { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--port"] = Key(nameof(RedisServerOptions.Port)),
        ["--bind"] = Key(nameof(RedisServerOptions.Bind)),
        ["--tcp-backlog"] = Key(nameof(RedisServerOptions.TcpBacklog)),
        ["--proto-max-bulk-len"] = Key(nameof(RedisServerOptions.ProtoMaxBulkLen)),
        ["--inline-max-length"] = Key(nameof(RedisServerOptions.InlineMaxLength)),
        ["--max-arguments"] = Key(nameof(RedisServerOptions.MaxArguments)),
        ["--client-query-buffer-limit"] = Key(nameof(RedisServerOptions.ClientQueryBufferLimit)),
        ["--hz"] = Key(nameof(RedisServerOptions.Hz)),
        ["--timeout"] = Key(nameof(RedisServerOptions.Timeout)),
        ["--protected-mode"] = Key(nameof(RedisServerOptions.ProtectedMode)),
        ["--requirepass"] = Key(nameof(RedisServerOptions.RequirePass)),
        ["--replicaof"] = Key(nameof(RedisServerOptions.ReplicaOf)),
        ["--masterauth"] = Key(nameof(RedisServerOptions.MasterAuth)),
        ["--masteruser"] = Key(nameof(RedisServerOptions.MasterUser)),
        ["--repl-backlog-size"] = Key(nameof(RedisServerOptions.ReplBacklogSize)),
        ["--repl-ping-replica-period"] = Key(nameof(RedisServerOptions.ReplPingReplicaPeriod)),
        ["--repl-timeout"] = Key(nameof(RedisServerOptions.ReplTimeout)),
        ["--replica-read-only"] = Key(nameof(RedisServerOptions.ReplicaReadOnly)),
        ["--busy-poll-us"] = Key(nameof(RedisServerOptions.BusyPollMicroseconds)),
        ["--io-model"] = Key(nameof(RedisServerOptions.IoModel)),
        ["--maxclients"] = Key(nameof(RedisServerOptions.MaxClients)),
        ["--client-output-buffer-limit"] = Key(nameof(RedisServerOptions.ClientOutputBufferLimit)),
        ["--tcp-keepalive"] = Key(nameof(RedisServerOptions.TcpKeepAlive)),
        ["--slowlog-log-slower-than"] = Key(nameof(RedisServerOptions.SlowlogLogSlowerThan)),
        ["--slowlog-max-len"] = Key(nameof(RedisServerOptions.SlowlogMaxLen)),
        ["--busy-reply-threshold"] = Key(nameof(RedisServerOptions.BusyReplyThreshold)),
        ["--notify-keyspace-events"] = Key(nameof(RedisServerOptions.NotifyKeyspaceEvents)),
        ["--maxmemory"] = Key(nameof(RedisServerOptions.MaxMemory)),
        ["--maxmemory-policy"] = Key(nameof(RedisServerOptions.MaxMemoryPolicy)),
        ["--maxmemory-samples"] = Key(nameof(RedisServerOptions.MaxMemorySamples)),
        ["--maxmemory-eviction-tenacity"] = Key(nameof(RedisServerOptions.MaxMemoryEvictionTenacity)),
        ["--lfu-log-factor"] = Key(nameof(RedisServerOptions.LfuLogFactor)),
        ["--lfu-decay-time"] = Key(nameof(RedisServerOptions.LfuDecayTime)),
        ["--save"] = Key(nameof(RedisServerOptions.Save)),
        ["--dir"] = Key(nameof(RedisServerOptions.Dir)),
        ["--dbfilename"] = Key(nameof(RedisServerOptions.DbFilename)),
        ["--rdbcompression"] = Key(nameof(RedisServerOptions.RdbCompression)),
        ["--rdbchecksum"] = Key(nameof(RedisServerOptions.RdbChecksum)),
        ["--stop-writes-on-bgsave-error"] = Key(nameof(RedisServerOptions.StopWritesOnBgsaveError)),
        ["--enable-debug-command"] = Key(nameof(RedisServerOptions.EnableDebugCommand)),
        ["--appendonly"] = Key(nameof(RedisServerOptions.AppendOnly)),
        ["--appenddirname"] = Key(nameof(RedisServerOptions.AppendDirName)),
        ["--appendfilename"] = Key(nameof(RedisServerOptions.AppendFilename)),
        ["--appendfsync"] = Key(nameof(RedisServerOptions.AppendFsync)),
        ["--aof-use-rdb-preamble"] = Key(nameof(RedisServerOptions.AofUseRdbPreamble)),
        ["--aof-load-truncated"] = Key(nameof(RedisServerOptions.AofLoadTruncated)),
        ["--auto-aof-rewrite-percentage"] = Key(nameof(RedisServerOptions.AutoAofRewritePercentage)),
        ["--auto-aof-rewrite-min-size"] = Key(nameof(RedisServerOptions.AutoAofRewriteMinSize)),
        ["--no-appendfsync-on-rewrite"] = Key(nameof(RedisServerOptions.NoAppendfsyncOnRewrite)),
        ["--databases"] = Key(nameof(RedisServerOptions.Databases)),
        ["--clock"] = Key(nameof(RedisServerOptions.Clock)),
        ["--hash-max-listpack-entries"] = Key(nameof(RedisServerOptions.HashMaxListpackEntries)),
        ["--hash-max-listpack-value"] = Key(nameof(RedisServerOptions.HashMaxListpackValue)),
        ["--list-max-listpack-size"] = Key(nameof(RedisServerOptions.ListMaxListpackSize)),
        ["--list-compress-depth"] = Key(nameof(RedisServerOptions.ListCompressDepth)),
        ["--set-max-intset-entries"] = Key(nameof(RedisServerOptions.SetMaxIntsetEntries)),
        ["--zset-max-listpack-entries"] = Key(nameof(RedisServerOptions.ZsetMaxListpackEntries)),
        ["--zset-max-listpack-value"] = Key(nameof(RedisServerOptions.ZsetMaxListpackValue)),
        ["--cluster-enabled"] = Key(nameof(RedisServerOptions.ClusterEnabled)),
        ["--cluster-config-file"] = Key(nameof(RedisServerOptions.ClusterConfigFile)),
        ["--cluster-node-timeout"] = Key(nameof(RedisServerOptions.ClusterNodeTimeout)),
        ["--cluster-port"] = Key(nameof(RedisServerOptions.ClusterPort)),
        ["--cluster-require-full-coverage"] = Key(nameof(RedisServerOptions.ClusterRequireFullCoverage)),
        ["--cluster-allow-reads-when-down"] = Key(nameof(RedisServerOptions.ClusterAllowReadsWhenDown)),
    };

    /// <summary>True when <c>--verbose</c> asks for per-command (Debug) logging.</summary>
    public static bool IsVerbose(string[] args) => args.Contains(Verbose, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The arguments without value-less flags, which the configuration parser would misread, and with Redis's
    /// <c>yes</c>/<c>no</c> for a yes-or-no setting (<c>--protected-mode no</c>, <c>--rdbcompression yes</c>) turned into
    /// the <c>true</c>/<c>false</c> the binder reads.
    /// </summary>
    public static string[] WithoutFlags(string[] args)
    {
        var kept = args.Where(a => !string.Equals(a, Verbose, StringComparison.OrdinalIgnoreCase)).ToArray();
        for (var i = 0; i < kept.Length; i++)
        {
            var (name, value) = kept[i].Split('=', 2) is [var n, var v] ? (n, v) : (kept[i], null);
            if (!SwitchMappings.TryGetValue(name, out var key) || !IsYesNo(key))
            {
                continue;
            }

            if (value is not null)
            {
                kept[i] = $"{name}={TrueOrFalse(value)}";
            }
            else if (i + 1 < kept.Length)
            {
                kept[i + 1] = TrueOrFalse(kept[i + 1]);
            }
        }

        return kept;
    }

    private static bool IsYesNo(string key) =>
        typeof(RedisServerOptions).GetProperty(key[(RedisServerOptions.SectionName.Length + 1)..])?.PropertyType == typeof(bool);

    private static string TrueOrFalse(string value) => value.ToLowerInvariant() switch
    {
        "yes" => "true",
        "no" => "false",
        _ => value,
    };

    public static string AddressInUseMessage(IConfiguration configuration)
    {
        var options = configuration.GetSection(RedisServerOptions.SectionName).Get<RedisServerOptions>() ?? new RedisServerOptions();
        return $"Could not listen on {options.Bind}:{options.Port}: the address is already in use. " +
               $"Is another server running? Choose another port with --port <port>.";
    }

    /// <summary>One line for a setting that cannot be used, or null when <paramref name="e"/> is not about settings.</summary>
    /// <remarks>
    /// Settings are bound and validated (<c>ValidateDataAnnotations</c>) when the server is first resolved: a value of
    /// the wrong type fails the binding, a value out of range fails the validation.
    /// </remarks>
    public static string? InvalidSettingMessage(Exception e) => e switch
    {
        OptionsValidationException invalid => "Invalid settings: " + string.Join(" ", invalid.Failures.Select(Describe)),
        InvalidOperationException { InnerException: not null } conversion
            when conversion.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            "Invalid settings: " + conversion.Message,
        _ => null,
    };

    /// <summary>"... members: 'Port' with the error: 'The field Port must be between 0 and 65535.'." becomes the last part.</summary>
    private static string Describe(string failure)
    {
        const string Marker = "with the error: '";
        var at = failure.IndexOf(Marker, StringComparison.Ordinal);
        var message = at < 0 ? failure : failure[(at + Marker.Length)..];
        return message.EndsWith("'.", StringComparison.Ordinal) ? message[..^2] : message;
    }

    private static string Key(string property) => $"{RedisServerOptions.SectionName}:{property}";
}
