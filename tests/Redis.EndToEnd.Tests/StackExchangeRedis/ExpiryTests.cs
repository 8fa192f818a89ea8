using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>KeyExpire, KeyTimeToLive, KeyPersist and expiring SETs through StackExchange.Redis, driven by the fake clock.</summary>
public abstract class ExpiryTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : ExpiryTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : ExpiryTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task KeyExpireTimeToLiveAndPersist()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.StringSetAsync("exp:k", "v");

        Assert.Null(await db.KeyTimeToLiveAsync("exp:k"));
        Assert.True(await db.KeyExpireAsync("exp:k", TimeSpan.FromMilliseconds(1500)));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), await db.KeyTimeToLiveAsync("exp:k"));

        server.Clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.FromSeconds(1), await db.KeyTimeToLiveAsync("exp:k"));
        Assert.True(await db.KeyPersistAsync("exp:k"));
        Assert.False(await db.KeyPersistAsync("exp:k"));
        Assert.Null(await db.KeyTimeToLiveAsync("exp:k"));

        server.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("v", (string?)await db.StringGetAsync("exp:k"));
    }

    [Fact]
    public async Task KeyExpireAtAbsoluteTimeAndExpireTimeReadsItBack()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.StringSetAsync("exp:at", "v");
        var when = server.Clock.GetUtcNow().AddMinutes(5);

        Assert.True(await db.KeyExpireAsync("exp:at", when.UtcDateTime));
        Assert.Equal(when.UtcDateTime, await db.KeyExpireTimeAsync("exp:at"));

        server.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await db.KeyExistsAsync("exp:at"));
        server.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(await db.KeyExistsAsync("exp:at"));
    }

    [Fact]
    public async Task ExpireWhenGreaterOrLessThanFollowsRedis()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.StringSetAsync("exp:gtlt", "v");

        // No TTL counts as infinite: GT never wins against it, LT always does.
        Assert.False(await db.KeyExpireAsync("exp:gtlt", TimeSpan.FromSeconds(100), ExpireWhen.GreaterThanCurrentExpiry));
        Assert.True(await db.KeyExpireAsync("exp:gtlt", TimeSpan.FromSeconds(100), ExpireWhen.LessThanCurrentExpiry));
        Assert.False(await db.KeyExpireAsync("exp:gtlt", TimeSpan.FromSeconds(200), ExpireWhen.LessThanCurrentExpiry));
        Assert.True(await db.KeyExpireAsync("exp:gtlt", TimeSpan.FromSeconds(200), ExpireWhen.GreaterThanCurrentExpiry));
        Assert.False(await db.KeyExpireAsync("exp:gtlt", TimeSpan.FromSeconds(300), ExpireWhen.HasNoExpiry));
        Assert.True(await db.KeyExpireAsync("exp:gtlt", TimeSpan.FromSeconds(300), ExpireWhen.HasExpiry));
        Assert.Equal(TimeSpan.FromSeconds(300), await db.KeyTimeToLiveAsync("exp:gtlt"));
    }

    [Fact]
    public async Task StringSetWithExpiryAndKeepTtl()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();

        Assert.True(await db.StringSetAsync("exp:set", "v", TimeSpan.FromSeconds(10)));
        Assert.True(await db.StringSetAsync("exp:set", "w", expiry: null, keepTtl: true));
        Assert.Equal(TimeSpan.FromSeconds(10), await db.KeyTimeToLiveAsync("exp:set"));

        Assert.Equal("w", (string?)await db.StringGetSetExpiryAsync("exp:set", TimeSpan.FromSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(60), await db.KeyTimeToLiveAsync("exp:set"));

        server.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True((await db.StringGetAsync("exp:set")).IsNull);
    }
}
