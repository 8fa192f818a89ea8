using Redis.Application.Common;
using Redis.Application.Memory;
using Redis.Application.Propagation;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;

namespace Redis.Application.Tests.Memory;

/// <summary>Redis's <c>performEvictions</c> and <c>evictionTimeProc</c> around the domain's choices: limits, tenacity, the cron.</summary>
public class MemoryLimitTests
{
    private readonly Databases _databases = new(1, new Random(9));
    private readonly TestSettings _settings = new(new("maxmemory", "0"), new("maxmemory-policy", "allkeys-random"), new("maxmemory-eviction-tenacity", "10"));
    private readonly ServerStatistics _statistics = new();
    private readonly MemoryLimit _memory;

    public MemoryLimitTests()
    {
        _memory = new MemoryLimit(_databases, _settings, TestEvents.Off, new CommandPropagation(_databases), _statistics, TestClock.Create(), startupBytes: 1000);
        for (var i = 0; i < 100; i++)
        {
            _databases[0].Set(System.Text.Encoding.ASCII.GetBytes("key" + i), "value"u8);
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 50)]
    [InlineData(10, 500)]
    [InlineData(11, 575)]
    [InlineData(99, 126_205_358)]
    [InlineData(100, long.MaxValue)]
    public void TheTimeLimitFollowsRedisTenacityScale(long tenacity, long microseconds) =>
        Assert.InRange(MemoryLimit.TimeLimitMicroseconds(tenacity), microseconds - (microseconds / 1000), microseconds);

    [Fact]
    public void UsedMemoryIsTheStartupFigurePlusTheDataset()
    {
        Assert.Equal(1000 + _databases.DatasetBytes, _memory.UsedBytes);
        Assert.Equal(EvictionResult.Ok, _memory.PerformEvictions());
    }

    [Fact]
    public void ALowerLimitIsReachedByTheCronWithoutACommand()
    {
        var target = 1000 + (_databases.DatasetBytes / 2);
        Assert.Null(_settings.TrySet([new("maxmemory", target.ToString(System.Globalization.CultureInfo.InvariantCulture))]));

        _memory.CronTick();

        Assert.InRange(_memory.UsedBytes, 0, target);
        Assert.Equal(100 - _databases.KeyCount, _statistics.EvictedKeys);
        Assert.InRange(_databases.KeyCount, 45, 50);
    }

    [Fact]
    public void WithATenacityOfZeroACommandEvictsSixteenKeysAndTheCronGoesOn()
    {
        Assert.Null(_settings.TrySet([new("maxmemory-eviction-tenacity", "0"), new("maxmemory", "1001")]));
        var memory = new MemoryLimit(_databases, _settings, TestEvents.Off, new CommandPropagation(_databases), _statistics, new TickingClock(), startupBytes: 1000);

        Assert.Equal(EvictionResult.Running, memory.PerformEvictions());
        Assert.Equal(84, _databases.KeyCount);
        while (_databases.KeyCount > 0)
        {
            memory.CronTick();
        }

        Assert.Equal(EvictionResult.Ok, memory.PerformEvictions());
        Assert.Null(_settings.TrySet([new("maxmemory", "999")]));
        Assert.Equal(EvictionResult.Fail, memory.PerformEvictions());
    }

    /// <summary>A clock whose timestamps move a millisecond each time they are read, so every time limit passes.</summary>
    private sealed class TickingClock : TimeProvider
    {
        private long _ticks;

        public override long GetTimestamp() => _ticks += TimestampFrequency / 1000;
    }
}
