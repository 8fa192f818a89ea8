using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>Set commands through StackExchange.Redis: members, algebra and its STORE forms, random members, SSCAN.</summary>
public abstract class SetCommandsTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : SetCommandsTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : SetCommandsTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task AddRemoveContainsAndLength()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync("set:basic");

        Assert.Equal(3, await db.SetAddAsync("set:basic", ["a", "b", "c"]));
        Assert.False(await db.SetAddAsync("set:basic", "a"));
        Assert.True(await db.SetContainsAsync("set:basic", "b"));
        var contains = await db.SetContainsAsync("set:basic", ["a", "z"]);
        Assert.Equal(new[] { true, false }, contains);
        Assert.Equal(3, await db.SetLengthAsync("set:basic"));
        Assert.Equal(["a", "b", "c"], (await db.SetMembersAsync("set:basic")).Select(v => (string)v!).Order());
        Assert.Equal(2, await db.SetRemoveAsync("set:basic", ["a", "b", "x"]));
        Assert.True(await db.SetRemoveAsync("set:basic", "c"));
        Assert.False(await db.KeyExistsAsync("set:basic"));
    }

    [Fact]
    public async Task CombineAndStore()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync(["set:x", "set:y", "set:out"]);
        await db.SetAddAsync("set:x", ["1", "2", "3", "a"]);
        await db.SetAddAsync("set:y", ["2", "3", "4"]);

        Assert.Equal(["2", "3"], (await db.SetCombineAsync(SetOperation.Intersect, "set:x", "set:y")).Select(v => (string)v!).Order());
        Assert.Equal(["1", "2", "3", "4", "a"], (await db.SetCombineAsync(SetOperation.Union, "set:x", "set:y")).Select(v => (string)v!).Order());
        Assert.Equal(["1", "a"], (await db.SetCombineAsync(SetOperation.Difference, "set:x", "set:y")).Select(v => (string)v!).Order());

        Assert.Equal(5, await db.SetCombineAndStoreAsync(SetOperation.Union, "set:out", "set:x", "set:y"));
        Assert.Equal(5, await db.SetLengthAsync("set:out"));
        Assert.Equal(2, await db.SetCombineAndStoreAsync(SetOperation.Intersect, "set:out", "set:x", "set:y"));
        Assert.Equal(0, await db.SetCombineAndStoreAsync(SetOperation.Difference, "set:out", "set:x", "set:x"));
        Assert.False(await db.KeyExistsAsync("set:out"));
        Assert.Equal(2, await db.SetIntersectionLengthAsync(["set:x", "set:y"]));
        Assert.Equal(1, await db.SetIntersectionLengthAsync(["set:x", "set:y"], limit: 1));
    }

    [Fact]
    public async Task PopRandomMembersAndMove()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync(["set:pop", "set:to"]);
        var all = Enumerable.Range(0, 20).Select(i => (RedisValue)("m" + i)).ToArray();
        await db.SetAddAsync("set:pop", all);

        var random = await db.SetRandomMembersAsync("set:pop", 5);
        Assert.Equal(5, random.Distinct().Count());
        Assert.All(random, m => Assert.Contains(m, all));
        Assert.Equal(30, (await db.SetRandomMembersAsync("set:pop", -30)).Length);
        Assert.Contains(await db.SetRandomMemberAsync("set:pop"), all);

        var popped = await db.SetPopAsync("set:pop", 5);
        Assert.Equal(5, popped.Distinct().Count());
        Assert.Equal(15, await db.SetLengthAsync("set:pop"));
        foreach (var member in popped)
        {
            Assert.False(await db.SetContainsAsync("set:pop", member));
        }

        var one = await db.SetPopAsync("set:pop");
        Assert.False(await db.SetContainsAsync("set:pop", one));

        var moving = (await db.SetMembersAsync("set:pop"))[0];
        Assert.True(await db.SetMoveAsync("set:pop", "set:to", moving));
        Assert.False(await db.SetMoveAsync("set:pop", "set:to", moving));
        Assert.True(await db.SetContainsAsync("set:to", moving));
        Assert.Equal(13, (await db.SetPopAsync("set:pop", 100)).Length);
        Assert.False(await db.KeyExistsAsync("set:pop"));
    }

    [Fact]
    public async Task ScanReturnsEveryMemberOfALargeSet()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync("set:scan");
        var all = Enumerable.Range(0, 1000).Select(i => (RedisValue)("member" + i)).ToArray();
        await db.SetAddAsync("set:scan", all);

        var seen = new HashSet<string>();
        await foreach (var member in db.SetScanAsync("set:scan", pageSize: 50))
        {
            seen.Add(member!);
        }

        Assert.Equal(1000, seen.Count);
        var matched = new List<string>();
        await foreach (var member in db.SetScanAsync("set:scan", "member99*", pageSize: 100))
        {
            matched.Add(member!);
        }

        Assert.Equal(["member99", "member990", "member991", "member992", "member993", "member994", "member995", "member996", "member997", "member998", "member999"], matched.Order());
    }
}
