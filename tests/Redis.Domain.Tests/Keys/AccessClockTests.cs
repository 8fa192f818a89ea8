using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

/// <summary>Each key's access clock (Redis's <c>robj.lru</c>): idle time under LRU, a decaying logarithmic counter under LFU.</summary>
public class AccessClockTests
{
    private const long Now = 1_700_000_000_000;

    private readonly Databases _databases = new(2, new Random(5));
    private readonly EvictionPool _pool = new();

    private Keyspace Keyspace => _databases[0];

    [Fact]
    public void AReadRestartsTheIdleTimeAndInspectingDoesNot()
    {
        _databases.AccessClock.Set(Now);
        Keyspace.Set("k"u8, "v"u8);
        _databases.AccessClock.Set(Now + 10_000);

        Assert.Equal(10_000, Idle("k"u8));
        Keyspace.TypeOf("k"u8, Now + 10_000, out _);
        Keyspace.TryGetExpiry("k"u8, Now + 10_000, out _);
        Keyspace.Get("k"u8, Now + 10_000, out _, touch: false);
        Assert.Equal(10_000, Idle("k"u8));

        Keyspace.Get("k"u8, Now + 10_000, out _);
        Assert.Equal(0, Idle("k"u8));
    }

    [Fact]
    public void TheClockFollowsAKeyMovedByARemoval()
    {
        _databases.AccessClock.Set(Now);
        Keyspace.Set("old"u8, "v"u8);
        Keyspace.Set("gone"u8, "v"u8);
        _databases.AccessClock.Set(Now + 5_000);
        Keyspace.Set("last"u8, "v"u8);

        Keyspace.Remove("old"u8, Now + 5_000);

        Assert.Equal(0, Idle("last"u8));
        Assert.Equal(5_000, Idle("gone"u8));
    }

    [Fact]
    public void UnderLfuANewKeyStartsAtFiveCountsItsAccessesAndDecaysPerMinute()
    {
        var clock = _databases.AccessClock;
        (clock.CountsFrequency, clock.LogFactor, clock.DecayTime) = (true, 0, 1);
        clock.Set(Now);
        Keyspace.Set("k"u8, "v"u8);
        Assert.Equal(5u, Frequency("k"u8));

        for (var i = 0; i < 10; i++)
        {
            Keyspace.Get("k"u8, Now, out _);
        }

        Assert.Equal(15u, Frequency("k"u8));
        clock.Set(Now + (3 * 60_000));
        Assert.Equal(12u, Frequency("k"u8));
        Keyspace.Set("k"u8, "w"u8);
        Assert.Equal(15u, clock.Decremented(ClockOf("k"u8)) + 3);
    }

    [Fact]
    public void RestoreSetsAnIdleTimeUnderLruAndAFrequencyUnderLfu()
    {
        var clock = _databases.AccessClock;
        clock.Set(Now);
        Keyspace.Set("k"u8, "v"u8);

        Keyspace.RestoreAccessClock("k"u8, idleSeconds: 1000, frequency: -1);
        Assert.Equal(1_000_000, Idle("k"u8));
        Keyspace.RestoreAccessClock("k"u8, idleSeconds: -1, frequency: 7);
        Assert.Equal(1_000_000, Idle("k"u8));

        clock.CountsFrequency = true;
        Keyspace.RestoreAccessClock("k"u8, idleSeconds: -1, frequency: 42);
        Assert.Equal(42u, Frequency("k"u8));
    }

    [Fact]
    public void AllKeysLruEvictsTheLeastRecentlyUsedFirst()
    {
        _databases.AccessClock.Set(Now);
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            Keyspace.Set(System.Text.Encoding.ASCII.GetBytes(key), "v"u8);
        }

        _databases.AccessClock.Set(Now + 60_000);
        Keyspace.Get("a"u8, Now + 60_000, out _);
        Keyspace.Get("c"u8, Now + 60_000, out _);
        _databases.AccessClock.Set(Now + 120_000);
        Keyspace.Get("a"u8, Now + 120_000, out _);

        Assert.Equal(["b", "d", "c", "a"], EvictAll(EvictionPolicy.AllKeysLru));
    }

    [Fact]
    public void AllKeysLfuEvictsTheLeastFrequentlyUsedFirstAndVolatileLfuOnlyKeysWithATtl()
    {
        var clock = _databases.AccessClock;
        (clock.CountsFrequency, clock.LogFactor) = (true, 0);
        clock.Set(Now);
        var uses = new Dictionary<string, int> { ["rare"] = 1, ["often"] = 9, ["never"] = 0, ["some"] = 4 };
        foreach (var (key, count) in uses)
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes(key);
            Keyspace.Set(bytes, "v"u8, key == "often" ? Now + 100_000 : Entry.NoExpiry);
            for (var i = 0; i < count; i++)
            {
                Keyspace.Get(bytes, Now, out _);
            }
        }

        Assert.Equal(["often"], EvictAll(EvictionPolicy.VolatileLfu));
        Assert.Equal(["never", "rare", "some"], EvictAll(EvictionPolicy.AllKeysLfu));
    }

    private List<string> EvictAll(EvictionPolicy policy)
    {
        var order = new List<string>();
        while (_databases.TryEvictOne(policy, samples: 10, _pool, out _, out var key, out _))
        {
            order.Add(System.Text.Encoding.ASCII.GetString(key));
        }

        return order;
    }

    private uint ClockOf(ReadOnlySpan<byte> key)
    {
        Assert.True(Keyspace.TryGetAccessClock(key, Now, out var clock));
        return clock;
    }

    private long Idle(ReadOnlySpan<byte> key) => _databases.AccessClock.IdleMilliseconds(ClockOf(key));

    private uint Frequency(ReadOnlySpan<byte> key) => _databases.AccessClock.Decremented(ClockOf(key));
}
