using StackExchange.Redis;

// SER301 suggests a server 8.4 conditional SET instead of WATCH: the WATCH path is what the transaction test is about.
#pragma warning disable SER301

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>StackExchange.Redis over RESP3 (<c>Protocol = RedisProtocol.Resp3</c>): it says <c>HELLO 3</c> and keeps it.</summary>
public abstract class Resp3Tests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : Resp3Tests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : Resp3Tests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task NegotiatesRespThree()
    {
        await using var redis = await ConnectAsync();

        Assert.Equal(RedisProtocol.Resp3, redis.GetServer(server.EndPoint).Protocol);
    }

    [Fact]
    public async Task StringCommandsRoundTrip()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();

        Assert.True(await db.StringSetAsync("se3:k", "hello"));
        Assert.Equal("hello", (string?)await db.StringGetAsync("se3:k"));
        Assert.True((await db.StringGetAsync("se3:missing")).IsNull);
        Assert.Equal(5, await db.StringAppendAsync("se3:k2", "12345"));
        Assert.Equal(12346, await db.StringIncrementAsync("se3:k2"));
        Assert.Equal(12347.5, await db.StringIncrementAsync("se3:k2", 1.5));
        var values = await db.StringGetAsync(["se3:k", "se3:missing"]);
        Assert.Equal("hello", (string?)values[0]);
        Assert.True(values[1].IsNull);
        Assert.True(await db.KeyExpireAsync("se3:k", TimeSpan.FromSeconds(100)));
        Assert.Equal(TimeSpan.FromSeconds(100), await db.KeyTimeToLiveAsync("se3:k"));
        Assert.True(await db.KeyDeleteAsync("se3:k"));
    }

    [Fact]
    public async Task TransactionsRunAndRespectTheirCondition()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();
        await db.StringSetAsync("se3:tx", "ready");

        var transaction = db.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual("se3:tx", "ready"));
        var set = transaction.StringSetAsync("se3:tx", "done");
        var incr = transaction.StringIncrementAsync("se3:tx:count");
        Assert.True(await transaction.ExecuteAsync());
        Assert.True(await set);
        Assert.Equal(1, await incr);

        var refused = db.CreateTransaction();
        refused.AddCondition(Condition.StringEqual("se3:tx", "ready"));
        _ = refused.StringSetAsync("se3:tx", "again");
        Assert.False(await refused.ExecuteAsync());
        Assert.Equal("done", (string?)await db.StringGetAsync("se3:tx"));
    }

    [Fact]
    public async Task ReadsConfigAndInfoInTheirRespThreeShapes()
    {
        await using var redis = await ConnectAsync();
        var admin = redis.GetServer(server.EndPoint);

        var config = await admin.ConfigGetAsync("appendonly");
        Assert.Equal("no", Assert.Single(config).Value);
        var info = await admin.InfoAsync("server");
        Assert.Contains(info.SelectMany(group => group), pair => pair.Key == "redis_version" && pair.Value == "7.0.15");
        Assert.Contains(" resp=3 ", await redis.GetDatabase().ExecuteAsync("CLIENT", "INFO") is var reply ? reply.ToString() : "", StringComparison.Ordinal);
    }

    private Task<ConnectionMultiplexer> ConnectAsync()
    {
        var options = SeRedis.Options(server.EndPoint);
        options.Protocol = RedisProtocol.Resp3;
        return ConnectionMultiplexer.ConnectAsync(options);
    }
}
