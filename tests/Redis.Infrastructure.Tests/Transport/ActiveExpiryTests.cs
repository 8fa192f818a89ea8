using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Redis.Application.Common;
using Redis.Application.Scripting;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Transport;

namespace Redis.Infrastructure.Tests.Transport;

/// <summary>When the sampled sweep runs: on the injected clock, so a test decides whether a tick is due.</summary>
public class ActiveExpiryTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private readonly Databases _databases = new();
    private readonly ServerStatistics _statistics = new();
    private readonly ActiveExpiry _expiry;

    public ActiveExpiryTests()
    {
        // hz 10: a tick is due every 100 ms of the clock.
        _expiry = new ActiveExpiry(_databases, _clock, _statistics, Options.Create(new RedisServerOptions { Hz = 10 }));
    }

    [Fact]
    public void SweepsOnTheFirstTick()
    {
        _databases[0].Set("k"u8, "v"u8, Now() - 1);

        _expiry.Tick();

        Assert.Equal(0, _databases[0].Count);
        Assert.Equal(1, _statistics.ExpiredKeys);
    }

    [Fact]
    public void RunsNoSweepBeforeTheClockHasMovedByAPeriod()
    {
        _expiry.Tick();
        _databases[0].Set("k"u8, "v"u8, Now() + 50);

        _clock.Advance(TimeSpan.FromMilliseconds(99));
        _expiry.Tick();

        Assert.Equal(1, _databases[0].Count);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        _expiry.Tick();

        Assert.Equal(0, _databases[0].Count);
        Assert.Equal(0, _statistics.Keys);
    }

    [Fact]
    public void RunsOneSweepPerPeriodHoweverOftenItIsCalled()
    {
        _expiry.Tick();
        _databases[0].Set("k"u8, "v"u8, Now() - 1);

        for (var i = 0; i < 1000; i++)
        {
            _expiry.Tick();
        }

        // Lazy expiry aside, the expired key stays until the next period: the 1000 calls cost one timestamp read each.
        Assert.Equal(1, _databases[0].Count);
    }

    [Fact]
    public void SweepsEveryDatabase()
    {
        _databases[0].Set("a"u8, "v"u8, Now() - 1);
        _databases[9].Set("b"u8, "v"u8, Now() - 1);
        _databases[15].Set("c"u8, "v"u8, Now() + 60_000);

        _expiry.Tick();

        Assert.Equal(0, _databases[0].Count);
        Assert.Equal(0, _databases[9].Count);
        Assert.Equal(1, _databases[15].Count);
        Assert.Equal(2, _statistics.ExpiredKeys);
        Assert.Equal(1, _statistics.Keys);
        Assert.Equal(1, _statistics.VolatileKeys);
    }

    [Fact]
    public void WalksMoreDatabasesThanOneTickVisitsRoundRobin()
    {
        // 20 databases: a tick visits 16 (Redis's CRON_DBS_PER_CALL), the next starts where it stopped.
        var databases = new Databases(20);
        var expiry = new ActiveExpiry(databases, _clock, _statistics, Options.Create(new RedisServerOptions { Hz = 10 }));
        for (var i = 0; i < 20; i++)
        {
            databases[i].Set("k"u8, "v"u8, Now() - 1);
        }

        expiry.Tick();
        Assert.Equal(4, databases.KeyCount);
        Assert.Equal(1, databases[16].Count);

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        expiry.Tick();
        Assert.Equal(0, databases.KeyCount);
    }

    private long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    [Fact]
    public void CatchUpAfterAClockJumpExpiresEveryPassedKeyInEveryDatabase()
    {
        _expiry.Tick();
        for (var i = 0; i < 1000; i++)
        {
            _databases[i % 3].Set(System.Text.Encoding.ASCII.GetBytes($"k{i}"), "v"u8, Now() + 1 + (i % 2 * 3_600_000));
        }

        // A sampled sweep would stop once its samples come back half live; the catch-up takes every key past its time.
        _clock.Advance(TimeSpan.FromMinutes(1));
        _expiry.CatchUp();

        Assert.Equal(500, _databases.KeyCount);
        Assert.Equal(500, _statistics.ExpiredKeys);
    }

    [Fact]
    public void CatchUpWaitsForAWholeMissedTick()
    {
        _expiry.Tick();
        _databases[0].Set("k"u8, "v"u8, Now() + 1);

        // One period: the tick after the batch sweeps as usual; a catch-up is for a clock that skipped one.
        _clock.Advance(TimeSpan.FromMilliseconds(199));
        _expiry.CatchUp();
        Assert.Equal(1, _databases[0].Count);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        _expiry.CatchUp();
        Assert.Equal(0, _databases[0].Count);
    }

    [Fact]
    public void CatchUpLeavesTheKeysAloneWhileAScriptRuns()
    {
        var script = new RunningScript(new ServerSettings(Options.Create(new RedisServerOptions())), _clock);
        var expiry = new ActiveExpiry(_databases, _clock, _statistics, Options.Create(new RedisServerOptions { Hz = 10 }), script: script);
        expiry.Tick();
        _databases[0].Set("k"u8, "v"u8, Now() + 1);
        script.Begin(Redis.Application.Sessions.ClientSession.ForScript());

        // Another connection's batch, served while the script is busy, must not take keys from under it.
        _clock.Advance(TimeSpan.FromMinutes(1));
        expiry.CatchUp();
        Assert.Equal(1, _databases[0].Count);

        script.End();
        expiry.CatchUp();
        Assert.Equal(0, _databases[0].Count);
    }
}
