using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>List commands through StackExchange.Redis: a queue, ranges, trims, inserts, removals, moves, positions.</summary>
public abstract class ListCommandsTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : ListCommandsTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : ListCommandsTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task ListCommandsWorkThroughTheClient()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync(["q", "q2"]);

        Assert.Equal(3, await db.ListLeftPushAsync("q", ["a", "b", "c"]));
        Assert.Equal("a", (string?)await db.ListRightPopAsync("q"));
        Assert.Equal(["c", "b"], (await db.ListRangeAsync("q")).Select(v => (string?)v));
        Assert.Equal(3, await db.ListInsertBeforeAsync("q", "b", "x"));
        Assert.Equal(4, await db.ListInsertAfterAsync("q", "b", "y"));
        Assert.Equal(1, await db.ListRemoveAsync("q", "x"));
        await db.ListSetByIndexAsync("q", 0, "z");
        Assert.Equal(1, await db.ListPositionAsync("q", "b"));
        var positions = await db.ListPositionsAsync("q", "b", 5);
        Assert.Equal(new long[] { 1 }, positions);
        Assert.Equal("y", (string?)await db.ListMoveAsync("q", "q2", ListSide.Right, ListSide.Left));
        await db.ListTrimAsync("q", 0, 0);
        Assert.Equal(["z"], (await db.ListRangeAsync("q")).Select(v => (string?)v));
        Assert.Equal(["z"], (await db.ListLeftPopAsync("q", 5)).Select(v => (string?)v));
        Assert.False(await db.KeyExistsAsync("q"));

        var values = Enumerable.Range(0, 100_000).Select(i => (RedisValue)i).ToArray();
        Assert.Equal(100_000, await db.ListRightPushAsync("long", values));
        Assert.Equal(99_999, (int)await db.ListGetByIndexAsync("long", -1));
        Assert.Equal(100_000, (await db.ListLeftPopAsync("long", 100_000)).Length);
        Assert.False(await db.KeyExistsAsync("long"));
    }
}
