using StackExchange.Redis;

// SER301 suggests a server 8.4 conditional SET instead of WATCH: the WATCH path is what these tests are about.
#pragma warning disable SER301

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>StackExchange.Redis's transactions and locks, which are WATCH, MULTI and EXEC underneath.</summary>
/// <remarks>A write by another connection between WATCH and EXEC is <c>EventLoop/WatchTests</c>: the library sends
/// WATCH, the condition's GET, MULTI and EXEC back to back, so nothing can land between them.</remarks>
public abstract class TransactionTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : TransactionTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : TransactionTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task TransactionRunsWhenItsConditionHolds()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();
        await db.StringSetAsync("se:tx:state", "ready");

        var transaction = db.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual("se:tx:state", "ready"));
        var set = transaction.StringSetAsync("se:tx:state", "done");
        var incr = transaction.StringIncrementAsync("se:tx:count");

        Assert.True(await transaction.ExecuteAsync());
        Assert.True(await set);
        Assert.Equal(1, await incr);
        Assert.Equal("done", (string?)await db.StringGetAsync("se:tx:state"));
    }

    [Fact]
    public async Task TransactionDoesNotRunWhenItsConditionFails()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();
        await db.StringSetAsync("se:tx:guard", "other");

        var transaction = db.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual("se:tx:guard", "ready"));
        _ = transaction.StringSetAsync("se:tx:guard", "done");

        Assert.False(await transaction.ExecuteAsync());
        Assert.Equal("other", (string?)await db.StringGetAsync("se:tx:guard"));
    }

    [Fact]
    public async Task LockIsTakenExtendedAndReleasedOnlyByItsOwner()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();
        var expiry = TimeSpan.FromSeconds(30);

        Assert.True(await db.LockTakeAsync("se:lock", "owner", expiry));
        Assert.False(await db.LockTakeAsync("se:lock", "intruder", expiry));
        Assert.Equal("owner", (string?)await db.LockQueryAsync("se:lock"));

        Assert.False(await db.LockExtendAsync("se:lock", "intruder", TimeSpan.FromSeconds(60)));
        Assert.True(await db.LockExtendAsync("se:lock", "owner", TimeSpan.FromSeconds(60)));
        Assert.Equal(60, (await db.KeyTimeToLiveAsync("se:lock"))!.Value.TotalSeconds, 0);

        Assert.False(await db.LockReleaseAsync("se:lock", "intruder"));
        Assert.True(await db.LockReleaseAsync("se:lock", "owner"));
        Assert.False(await db.KeyExistsAsync("se:lock"));
        Assert.True(await db.LockTakeAsync("se:lock", "intruder", expiry));
    }

    [Fact]
    public async Task LockExpiresWithTheServersClock()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();

        Assert.True(await db.LockTakeAsync("se:lock:ttl", "first", TimeSpan.FromSeconds(10)));
        server.Clock.Advance(TimeSpan.FromSeconds(11));

        Assert.False(await db.LockExtendAsync("se:lock:ttl", "first", TimeSpan.FromSeconds(10)));
        Assert.True(await db.LockTakeAsync("se:lock:ttl", "second", TimeSpan.FromSeconds(10)));
    }

    private Task<ConnectionMultiplexer> ConnectAsync() => SeRedis.ConnectAsync(server.EndPoint);
}
