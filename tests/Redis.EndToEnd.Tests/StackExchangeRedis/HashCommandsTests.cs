using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>Hash commands through StackExchange.Redis, including what ASP.NET Core's distributed cache does with a hash.</summary>
public abstract class HashCommandsTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : HashCommandsTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : HashCommandsTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task DistributedCacheEntryRoundTripsAsAHashWithExpiry()
    {
        // Microsoft.Extensions.Caching.StackExchangeRedis: HSET absexp/sldexp/data, EXPIRE, then HMGET on read.
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        var data = new byte[1000];
        Random.Shared.NextBytes(data);

        await db.HashSetAsync("cache:entry",
        [
            new HashEntry("absexp", 638_000_000_000_000_000L),
            new HashEntry("sldexp", -1),
            new HashEntry("data", data),
        ]);
        Assert.True(await db.KeyExpireAsync("cache:entry", TimeSpan.FromMinutes(20)));

        var values = await db.HashGetAsync("cache:entry", ["absexp", "sldexp", "data"]);
        Assert.Equal(638_000_000_000_000_000L, (long)values[0]);
        Assert.Equal(-1, (long)values[1]);
        Assert.Equal(data, (byte[]?)values[2]);
        Assert.InRange((await db.KeyTimeToLiveAsync("cache:entry"))!.Value, TimeSpan.FromMinutes(19), TimeSpan.FromMinutes(20));

        // A refresh re-sets the expiry; a removal deletes the key.
        Assert.True(await db.KeyExpireAsync("cache:entry", TimeSpan.FromMinutes(5)));
        Assert.True(await db.KeyDeleteAsync("cache:entry"));
        Assert.True((await db.HashGetAsync("cache:entry", ["absexp", "data"])).All(v => v.IsNull));
    }

    [Fact]
    public async Task SmallHashesAnswerInInsertionOrder()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();

        Assert.True(await db.HashSetAsync("h:order", "b", "1"));
        await db.HashSetAsync("h:order", [new HashEntry("a", "2"), new HashEntry("c", "3")]);
        Assert.False(await db.HashSetAsync("h:order", "b", "updated"));
        Assert.False(await db.HashSetAsync("h:order", "a", "x", When.NotExists));

        var all = await db.HashGetAllAsync("h:order");
        Assert.Equal(["b=updated", "a=2", "c=3"], all.Select(e => $"{e.Name}={e.Value}"));
        Assert.Equal(["b", "a", "c"], (await db.HashKeysAsync("h:order")).Select(v => (string?)v));
        Assert.Equal(["updated", "2", "3"], (await db.HashValuesAsync("h:order")).Select(v => (string?)v));
        Assert.Equal(3, await db.HashLengthAsync("h:order"));
        Assert.True(await db.HashExistsAsync("h:order", "a"));
        Assert.False(await db.HashExistsAsync("h:order", "zz"));
        Assert.Equal(7, await db.HashStringLengthAsync("h:order", "b"));
        Assert.True((await db.HashGetAsync("h:order", "zz")).IsNull);
    }

    [Fact]
    public async Task IncrementAndDeleteFields()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();

        Assert.Equal(5, await db.HashIncrementAsync("h:count", "n", 5));
        Assert.Equal(2, await db.HashDecrementAsync("h:count", "n", 3));
        Assert.Equal(2.5, await db.HashIncrementAsync("h:count", "f", 2.5));
        Assert.Equal(3.75, await db.HashIncrementAsync("h:count", "f", 1.25));
        Assert.Equal("3.75", (string?)await db.HashGetAsync("h:count", "f"));

        await db.HashSetAsync("h:count", "text", "abc");
        var error = await Assert.ThrowsAsync<RedisServerException>(() => db.HashIncrementAsync("h:count", "text", 1));
        Assert.Equal("ERR hash value is not an integer", error.Message);
        error = await Assert.ThrowsAsync<RedisServerException>(() => db.HashIncrementAsync("h:count", "text", 1.5));
        Assert.Equal("ERR hash value is not a float", error.Message);

        Assert.True(await db.HashDeleteAsync("h:count", "n"));
        Assert.False(await db.HashDeleteAsync("h:count", "n"));
        Assert.Equal(2, await db.HashDeleteAsync("h:count", ["f", "text", "missing"]));
        Assert.False(await db.KeyExistsAsync("h:count"));
    }

    [Fact]
    public async Task HashCommandsRefuseAStringKey()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.StringSetAsync("h:string", "v");

        var error = await Assert.ThrowsAsync<RedisServerException>(() => db.HashGetAsync("h:string", "f"));
        Assert.Equal("WRONGTYPE Operation against a key holding the wrong kind of value", error.Message);
        await Assert.ThrowsAsync<RedisServerException>(() => db.HashSetAsync("h:string", "f", "v"));
        await db.HashSetAsync("h:hash", "f", "v");
        await Assert.ThrowsAsync<RedisServerException>(() => db.StringGetAsync("h:hash"));
        Assert.Equal(RedisType.Hash, await db.KeyTypeAsync("h:hash"));
    }

    [Fact]
    public async Task ScanOfALargeHashReturnsEveryField()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        var entries = Enumerable.Range(0, 1500).Select(i => new HashEntry($"field:{i}", $"value:{i}")).ToArray();
        await db.HashSetAsync("h:large", entries);
        Assert.Equal("hashtable", (string?)await db.ExecuteAsync("OBJECT", "ENCODING", "h:large"));

        var seen = new Dictionary<string, string>();
        await foreach (var entry in db.HashScanAsync("h:large", pageSize: 100))
        {
            seen[(string)entry.Name!] = (string)entry.Value!;
        }

        Assert.Equal(1500, seen.Count);
        Assert.All(entries, e => Assert.Equal((string?)e.Value, seen[(string)e.Name!]));

        var matched = new List<string>();
        await foreach (var entry in db.HashScanAsync("h:large", "field:14*", pageSize: 50))
        {
            matched.Add((string)entry.Name!);
        }

        string[] expected = ["field:14", .. Enumerable.Range(140, 10).Select(i => $"field:{i}"), .. Enumerable.Range(1400, 100).Select(i => $"field:{i}")];
        Assert.Equal(expected.Order(StringComparer.Ordinal), matched.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RandomFieldsBelongToTheHashAndAreDistinctForAPositiveCount()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        var entries = Enumerable.Range(0, 20).Select(i => new HashEntry($"f{i}", $"v{i}")).ToArray();
        await db.HashSetAsync("h:random", entries);
        var names = entries.Select(e => (string)e.Name!).ToHashSet();

        Assert.Contains((string)(await db.HashRandomFieldAsync("h:random"))!, names);

        foreach (var count in new[] { 1, 5, 10, 19 })
        {
            var picked = (await db.HashRandomFieldsAsync("h:random", count)).Select(v => (string)v!).ToArray();
            Assert.Equal(count, picked.Length);
            Assert.Equal(count, picked.Distinct().Count());
            Assert.All(picked, p => Assert.Contains(p, names));
        }

        var repeated = await db.HashRandomFieldsAsync("h:random", -50);
        Assert.Equal(50, repeated.Length);
        Assert.All(repeated, p => Assert.Contains((string)p!, names));

        var withValues = await db.HashRandomFieldsWithValuesAsync("h:random", 7);
        Assert.Equal(7, withValues.Length);
        Assert.All(withValues, e => Assert.Equal("v" + ((string)e.Name!)[1..], (string?)e.Value));

        Assert.Equal(20, (await db.HashRandomFieldsAsync("h:random", 100)).Length);
        Assert.True((await db.HashRandomFieldAsync("h:missing")).IsNull);
    }
}
