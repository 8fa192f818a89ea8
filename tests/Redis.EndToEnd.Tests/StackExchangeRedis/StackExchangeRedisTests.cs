using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>A real client library, StackExchange.Redis, against the server.</summary>
/// <remarks>
/// The library opens a second connection for pub/sub unless SUBSCRIBE is disabled; with a server that serves one
/// client at a time that connection would wait forever, so the command map removes it.
/// </remarks>
public abstract class StackExchangeRedisTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : StackExchangeRedisTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : StackExchangeRedisTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task StringsAndExpiryRoundTrip()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();

        Assert.True(await db.StringSetAsync("se:key", "value"));
        Assert.Equal("value", (string?)await db.StringGetAsync("se:key"));
        Assert.True(await db.KeyExistsAsync("se:key"));

        Assert.True(await db.KeyExpireAsync("se:key", TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(30), await db.KeyTimeToLiveAsync("se:key"));

        server.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True((await db.StringGetAsync("se:key")).IsNull);

        await db.StringSetAsync("se:other", "x");
        Assert.True(await db.KeyDeleteAsync("se:other"));
        Assert.False(await db.KeyDeleteAsync("se:other"));
    }

    [Fact]
    public async Task ServerErrorsSurfaceAsRedisServerException()
    {
        await using var redis = await ConnectAsync();
        var error = await Assert.ThrowsAsync<RedisServerException>(
            () => redis.GetDatabase().ExecuteAsync("SET", "k", "v", "EX", "0"));
        Assert.Equal("ERR invalid expire time in 'set' command", error.Message);
    }

    private Task<ConnectionMultiplexer> ConnectAsync()
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { server.EndPoint },
            CommandMap = CommandMap.Create(new HashSet<string> { "SUBSCRIBE" }, available: false),
            AbortOnConnectFail = true,
            ConnectTimeout = 10_000,
            SyncTimeout = 10_000,
        };
        return ConnectionMultiplexer.ConnectAsync(options);
    }
}
