using System.Diagnostics;
using Microsoft.Extensions.Options;
using Redis.Application.Common;
using Redis.Application.Scripting;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Persistence;

namespace Redis.Infrastructure.Transport;

/// <summary>
/// Runs the keyspace's sampled sweep <c>hz</c> times a second, from the serving thread, between commands, and
/// samples the statistics for <c>INFO</c>'s instantaneous rates on the same tick (Redis's <c>serverCron</c> does both).
/// </summary>
/// <remarks>
/// <para>
/// Redis runs <c>activeExpireCycle</c> from its event loop for the same reason: the keyspace has no locks, so the
/// sweep must run on the thread that serves commands, never from a timer callback.
/// </para>
/// <para>
/// Both the schedule and "expired" follow the injected <see cref="TimeProvider"/> (its timestamps and its wall clock):
/// in production that is the machine's monotonic clock; under a test's <c>FakeTimeProvider</c> a tick is due exactly
/// when the test has moved the clock by a period, so whether a sweep ran between two commands never depends on how
/// fast a busy machine ran them. The sweep's time budget is CPU time, and stays on the real <see cref="Stopwatch"/>,
/// as do the instantaneous rates.
/// </para>
/// <para>
/// Databases are swept round-robin, as Redis's <c>activeExpireCycle</c> walks them: up to <see cref="DatabasesPerTick"/>
/// a tick, starting after the last one swept, each until its samples come back mostly live or the tick's budget is
/// spent; after a tick that ran out of budget, the next one may visit every database. The budget is the tick's,
/// whatever the number of databases.
/// </para>
/// </remarks>
/// <param name="jobs">What else runs on the tick (the save points, the end of a background save).</param>
/// <param name="script">The script that may be holding the thread: no key expires under it (see <see cref="CatchUp"/>).</param>
public sealed class ActiveExpiry(
    Databases databases,
    TimeProvider time,
    ServerStatistics statistics,
    IOptions<RedisServerOptions> options,
    IEnumerable<ICronJob>? jobs = null,
    RunningScript? script = null)
{
    private readonly ICronJob[] _jobs = [.. jobs ?? []];
    private readonly RedisServerOptions _options = options.Value;
    private readonly bool _clockIsControlled = !ReferenceEquals(time, TimeProvider.System);
    private int _hz;
    private long _periodTimestamps;

    // Redis's slow cycle spends up to 25% of each tick; this bounds a sweep to a quarter of the tick period.
    private long _budgetTicks;
    private long _nextRun = long.MinValue;
    private int _nextDatabase;
    private bool _budgetSpent;

    /// <summary>Databases swept per tick, Redis's <c>CRON_DBS_PER_CALL</c>.</summary>
    public const int DatabasesPerTick = 16;

    /// <summary>
    /// On a clock the host controls (any <see cref="TimeProvider"/> but the machine's: a test's <c>FakeTimeProvider</c>,
    /// <c>--clock manual</c>), a jump past a whole tick that no tick ran in expires every key whose time has passed, before
    /// the next command runs: what Redis's cycle would have reclaimed over that time, in one step, so a test that moves
    /// the clock sees the keys gone from <c>DBSIZE</c> and <c>SCAN</c> and their <c>expired</c> events at once.
    /// </summary>
    /// <remarks>
    /// Called before every batch of commands; on the machine's clock it is this one field test. Not while a busy script
    /// has other connections served between its instructions: the script still sees the keys it started with.
    /// </remarks>
    public void CatchUp()
    {
        if (!_clockIsControlled || _nextRun == long.MinValue || script?.IsRunning == true ||
            time.GetTimestamp() < _nextRun + _periodTimestamps)
        {
            return;
        }

        var now = time.GetUnixMilliseconds();
        for (var index = 0; index < databases.Count; index++)
        {
            databases[index].ExpireAllPassed(now);
        }

        Tick();
    }

    /// <summary>Sweeps if a tick is due; cheap to call after every batch of commands.</summary>
    public void Tick()
    {
        var scheduled = time.GetTimestamp();
        if (scheduled < _nextRun)
        {
            return;
        }

        // CONFIG SET hz takes effect at the next tick; one comparison per tick notices it.
        if (_options.Hz != _hz)
        {
            _hz = _options.Hz;
            _periodTimestamps = time.TimestampFrequency / _hz;
            _budgetTicks = Stopwatch.Frequency / _hz / 4;
        }

        _nextRun = scheduled + _periodTimestamps;
        var started = Stopwatch.GetTimestamp();
        var budgetEnd = started + _budgetTicks;
        var now = time.GetUnixMilliseconds();
        var visits = _budgetSpent ? databases.Count : Math.Min(DatabasesPerTick, databases.Count);
        _budgetSpent = false;
        for (var visit = 0; visit < visits && !_budgetSpent; visit++)
        {
            var keyspace = databases[_nextDatabase];
            _nextDatabase = (_nextDatabase + 1) % databases.Count;
            while (keyspace.SweepExpired(now).MoreExpiredLikely)
            {
                if (Stopwatch.GetTimestamp() >= budgetEnd)
                {
                    _budgetSpent = true;
                    break;
                }
            }
        }

        foreach (var job in _jobs)
        {
            job.Run(now);
        }

        // Snapshot for readers on other threads (metrics), which must not touch the keyspaces.
        statistics.Keys = databases.KeyCount;
        statistics.VolatileKeys = databases.VolatileCount;
        statistics.ExpiredKeys = databases.ExpiredKeys;
        statistics.Sample(started);
    }
}
