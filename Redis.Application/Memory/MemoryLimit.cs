using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.PubSub;
using Redis.Domain.Keys;

namespace Redis.Application.Memory;

/// <summary>
/// <c>maxmemory</c> and its policy (Redis's <c>evict.c</c>): the used-memory figure, and the evictions that keep it
/// under the limit before each command (<see cref="PerformEvictions"/>), in slices no longer than
/// <c>maxmemory-eviction-tenacity</c> allows, continued by the cron while still over (<see cref="CronTick"/>).
/// </summary>
/// <remarks>
/// <para>
/// Used memory is <see cref="StartupBytes"/>, the managed heap when the server started, plus the clients' buffers
/// (<see cref="Clients"/>), plus what the keys hold, counted as they change (<see cref="Databases.DatasetBytes"/>,
/// the sum of every key's <c>MEMORY USAGE</c>). Reading
/// it costs a sum over the databases, so it can be asked before every command; an evicted key lowers it at once, which
/// the collector's heap figure would do only after its next collection (ADR 0035).
/// </para>
/// <para>
/// An evicted key is deleted as Redis's <c>performEvictions</c> deletes it: its watches are marked, the <c>evicted</c>
/// keyspace event (class <c>e</c>) is published, it reaches the append-only file as <c>DEL</c>, and
/// <c>evicted_keys</c> counts it. Only the serving thread uses this.
/// </para>
/// </remarks>
public sealed class MemoryLimit
{
    private readonly Databases _databases;
    private readonly KeyspaceEvents _events;
    private readonly CommandPropagation _propagation;
    private readonly ServerStatistics _statistics;
    private readonly TimeProvider _time;
    private readonly LiveSetting _maxMemory;
    private readonly LiveSetting _samples;
    private readonly LiveSetting _tenacity;
    private readonly LiveSetting _logFactor;
    private readonly LiveSetting _decayTime;
    private readonly EvictionPool _pool = new();
    private bool _cronRunning;

    public MemoryLimit(Databases databases, IServerSettings settings, KeyspaceEvents events, CommandPropagation propagation, ServerStatistics statistics, TimeProvider time)
        : this(databases, settings, events, propagation, statistics, time, GC.GetTotalMemory(forceFullCollection: false))
    {
    }

    /// <param name="startupBytes">The memory counted before any key (<see cref="StartupBytes"/>); tests pass a fixed figure.</param>
    public MemoryLimit(Databases databases, IServerSettings settings, KeyspaceEvents events, CommandPropagation propagation, ServerStatistics statistics, TimeProvider time, long startupBytes)
    {
        ArgumentNullException.ThrowIfNull(settings);
        (_databases, _events, _propagation, _statistics, _time) = (databases, events, propagation, statistics, time);
        StartupBytes = startupBytes;
        PeakBytes = startupBytes;
        _maxMemory = new LiveSetting(settings, "maxmemory", 0);
        _samples = new LiveSetting(settings, "maxmemory-samples", 5);
        _tenacity = new LiveSetting(settings, "maxmemory-eviction-tenacity", 10);
        _logFactor = new LiveSetting(settings, "lfu-log-factor", 10);
        _decayTime = new LiveSetting(settings, "lfu-decay-time", 1);
        Policy = ReadPolicy(settings);
        ConfigureClock();
        settings.Changed += name =>
        {
            if (name == "maxmemory-policy")
            {
                Policy = ReadPolicy(settings);
                _pool.Clear();
                ConfigureClock();
            }
            else if (name is "lfu-log-factor" or "lfu-decay-time")
            {
                ConfigureClock();
            }
            else if (name == "maxmemory" && _maxMemory.Value != 0)
            {
                // updateMaxmemory: startEvictionTimeProc, so a lower limit is reached from the next cron tick on,
                // whether or not a command comes.
                _cronRunning = true;
            }
        };
    }

    /// <summary>The managed heap when the server started (Redis's <c>used_memory_startup</c>).</summary>
    public long StartupBytes { get; }

    /// <summary>The clients' buffers (<c>mem_clients_normal</c>), which the transports keep and used memory includes.</summary>
    public ClientBufferMemory Clients { get; } = new();

    /// <summary><c>maxmemory</c> in bytes; 0 for no limit.</summary>
    public long Limit => _maxMemory.Value;

    /// <summary><c>maxmemory-policy</c>.</summary>
    public EvictionPolicy Policy { get; private set; }

    /// <summary><c>used_memory</c>: <see cref="StartupBytes"/>, the clients' buffers and what the keys hold; all of it counts toward the limit.</summary>
    public long UsedBytes => StartupBytes + Clients.NormalBytes + Clients.ReplicaBytes + _databases.DatasetBytes;

    /// <summary>The highest <see cref="UsedBytes"/> seen at a check or an <c>INFO</c> (<c>used_memory_peak</c>).</summary>
    public long PeakBytes { get; private set; }

    /// <summary>
    /// Redis's <c>server.pre_command_oom_state</c>: the last check before a command found memory over the limit with
    /// nothing to evict. A script that has not written yet refuses <c>denyoom</c> commands while it holds
    /// (<c>scriptVerifyOOM</c>).
    /// </summary>
    public bool OutOfMemoryBeforeCommand { get; set; }

    /// <summary>Notes <see cref="UsedBytes"/> for the peak, and answers it.</summary>
    public long SampleUsed()
    {
        var used = UsedBytes;
        PeakBytes = Math.Max(PeakBytes, used);
        return used;
    }

    /// <summary>
    /// Redis's <c>performEvictions</c>: while used memory is over <see cref="Limit"/>, evicts keys by
    /// <see cref="Policy"/> until what was freed covers the excess, the policy has nothing left to evict, or the time
    /// <c>maxmemory-eviction-tenacity</c> allows has passed (checked every 16 keys; the cron then goes on).
    /// </summary>
    /// <remarks>Not while a file is replayed (Redis's <c>isSafeToPerformEvictions</c> and <c>server.loading</c>).</remarks>
    public EvictionResult PerformEvictions()
    {
        var limit = Limit;
        if (limit == 0 || _databases.ExpiryPaused)
        {
            return EvictionResult.Ok;
        }

        var used = SampleUsed() - Clients.ReplicaBytes;
        if (used <= limit)
        {
            _cronRunning = false;
            return EvictionResult.Ok;
        }

        if (Policy == EvictionPolicy.NoEviction)
        {
            return EvictionResult.Fail;
        }

        var toFree = used - limit;
        long freed = 0;
        var keysFreed = 0;
        var started = _time.GetTimestamp();
        var budget = TimeLimitMicroseconds(_tenacity.Value);
        var samples = (int)Math.Clamp(_samples.Value, 1, int.MaxValue);
        while (freed < toFree)
        {
            if (!_databases.TryEvictOne(Policy, samples, _pool, out var database, out var key, out var bytes))
            {
                return EvictionResult.Fail;
            }

            freed += bytes;
            _statistics.EvictedKeys++;
            _events.Notify(KeyspaceEventClasses.Evicted, KeyspaceEventNames.Evicted, key, database);
            _propagation.Deleted(database, key);
            keysFreed++;
            if (keysFreed % 16 == 0 && _time.GetElapsedTime(started).Ticks / TimeSpan.TicksPerMicrosecond > budget)
            {
                _cronRunning = true;
                return EvictionResult.Running;
            }
        }

        _cronRunning = false;
        return EvictionResult.Ok;
    }

    /// <summary>Redis's <c>evictionTimeProc</c>: goes on evicting after a command or a lower <c>maxmemory</c> left memory over the limit.</summary>
    public void CronTick()
    {
        if (_cronRunning)
        {
            PerformEvictions();
        }
    }

    /// <summary>Redis's <c>evictionTimeLimitUs</c>: 50 µs per step up to 10, then 15% more per step, none at 100.</summary>
    public static long TimeLimitMicroseconds(long tenacity) => tenacity switch
    {
        <= 10 => 50 * Math.Max(tenacity, 0),
        < 100 => (long)(500.0 * Math.Pow(1.15, tenacity - 10.0)),
        _ => long.MaxValue,
    };

    // The keys' clocks count frequency under an LFU policy, time otherwise (Redis reads maxmemory_policy at each access).
    private void ConfigureClock()
    {
        var clock = _databases.AccessClock;
        clock.CountsFrequency = Policy.IsLfu();
        clock.ReadByPolicy = Policy.IsLfu() || Policy.IsLru();
        clock.LogFactor = (int)Math.Clamp(_logFactor.Value, 0, int.MaxValue);
        clock.DecayTime = (int)Math.Clamp(_decayTime.Value, 0, int.MaxValue);
    }

    private static EvictionPolicy ReadPolicy(IServerSettings settings) =>
        EvictionPolicies.TryParse(settings.GetString("maxmemory-policy", "noeviction"), out var policy) ? policy : EvictionPolicy.NoEviction;
}
