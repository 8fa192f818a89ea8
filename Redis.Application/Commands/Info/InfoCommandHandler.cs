using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Memory;
using Redis.Application.Replies;
using Redis.Application.Replication;
using Redis.Application.Routing;
using Redis.Application.PubSub;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Info;

/// <summary>The server's state as Redis's <c>INFO</c> text: <c># Section</c> headers, <c>field:value</c> lines, CRLF line ends.</summary>
/// <remarks>
/// <para>
/// Field names are Redis 7.0's, so tools that parse INFO (StackExchange.Redis reads <c>redis_version</c> to choose
/// commands; monitoring reads <c>keyspace_hits</c>, <c>db0</c>) work unchanged. Each section reports what this server
/// really has: RDB snapshots without fork, replication as ADR 0037 builds it. In Clients, the recent maxima of the buffers are the largest
/// of the last 8 seconds the event loop's timer recorded (<see cref="ServerStatistics.RecordClientBuffers"/>) and of
/// what the open connections hold now (the blocking transport records nothing), and <c>blocked_clients</c> counts
/// the connections a <c>CLIENT PAUSE</c> postponed, as Redis counts <c>BLOCKED_POSTPONE</c>. Fields for machinery it lacks are left
/// out rather than invented, except where Redis's value is a constant such as <c>aof_enabled:0</c>.
/// </para>
/// <para>
/// As in Redis 7, sections may be named in any case and any number, <c>all</c> and <c>everything</c> give every section,
/// no name or <c>default</c> gives every one but Commandstats (Redis's <c>genInfoSectionDict</c> defaults; this server has
/// no Latencystats), output keeps Redis's section order, and a name it does not know adds nothing. The text is verbatim
/// (<c>=…txt:</c>) for a RESP3 connection, a bulk string for a RESP2 one.
/// </para>
/// </remarks>
public sealed class InfoCommandHandler(
    Databases databases,
    ServerStatistics statistics,
    ClientRegistry clients,
    PubSubRegistry pubSub,
    IServerSettings settings,
    IListenBacklog backlog,
    BlockedClients blocked,
    IPersistence persistence,
    IAppendOnlyFile appendOnly,
    CommandTable table,
    ErrorStatistics errors,
    MemoryLimit memory,
    ReplicationState replication,
    TimeProvider time) : IRequestHandler<InfoCommand, Reply>
{
    private static readonly string[] SectionOrder =
        ["server", "clients", "memory", "persistence", "stats", "replication", "cpu", "modules", "commandstats", "errorstats", "cluster", "keyspace"];

    /// <summary>The one section <c>INFO</c> and <c>INFO default</c> leave out (Redis 7.0 leaves Latencystats out too).</summary>
    private const string NotDefault = "commandstats";


    public ValueTask<Reply> Handle(InfoCommand request, CancellationToken cancellationToken)
    {
        var all = request.Sections.Any(s => s is "all" or "everything");
        var defaults = request.Sections.Length == 0 || request.Sections.Contains("default");
        var text = new StringBuilder();
        foreach (var section in SectionOrder)
        {
            if (!all && !(defaults && section != NotDefault) && !request.Sections.Contains(section))
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("\r\n");
            }

            Append(text, section);
        }

        return new(Reply.Verbatim(text.ToString()));
    }

    private void Append(StringBuilder text, string section)
    {
        switch (section)
        {
            case "server":
                Server(text);
                break;
            case "clients":
                Section(text, "Clients",
                    ("connected_clients", Number(clients.Count)),
                    ("waiting_clients", backlog.WaitingClients() is { } waiting ? Number(waiting) : null),
                    ("cluster_connections", "0"),
                    ("maxclients", Number(settings.GetInt64("maxclients", 1))),
                    ("client_recent_max_input_buffer", Number(Math.Max(statistics.ClientRecentMaxInputBuffer, clients.Sessions.Select(s => s.Connection is { } c ? c.QueryBufferLength + c.QueryBufferFree : 0).DefaultIfEmpty().Max()))),
                    ("client_recent_max_output_buffer", Number(Math.Max(statistics.ClientRecentMaxOutputBuffer, clients.Sessions.Select(s => s.Connection?.OutputMemory ?? 0).DefaultIfEmpty().Max()))),
                    ("blocked_clients", Number(clients.Sessions.Count(s => s.IsPostponed) + blocked.Count)),
                    ("tracking_clients", "0"),
                    ("clients_in_timeout_table", Number(blocked.WithDeadline)));
                break;
            case "memory":
                Memory(text);
                break;
            case "persistence":
                Persistence(text);
                break;
            case "stats":
                Section(text, "Stats",
                    ("total_connections_received", Number(statistics.ConnectionsReceived)),
                    ("total_commands_processed", Number(statistics.CommandsProcessed)),
                    ("instantaneous_ops_per_sec", Number(statistics.InstantaneousOpsPerSecond)),
                    ("total_net_input_bytes", Number(statistics.NetInputBytes)),
                    ("total_net_output_bytes", Number(statistics.NetOutputBytes)),
                    ("instantaneous_input_kbps", Kbps(statistics.InstantaneousInputKbps)),
                    ("instantaneous_output_kbps", Kbps(statistics.InstantaneousOutputKbps)),
                    ("rejected_connections", Number(statistics.RejectedConnections)),
                    ("sync_full", Number(replication.FullSyncs)),
                    ("sync_partial_ok", Number(replication.PartialSyncsAccepted)),
                    ("sync_partial_err", Number(replication.PartialSyncsRefused)),
                    ("protocol_error_disconnections", Number(statistics.ProtocolErrors)),
                    ("expired_keys", Number(databases.ExpiredKeys)),
                    ("evicted_keys", Number(statistics.EvictedKeys)),
                    ("keyspace_hits", Number(databases.KeyspaceHits)),
                    ("keyspace_misses", Number(databases.KeyspaceMisses)),
                    ("pubsub_channels", Number(pubSub.ChannelCount)),
                    ("pubsub_patterns", Number(pubSub.PatternCount)),
                    ("pubsubshard_channels", Number(pubSub.ShardChannelCount)),
                    ("latest_fork_usec", Number(persistence.Info.LatestSnapshotMicroseconds)),
                    ("total_error_replies", Number(errors.Total)));
                break;
            case "replication":
                Replication(text);
                break;
            case "cpu":
                using (var process = Process.GetCurrentProcess())
                {
                    Section(text, "CPU",
                        ("used_cpu_sys", Seconds(process.PrivilegedProcessorTime)),
                        ("used_cpu_user", Seconds(process.UserProcessorTime)),
                        ("used_cpu_sys_children", "0.000000"),
                        ("used_cpu_user_children", "0.000000"));
                }

                break;
            case "modules":
                Section(text, "Modules");
                break;
            case "commandstats":
                CommandStats(text);
                break;
            case "errorstats":
                Section(text, "Errorstats");
                foreach (var (code, count) in errors.Codes)
                {
                    text.Append(CultureInfo.InvariantCulture, $"errorstat_{SafeInfoString(code)}:count={count}\r\n");
                }

                break;
            case "cluster":
                Section(text, "Cluster", ("cluster_enabled", settings.GetString("cluster-enabled", "no") == "yes" ? "1" : "0"));
                break;
            default:
                // Redis lists only databases that hold keys; avg_ttl is the sweeps' running estimate, as in Redis.
                Section(text, "Keyspace");
                for (var index = 0; index < databases.Count; index++)
                {
                    var keyspace = databases[index];
                    if (keyspace.Count > 0)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"db{index}:keys={keyspace.Count},expires={keyspace.VolatileCount},avg_ttl={keyspace.AverageTtl}\r\n");
                    }
                }

                break;
        }
    }

    private void Server(StringBuilder text)
    {
        var uptime = (long)Stopwatch.GetElapsedTime(statistics.StartTimestamp).TotalSeconds;
        var now = time.GetUtcNow();
        var hz = Number(settings.GetInt64("hz", 10));
        var eventLoop = settings.GetString("io-model", "blocking") == "event-loop";
        Section(text, "Server",
            ("redis_version", RedisCompatibility.Version),
            ("redis_git_sha1", "00000000"),
            ("redis_git_dirty", "0"),
            ("redis_build_id", "0"),
            ("redis_mode", settings.GetString("cluster-enabled", "no") == "yes" ? "cluster" : "standalone"),
            ("os", OperatingSystem()),
            ("arch_bits", Number(IntPtr.Size * 8)),
            ("process_id", Number(Environment.ProcessId)),
            ("process_supervised", "no"),
            ("run_id", statistics.RunId),
            ("tcp_port", Number(statistics.ListenPort ?? settings.GetInt64("port", 6379))),
            ("server_time_usec", Number((now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10)),
            ("uptime_in_seconds", Number(uptime)),
            ("uptime_in_days", Number(uptime / 86400)),
            ("hz", hz),
            ("configured_hz", hz),
            ("executable", Environment.ProcessPath ?? string.Empty),
            ("config_file", string.Empty),
            ("io_threads_active", "0"),
            ("multiplexing_api", eventLoop ? "epoll" : "blocking"),
            ("io_model", eventLoop ? "one thread, epoll, every client at once" : "one thread, blocking sockets, one client at a time"));
    }

    /// <summary>
    /// Redis's <c>genRedisInfoStringCommandStats</c>: a line for each command and subcommand (<c>cmdstat_client|list</c>)
    /// that ran, failed or was refused, in name order (Redis's follows its hash table).
    /// </summary>
    private void CommandStats(StringBuilder text)
    {
        Section(text, "Commandstats");
        foreach (var command in table.Commands)
        {
            CommandStat(text, command.Name, command.Counters);
            for (var i = 0; i < command.Subcommands.Count; i++)
            {
                CommandStat(text, command.Subcommands[i].Name, command.Counters.Subcommands[i]);
            }
        }
    }

    private static void CommandStat(StringBuilder text, string name, CommandCounters counters)
    {
        if (counters is { Calls: 0, FailedCalls: 0, RejectedCalls: 0 })
        {
            return;
        }

        var microseconds = counters.ElapsedTicks / TimeSpan.TicksPerMicrosecond;
        var perCall = counters.Calls == 0 ? 0 : (double)microseconds / counters.Calls;
        text.Append(CultureInfo.InvariantCulture,
            $"cmdstat_{SafeInfoString(name)}:calls={counters.Calls},usec={microseconds},usec_per_call={perCall:F2},rejected_calls={counters.RejectedCalls},failed_calls={counters.FailedCalls}\r\n");
    }

    /// <summary>Redis's <c>getSafeInfoString</c>: <c>#</c>, <c>:</c>, CR and LF become <c>_</c>, so a name cannot break the <c>field:value</c> lines.</summary>
    private static string SafeInfoString(string name) =>
        name.Replace('#', '_').Replace(':', '_').Replace('\r', '_').Replace('\n', '_');

    private void Memory(StringBuilder text)
    {
        // used_memory is the figure maxmemory is compared with (ADR 0035): the heap at start-up, the clients' buffers and
        // what the keys hold, counted as they change; the process's resident memory and the collector's heap are shown beside it.
        var used = memory.SampleUsed();
        var peak = memory.PeakBytes;
        var clientBuffers = memory.Clients.NormalBytes;
        var replicaBuffers = memory.Clients.ReplicaBytes;
        var overhead = memory.StartupBytes + clientBuffers + replicaBuffers;
        var dataset = used - overhead;
        var rss = Environment.WorkingSet;
        var total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var limit = memory.Limit;
        Section(text, "Memory",
            ("used_memory", Number(used)),
            ("used_memory_human", Human(used)),
            ("used_memory_rss", Number(rss)),
            ("used_memory_rss_human", Human(rss)),
            ("used_memory_peak", Number(peak)),
            ("used_memory_peak_human", Human(peak)),
            ("used_memory_peak_perc", Percent(used, peak)),
            ("used_memory_overhead", Number(overhead)),
            ("used_memory_startup", Number(memory.StartupBytes)),
            ("used_memory_dataset", Number(dataset)),
            ("used_memory_dataset_perc", Percent(dataset, used)),
            ("used_memory_gc_heap", Number(GC.GetTotalMemory(forceFullCollection: false))),
            ("used_memory_pooled_records", Number(databases.PooledRecordBytes)),
            ("total_system_memory", Number(total)),
            ("total_system_memory_human", Human(total)),
            ("maxmemory", Number(limit)),
            ("maxmemory_human", Human(limit)),
            ("maxmemory_policy", EvictionPolicies.Name(memory.Policy)),
            ("mem_fragmentation_ratio", ((double)rss / Math.Max(used, 1)).ToString("F2", CultureInfo.InvariantCulture)),
            ("mem_fragmentation_bytes", Number(rss - used)),
            ("mem_not_counted_for_evict", Number(replicaBuffers)),
            ("mem_clients_slaves", Number(replicaBuffers)),
            ("mem_clients_normal", Number(clientBuffers)),
            ("mem_allocator", "dotnet-gc"));
    }

    // The fields of Redis 7.0's Persistence section that have a meaning here: the RDB snapshots and the append-only
    // file (no fork: the copy-on-write figures are left out), the sizes only while the file is on, as Redis shows them.
    private void Persistence(StringBuilder text)
    {
        var info = persistence.Info;
        var aof = appendOnly.Info;
        Section(text, "Persistence",
            ("loading", "0"),
            ("async_loading", "0"),
            ("current_save_keys_total", Number(info.SnapshotKeysTotal)),
            ("rdb_changes_since_last_save", Number(info.ChangesSinceLastSave)),
            ("rdb_bgsave_in_progress", info.BackgroundSaveInProgress ? "1" : "0"),
            ("rdb_last_save_time", Number(info.LastSaveUnixSeconds)),
            ("rdb_last_bgsave_status", info.LastBackgroundSaveOk ? "ok" : "err"),
            ("rdb_last_bgsave_time_sec", Number(info.LastBackgroundSaveSeconds)),
            ("rdb_current_bgsave_time_sec", Number(info.CurrentBackgroundSaveSeconds)),
            ("rdb_saves", Number(info.Saves)),
            ("rdb_last_load_keys_expired", Number(info.KeysExpiredOnLoad)),
            ("rdb_last_load_keys_loaded", Number(info.KeysLoaded)),
            ("aof_enabled", aof.Enabled ? "1" : "0"),
            ("aof_rewrite_in_progress", aof.RewriteInProgress ? "1" : "0"),
            ("aof_rewrite_scheduled", aof.RewriteScheduled ? "1" : "0"),
            ("aof_last_rewrite_time_sec", Number(aof.LastRewriteSeconds)),
            ("aof_current_rewrite_time_sec", Number(aof.CurrentRewriteSeconds)),
            ("aof_last_bgrewrite_status", aof.LastRewriteOk ? "ok" : "err"),
            ("aof_rewrites", Number(aof.Rewrites)),
            ("aof_rewrites_consecutive_failures", Number(aof.ConsecutiveFailures)),
            ("aof_last_write_status", aof.LastWriteOk ? "ok" : "err"),
            ("aof_current_size", aof.Enabled ? Number(aof.CurrentSize) : null),
            ("aof_base_size", aof.Enabled ? Number(aof.BaseSize) : null),
            ("aof_pending_rewrite", aof.Enabled ? (aof.RewriteScheduled ? "1" : "0") : null),
            ("aof_buffer_length", aof.Enabled ? Number(aof.BufferLength) : null),
            ("aof_pending_bio_fsync", aof.Enabled ? "0" : null),
            ("aof_delayed_fsync", aof.Enabled ? Number(aof.DelayedFsync) : null));
    }

    /// <summary>Appends a section; a field whose value is null (not known here) is left out.</summary>
    /// <summary>Redis's <c>genRedisInfoString</c> "replication" section: the replica's link first, then the replicas and the history.</summary>
    private void Replication(StringBuilder text)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var replica = replication.Role == ReplicationRole.Replica;
        var linkUp = replica && replication.LinkState == MasterLinkState.Connected;
        Section(text, "Replication",
            ("role", replica ? "slave" : "master"),
            ("master_host", replica ? replication.MasterHost : null),
            ("master_port", replica ? Number(replication.MasterPort) : null),
            ("master_link_status", replica ? (linkUp ? "up" : "down") : null),
            ("master_last_io_seconds_ago", replica ? Number(replication.Master is null ? -1 : (now - replication.LastMasterInteraction) / 1000) : null),
            ("master_sync_in_progress", replica ? (replication.LinkState == MasterLinkState.Transfer ? "1" : "0") : null),
            ("slave_read_repl_offset", replica ? Number(replication.Offset) : null),
            ("slave_repl_offset", replica ? Number(replication.Offset) : null),
            ("master_link_down_since_seconds", replica && !linkUp ? Number(replication.LinkDownSince == 0 ? -1 : (now - replication.LinkDownSince) / 1000) : null),
            ("slave_priority", replica ? "100" : null),
            ("slave_read_only", replica ? (replication.ReadOnly ? "1" : "0") : null),
            ("replica_announced", replica ? "1" : null),
            ("connected_slaves", Number(replication.Replicas.Count)));
        var index = 0;
        foreach (var link in replication.Replicas)
        {
            var state = link.State == ReplicaState.Online ? "online" : "wait_bgsave";
            text.Append(CultureInfo.InvariantCulture,
                $"slave{index++}:ip={link.Address},port={link.ListeningPort},state={state},offset={link.AckOffset},lag={(now - link.AckTime) / 1000}\r\n");
        }

        var backlog = replication.Backlog;
        text.Append("master_failover_state:no-failover\r\n");
        text.Append("master_replid:").Append(replication.ReplicationId).Append("\r\n");
        text.Append("master_replid2:").Append(replication.ReplicationId2).Append("\r\n");
        text.Append(CultureInfo.InvariantCulture, $"master_repl_offset:{replication.Offset}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"second_repl_offset:{replication.SecondOffset}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"repl_backlog_active:{(backlog is null ? 0 : 1)}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"repl_backlog_size:{backlog?.Capacity ?? replication.BacklogSize}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"repl_backlog_first_byte_offset:{backlog?.FirstByteOffset ?? 0}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"repl_backlog_histlen:{backlog?.HistoryLength ?? 0}\r\n");
    }

    private static void Section(StringBuilder text, string title, params (string Name, string? Value)[] fields)
    {
        text.Append("# ").Append(title).Append("\r\n");
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                text.Append(name).Append(':').Append(value).Append("\r\n");
            }
        }
    }

    private static string Kbps(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(long part, long whole) =>
        (whole <= 0 ? 0 : 100.0 * part / whole).ToString("F2", CultureInfo.InvariantCulture) + "%";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F6", CultureInfo.InvariantCulture);

    /// <summary>Redis's <c>uname</c> line: system, release, machine (for example <c>Linux 6.1.0 x86_64</c>).</summary>
    private static string OperatingSystem()
    {
        var system = System.OperatingSystem.IsLinux() ? "Linux"
            : System.OperatingSystem.IsMacOS() ? "Darwin"
            : System.OperatingSystem.IsWindows() ? "Windows"
            : RuntimeInformation.OSDescription.Split(' ')[0];
        var machine = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x86_64",
            Architecture.Arm64 => "aarch64",
            var other => other.ToString().ToLowerInvariant(),
        };
        return $"{system} {Environment.OSVersion.Version} {machine}";
    }

    /// <summary>Redis's <c>bytesToHuman</c>: B below 1 KiB, else two decimals and K, M, G, T or P.</summary>
    private static string Human(long bytes)
    {
        string[] units = ["K", "M", "G", "T", "P"];
        if (bytes < 1024)
        {
            return Number(bytes) + "B";
        }

        var value = (double)bytes;
        foreach (var unit in units)
        {
            value /= 1024;
            if (value < 1024 || unit == "P")
            {
                return value.ToString("F2", CultureInfo.InvariantCulture) + unit;
            }
        }

        return Number(bytes) + "B";
    }
}
