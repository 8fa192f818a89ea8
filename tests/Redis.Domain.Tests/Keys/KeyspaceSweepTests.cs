using System.Text;
using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

public class KeyspaceSweepTests
{
    private const long Now = 1_700_000_000_000;

    private readonly Keyspace _keyspace = new(new Random(2024));

    [Fact]
    public void ReclaimsAtMostOneSampleGivenOneRoundOverManyExpiredKeys()
    {
        AddKeys("expired", 100_000, expiresAt: Now - 1);

        var result = _keyspace.SweepExpired(Now, maxRounds: 1);

        Assert.InRange(result.Reclaimed, 1, Keyspace.KeysPerSample);
        Assert.True(result.MoreExpiredLikely);
        Assert.Equal(100_000 - result.Reclaimed, _keyspace.Count);
        Assert.Equal(result.Reclaimed, _keyspace.ExpiredKeys);
    }

    [Fact]
    public void ReclaimsAtMostRoundsTimesSampleGivenSeveralRounds()
    {
        AddKeys("expired", 10_000, expiresAt: Now - 1);

        var result = _keyspace.SweepExpired(Now, maxRounds: 5);

        Assert.InRange(result.Reclaimed, 1, 5 * Keyspace.KeysPerSample);
        Assert.True(result.MoreExpiredLikely);
    }

    [Fact]
    public void EstimatesTheAverageTtlFromTheKeysItSamples()
    {
        AddKeys("ten", 50, expiresAt: Now + 10_000);
        AddKeys("twenty", 50, expiresAt: Now + 20_000);
        Assert.Equal(0, _keyspace.AverageTtl);

        _keyspace.SweepExpired(Now);

        // The first estimate is the sample's mean, so it lies between the shortest and the longest TTL.
        Assert.InRange(_keyspace.AverageTtl, 10_000, 20_000);
    }

    [Fact]
    public void MovesTheAverageTtlOneFiftiethOfTheWayPerSweepAsRedisDoes()
    {
        AddKeys("ten", 100, expiresAt: Now + 10_000);
        _keyspace.SweepExpired(Now);
        Assert.Equal(10_000, _keyspace.AverageTtl);

        // Every key now has 5 s left: the estimate moves from 10,000 toward 5,000 by a fiftieth of the gap.
        _keyspace.SweepExpired(Now + 5_000);

        Assert.Equal((10_000 / 50 * 49) + (5_000 / 50), _keyspace.AverageTtl);
    }

    [Fact]
    public void ResetsTheAverageTtlWhenNoKeyCarriesOneOrTheKeyspaceIsCleared()
    {
        AddKeys("ten", 10, expiresAt: Now + 10_000);
        _keyspace.SweepExpired(Now);
        _keyspace.Clear();
        Assert.Equal(0, _keyspace.AverageTtl);

        AddKeys("ten", 10, expiresAt: Now + 10_000);
        _keyspace.SweepExpired(Now);
        AddKeys("ten", 10, expiresAt: Entry.NoExpiry);
        _keyspace.SweepExpired(Now);

        Assert.Equal(0, _keyspace.AverageTtl);
    }

    [Fact]
    public void ReclaimsAllExpiredKeysOverRepeatedSweepsWithoutRemovingLiveOnes()
    {
        AddKeys("expired", 2_000, expiresAt: Now - 1);
        AddKeys("volatile", 1_000, expiresAt: Now + 60_000);
        AddKeys("persistent", 500, expiresAt: Entry.NoExpiry);
        var live = 1_500;

        var sweeps = 0;
        while (_keyspace.Count > live && sweeps < 100_000)
        {
            _keyspace.SweepExpired(Now, maxRounds: 4);
            sweeps++;
        }

        Assert.Equal(live, _keyspace.Count);
        Assert.Equal(1_000, _keyspace.VolatileCount);
        Assert.Equal(2_000, _keyspace.ExpiredKeys);
        Assert.All(Keys("volatile", 1_000), key => Assert.True(_keyspace.Exists(key, Now)));
        Assert.All(Keys("persistent", 500), key => Assert.True(_keyspace.Exists(key, Now)));
    }

    [Fact]
    public void ReclaimsNothingGivenOnlyLiveVolatileKeys()
    {
        AddKeys("volatile", 1_000, expiresAt: Now + 1);

        var result = _keyspace.SweepExpired(Now);

        Assert.Equal(new SweepResult(0, MoreExpiredLikely: false), result);
        Assert.Equal(1_000, _keyspace.Count);
    }

    [Fact]
    public void IgnoresKeysWithoutTtl()
    {
        AddKeys("persistent", 1_000, expiresAt: Entry.NoExpiry);

        var result = _keyspace.SweepExpired(long.MaxValue);

        Assert.Equal(new SweepResult(0, MoreExpiredLikely: false), result);
        Assert.Equal(1_000, _keyspace.Count);
    }

    [Fact]
    public void StopsWithNothingMoreLikelyOnceEveryVolatileKeyIsGone()
    {
        AddKeys("expired", 30, expiresAt: Now - 1);

        var result = _keyspace.SweepExpired(Now, maxRounds: 16);

        Assert.Equal(new SweepResult(30, MoreExpiredLikely: false), result);
        Assert.Equal(0, _keyspace.Count);
    }

    /// <summary>
    /// Redis's <c>ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE</c>: another round runs only while more than 10% of the sample was
    /// expired. A scripted sampler makes the first round probe positions 0-19, of which <paramref name="staleInFirstSample"/>
    /// are expired; every key after position 19 is expired, so any further round reclaims more.
    /// </summary>
    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(2, 2, false)]
    [InlineData(3, 3 + Keyspace.KeysPerSample, true)]
    public void RunsAnotherRoundOnlyWhileMoreThanTenPercentOfTheSampleWasStale(
        int staleInFirstSample, int expectedReclaimed, bool expectedMoreLikely)
    {
        var keyspace = new Keyspace(new SequentialRandom());
        for (var i = 0; i < 100; i++)
        {
            var expired = i >= Keyspace.KeysPerSample || (i % 4 == 3 && i / 4 < staleInFirstSample);
            keyspace.Set(Encoding.ASCII.GetBytes($"key:{i}"), "v"u8.ToArray(), expired ? Now - 1 : Now + 60_000);
        }

        var result = keyspace.SweepExpired(Now, maxRounds: 2);

        Assert.Equal(new SweepResult(expectedReclaimed, expectedMoreLikely), result);
    }

    private void AddKeys(string prefix, int count, long expiresAt)
    {
        foreach (var key in Keys(prefix, count))
        {
            _keyspace.Set(key, "v"u8.ToArray(), expiresAt);
        }
    }

    private static IEnumerable<byte[]> Keys(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => Encoding.ASCII.GetBytes($"{prefix}:{i}"));

    /// <summary>Probes positions 0, 1, 2, ... in turn, so a test knows which keys a sweep samples.</summary>
    private sealed class SequentialRandom : Random
    {
        private int _next;

        public override int Next(int maxValue) => _next++ % maxValue;
    }
}
