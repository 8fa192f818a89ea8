using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>String commands through StackExchange.Redis: SET's options, MGET/MSET, the INCR family, ranges.</summary>
public abstract class StringCommandsTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : StringCommandsTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : StringCommandsTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task SetHonoursWhenAndReturnsTheOldValue()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();

        Assert.True(await db.StringSetAsync("str:nx", "first", when: When.NotExists));
        Assert.False(await db.StringSetAsync("str:nx", "second", when: When.NotExists));
        Assert.Equal("first", (string?)await db.StringGetAsync("str:nx"));

        Assert.False(await db.StringSetAsync("str:xx", "value", when: When.Exists));
        Assert.False(await db.KeyExistsAsync("str:xx"));
        Assert.True(await db.StringSetAsync("str:nx", "third", when: When.Exists));

        Assert.Equal("third", (string?)await db.StringSetAndGetAsync("str:nx", "fourth"));
        Assert.True((await db.StringSetAndGetAsync("str:none", "x")).IsNull);
        Assert.Equal("fourth", (string?)await db.StringGetDeleteAsync("str:nx"));
        Assert.False(await db.KeyExistsAsync("str:nx"));
    }

    [Fact]
    public async Task MultipleKeysGetAndSetTogether()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();

        Assert.True(await db.StringSetAsync(
        [
            new KeyValuePair<RedisKey, RedisValue>("m:a", "1"),
            new KeyValuePair<RedisKey, RedisValue>("m:b", "2"),
        ]));
        var values = await db.StringGetAsync(["m:a", "m:missing", "m:b"]);
        Assert.Equal(["1", null, "2"], values.Select(v => (string?)v));

        // MSETNX: all or nothing.
        Assert.False(await db.StringSetAsync(
        [
            new KeyValuePair<RedisKey, RedisValue>("m:c", "3"),
            new KeyValuePair<RedisKey, RedisValue>("m:a", "changed"),
        ], When.NotExists));
        Assert.False(await db.KeyExistsAsync("m:c"));
        Assert.Equal("1", (string?)await db.StringGetAsync("m:a"));
    }

    [Fact]
    public async Task IncrementFamilyCountsAndRefusesNonIntegers()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();

        Assert.Equal(1, await db.StringIncrementAsync("n:count"));
        Assert.Equal(11, await db.StringIncrementAsync("n:count", 10));
        Assert.Equal(10, await db.StringDecrementAsync("n:count"));
        Assert.Equal(-5, await db.StringDecrementAsync("n:count", 15));
        Assert.Equal("-5", (string?)await db.StringGetAsync("n:count"));

        // The library sends a double's shortest round-trip text; 0.25 is exact, so the stored text is exact too.
        await db.StringSetAsync("n:float", "10.50");
        Assert.Equal(10.75, await db.StringIncrementAsync("n:float", 0.25));
        Assert.Equal("10.75", (string?)await db.StringGetAsync("n:float"));

        await db.StringSetAsync("n:text", "abc");
        var error = await Assert.ThrowsAsync<RedisServerException>(() => db.StringIncrementAsync("n:text"));
        Assert.Equal("ERR value is not an integer or out of range", error.Message);

        await db.StringSetAsync("n:max", long.MaxValue);
        error = await Assert.ThrowsAsync<RedisServerException>(() => db.StringIncrementAsync("n:max"));
        Assert.Equal("ERR increment or decrement would overflow", error.Message);
    }

    [Fact]
    public async Task AppendLengthAndRangesWorkOnBytes()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();

        Assert.Equal(5, await db.StringAppendAsync("r:s", "Hello"));
        Assert.Equal(11, await db.StringAppendAsync("r:s", " World"));
        Assert.Equal(11, await db.StringLengthAsync("r:s"));
        Assert.Equal(0, await db.StringLengthAsync("r:missing"));
        Assert.Equal("World", (string?)await db.StringGetRangeAsync("r:s", -5, -1));
        Assert.Equal(11, (long)await db.StringSetRangeAsync("r:s", 6, "Redis"));
        Assert.Equal("Hello Redis", (string?)await db.StringGetAsync("r:s"));
        Assert.Equal(5, (long)await db.StringSetRangeAsync("r:pad", 3, "ab"));
        Assert.Equal(new byte[] { 0, 0, 0, (byte)'a', (byte)'b' }, (byte[]?)await db.StringGetAsync("r:pad"));
    }

    [Fact]
    public async Task KeyspaceCommandsRenameAndReportTypes()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();

        await db.StringSetAsync("k:src", "v", TimeSpan.FromSeconds(100));
        Assert.True(await db.KeyRenameAsync("k:src", "k:dst"));
        Assert.Equal(TimeSpan.FromSeconds(100), await db.KeyTimeToLiveAsync("k:dst"));
        Assert.Equal(RedisType.String, await db.KeyTypeAsync("k:dst"));
        Assert.Equal(RedisType.None, await db.KeyTypeAsync("k:src"));

        await db.StringSetAsync("k:taken", "t");
        Assert.False(await db.KeyRenameAsync("k:dst", "k:taken", When.NotExists));
        var error = await Assert.ThrowsAsync<RedisServerException>(() => db.KeyRenameAsync("k:missing", "k:x"));
        Assert.Equal("ERR no such key", error.Message);
    }
}
