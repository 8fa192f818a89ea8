using System.Diagnostics;
using Microsoft.Extensions.Options;
using Redis.Application.Common;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;

namespace Redis.Infrastructure.Transport;

/// <summary>
/// Runs the keyspace's sampled sweep <c>hz</c> times a second, from the serving thread, between commands, and
/// samples the statistics for <c>INFO</c>'s instantaneous rates on the same tick (Redis's <c>serverCron</c> does both).
/// </summary>
/// <remarks>
/// Redis runs <c>activeExpireCycle</c> from its event loop for the same reason: the keyspace has no locks, so the
/// sweep must run on the thread that serves commands, never from a timer callback. The schedule follows the
/// machine's monotonic clock, while "expired" is judged by the injected <see cref="TimeProvider"/>, so a test that
/// moves a fake clock sees keys reclaimed on the next tick.
/// </remarks>
public sealed class ActiveExpiry(
    Keyspace keyspace,
    TimeProvider time,
    ServerStatistics statistics,
    IOptions<RedisServerOptions> options)
{
    // Redis's slow cycle spends up to 25% of each tick; this bounds a sweep to a quarter of the tick period.
    private readonly long _periodTicks = Stopwatch.Frequency / options.Value.Hz;
    private long _nextRun;

    /// <summary>Sweeps if a tick is due; cheap to call after every batch of commands.</summary>
    public void Tick()
    {
        var started = Stopwatch.GetTimestamp();
        if (started < _nextRun)
        {
            return;
        }

        _nextRun = started + _periodTicks;
        var budgetEnd = started + (_periodTicks / 4);
        var now = time.GetUnixMilliseconds();
        while (keyspace.SweepExpired(now).MoreExpiredLikely && Stopwatch.GetTimestamp() < budgetEnd)
        {
        }

        // Snapshot for readers on other threads (metrics), which must not touch the keyspace.
        statistics.Keys = keyspace.Count;
        statistics.VolatileKeys = keyspace.VolatileCount;
        statistics.ExpiredKeys = keyspace.ExpiredKeys;
        statistics.Sample(started);
    }
}
