using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>The server commands through StackExchange.Redis's <see cref="IServer"/>: CONFIG SET, SLOWLOG, CONFIG RESETSTAT, OBJECT ENCODING.</summary>
/// <remarks>A server of its own: CONFIG SET and RESETSTAT change what other suites would observe.</remarks>
public abstract class ServerCommandsTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : ServerCommandsTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : ServerCommandsTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task ConfigSetIsSeenByConfigGetAndRefusedWithRedisErrors()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var admin = redis.GetServer(server.EndPoint);

        await admin.ConfigSetAsync("slowlog-max-len", "17");
        Assert.Equal("17", (await admin.ConfigGetAsync("slowlog-max-len")).Single().Value);
        await admin.ConfigSetAsync("slowlog-max-len", "128");

        var refused = await Assert.ThrowsAsync<RedisServerException>(() => admin.ConfigSetAsync("databases", "4"));
        Assert.Equal("ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config", refused.Message);
    }

    [Fact]
    public async Task SlowlogGetReturnsTheLoggedCommands()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var admin = redis.GetServer(server.EndPoint);
        await admin.ConfigSetAsync("slowlog-log-slower-than", "0");
        try
        {
            await admin.SlowlogResetAsync();
            await redis.GetDatabase().StringSetAsync("se:slow", "v");

            var entries = await admin.SlowlogGetAsync(10);
            var set = entries.First(e => e.Arguments.Length > 0 && (string?)e.Arguments[0] == "SET");
            Assert.Equal(["SET", "se:slow", "v"], set.Arguments.Select(a => (string?)a));
            Assert.Equal(TimeSpan.Zero, set.Duration);
        }
        finally
        {
            await admin.ConfigSetAsync("slowlog-log-slower-than", "10000");
        }
    }

    [Fact]
    public async Task ResetStatisticsZeroesInfoStats()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var admin = redis.GetServer(server.EndPoint);
        await redis.GetDatabase().StringGetAsync("se:missing");

        await admin.ConfigResetStatisticsAsync();

        var stats = (await admin.InfoAsync("stats")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("0", stats["keyspace_misses"]);
        Assert.Equal("0", stats["expired_keys"]);
    }

    [Fact]
    public async Task KeyEncodingFollowsTheValue()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var db = redis.GetDatabase();
        await db.StringSetAsync("se:int", 123);
        await db.StringSetAsync("se:str", "hello");
        await db.StringSetAsync("se:raw", new string('x', 100));

        Assert.Equal("int", await db.KeyEncodingAsync("se:int"));
        Assert.Equal("embstr", await db.KeyEncodingAsync("se:str"));
        Assert.Equal("raw", await db.KeyEncodingAsync("se:raw"));
        Assert.Null(await db.KeyEncodingAsync("se:missing"));
    }
}
