using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

/// <summary>Redis's eviction pool: kept in order of score, the best taken first, the lowest dropped when full.</summary>
public class EvictionPoolTests
{
    [Fact]
    public void TakesTheHighestScoreFirst()
    {
        var pool = new EvictionPool();
        pool.Insert(5, "five"u8, 0);
        pool.Insert(9, "nine"u8, 1);
        pool.Insert(1, "one"u8, 2);

        Assert.True(pool.TryTakeBest(out var key, out var database));
        Assert.Equal(("nine", 1), (System.Text.Encoding.ASCII.GetString(key), database));
        Assert.True(pool.TryTakeBest(out key, out _));
        Assert.Equal("five", System.Text.Encoding.ASCII.GetString(key));
        Assert.True(pool.TryTakeBest(out key, out _));
        Assert.Equal("one", System.Text.Encoding.ASCII.GetString(key));
        Assert.False(pool.TryTakeBest(out _, out _));
    }

    [Fact]
    public void AFullPoolDropsItsLowestForABetterCandidateAndIgnoresAWorseOne()
    {
        var pool = new EvictionPool();
        for (var score = 10; score < 10 + EvictionPool.Size; score++)
        {
            pool.Insert((ulong)score, [(byte)score], 0);
        }

        pool.Insert(1, "worse"u8, 0);
        pool.Insert(100, "best"u8, 0);

        Assert.Equal(EvictionPool.Size, pool.Count);
        var taken = new List<byte[]>();
        while (pool.TryTakeBest(out var key, out _))
        {
            taken.Add(key);
        }

        Assert.Equal("best"u8.ToArray(), taken[0]);
        Assert.DoesNotContain(taken, k => k.AsSpan().SequenceEqual("worse"u8));
        Assert.DoesNotContain(taken, k => k is [10]);
        Assert.Equal([11], taken[^1]);
    }
}
