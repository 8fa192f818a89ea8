using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>Sorted-set commands through StackExchange.Redis: a leaderboard, ranges, pops, set operations and a full scan.</summary>
public abstract class SortedSetCommandsTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : SortedSetCommandsTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : SortedSetCommandsTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task LeaderboardRanksScoresAndRemovesPlayers()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        const string board = "z:board";
        await db.KeyDeleteAsync(board);

        Assert.Equal(3, await db.SortedSetAddAsync(board, [new("alice", 120), new("bob", 95.5), new("carol", 200)]));
        Assert.False(await db.SortedSetAddAsync(board, "bob", 100));
        Assert.Equal(130, await db.SortedSetIncrementAsync(board, "alice", 10));
        Assert.Equal(0, await db.SortedSetRankAsync(board, "bob"));
        Assert.Equal(0, await db.SortedSetRankAsync(board, "carol", Order.Descending));
        Assert.Null(await db.SortedSetRankAsync(board, "nobody"));
        Assert.Equal(130, await db.SortedSetScoreAsync(board, "alice"));
        Assert.Equal(3, await db.SortedSetLengthAsync(board));

        var top = await db.SortedSetRangeByRankWithScoresAsync(board, 0, 1, Order.Descending);
        Assert.Equal(["carol", "alice"], top.Select(e => (string?)e.Element));
        Assert.Equal([200d, 130d], top.Select(e => e.Score));

        var middle = await db.SortedSetRangeByScoreAsync(board, 100, 150, Exclude.None);
        Assert.Equal(["bob", "alice"], middle.Select(v => (string?)v));
        Assert.Equal(2, await db.SortedSetLengthAsync(board, 100, 200, Exclude.Start));

        Assert.True(await db.SortedSetRemoveAsync(board, "bob"));
        Assert.False(await db.SortedSetRemoveAsync(board, "bob"));

        var lowest = await db.SortedSetPopAsync(board);
        Assert.Equal("alice", (string?)lowest!.Value.Element);
        var highest = await db.SortedSetPopAsync(board, Order.Descending);
        Assert.Equal(200, highest!.Value.Score);
        Assert.False(await db.KeyExistsAsync(board));
    }

    [Fact]
    public async Task CombinesSortedSetsWithWeightsAndAggregates()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync(["z:a", "z:b", "z:out"]);
        await db.SortedSetAddAsync("z:a", [new("x", 1), new("y", 2)]);
        await db.SortedSetAddAsync("z:b", [new("y", 10), new("z", 20)]);

        Assert.Equal(3, await db.SortedSetCombineAndStoreAsync(SetOperation.Union, "z:out", ["z:a", "z:b"], [1, 2]));
        var union = await db.SortedSetRangeByRankWithScoresAsync("z:out");
        Assert.Equal(["x", "y", "z"], union.Select(e => (string?)e.Element));
        Assert.Equal([1d, 22d, 40d], union.Select(e => e.Score));

        var inter = await db.SortedSetCombineWithScoresAsync(SetOperation.Intersect, ["z:a", "z:b"], aggregate: Aggregate.Max);
        Assert.Equal("y", (string?)Assert.Single(inter).Element);
        Assert.Equal(10, inter[0].Score);

        var diff = await db.SortedSetCombineAsync(SetOperation.Difference, ["z:a", "z:b"]);
        Assert.Equal("x", (string?)Assert.Single(diff));
        Assert.Equal(1, await db.SortedSetIntersectionLengthAsync(["z:a", "z:b"]));

        await db.StringSetAsync("z:str", "v");
        var error = await Assert.ThrowsAsync<RedisServerException>(() => db.SortedSetAddAsync("z:str", "m", 1));
        Assert.StartsWith("WRONGTYPE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanOfALargeSetReturnsEveryMember()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        const string key = "z:large";
        await db.KeyDeleteAsync(key);
        var entries = Enumerable.Range(0, 1000).Select(i => new SortedSetEntry($"member:{i}", i)).ToArray();
        Assert.Equal(1000, await db.SortedSetAddAsync(key, entries));
        Assert.Equal("skiplist", (string?)await db.ExecuteAsync("OBJECT", "ENCODING", key));

        var seen = new Dictionary<string, double>();
        await foreach (var entry in db.SortedSetScanAsync(key, pageSize: 50))
        {
            seen[(string)entry.Element!] = entry.Score;
        }

        Assert.Equal(1000, seen.Count);
        Assert.Equal(999, seen["member:999"]);

        Assert.Equal(10, await db.SortedSetRemoveRangeByRankAsync(key, 0, 9));
        Assert.Equal(10, await db.SortedSetRankAsync(key, "member:20"));
        var lex = await db.SortedSetRangeByValueAsync(key, "member:990", "member:999", Exclude.None, take: 3);
        Assert.Empty(lex.Except(entries.Select(e => e.Element)));
    }
}
