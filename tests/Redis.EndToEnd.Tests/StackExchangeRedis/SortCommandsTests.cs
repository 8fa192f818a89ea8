using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>SORT and SORT_RO through StackExchange.Redis: numeric and ALPHA order, BY and GET patterns, LIMIT, STORE.</summary>
public abstract class SortCommandsTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : SortCommandsTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : SortCommandsTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task SortsByValueByPatternAndGetsOtherKeys()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync(["sort:ids", "sort:w_1", "sort:w_2", "sort:w_3", "sort:name_1", "sort:name_2", "sort:name_3"]);
        await db.ListRightPushAsync("sort:ids", ["3", "1", "2"]);
        await db.StringSetAsync([new("sort:w_1", "30"), new("sort:w_2", "10"), new("sort:w_3", "20")]);
        await db.StringSetAsync([new("sort:name_1", "one"), new("sort:name_2", "two"), new("sort:name_3", "three")]);

        Assert.Equal(["1", "2", "3"], Strings(await db.SortAsync("sort:ids")));
        Assert.Equal(["3", "2"], Strings(await db.SortAsync("sort:ids", skip: 0, take: 2, order: Order.Descending)));
        Assert.Equal(["2", "3", "1"], Strings(await db.SortAsync("sort:ids", by: "sort:w_*")));
        Assert.Equal(["one", "three", "two"], Strings(await db.SortAsync("sort:ids", sortType: SortType.Alphabetic, by: "sort:name_*", get: ["sort:name_*"])));
        Assert.Equal(["two", "2", "three", "3"], Strings(await db.SortAsync("sort:ids", by: "sort:w_*", take: 2, get: ["sort:name_*", "#"])));
    }

    [Fact]
    public async Task StoresTheSortedListAndDeletesTheDestinationForAnEmptyResult()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync(["sort:set", "sort:out", "sort:none"]);
        await db.SetAddAsync("sort:set", ["banana", "apple", "cherry"]);
        await db.StringSetAsync("sort:out", "old");

        Assert.Equal(3, await db.SortAndStoreAsync("sort:out", "sort:set", sortType: SortType.Alphabetic));
        Assert.Equal(["apple", "banana", "cherry"], Strings(await db.ListRangeAsync("sort:out")));
        Assert.Equal(0, await db.SortAndStoreAsync("sort:out", "sort:none"));
        Assert.False(await db.KeyExistsAsync("sort:out"));
        await Assert.ThrowsAsync<RedisServerException>(() => db.SortAsync("sort:set"));
    }

    private static string[] Strings(RedisValue[] values) => [.. values.Select(v => (string)v!)];
}
