using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>Whole-keyspace commands through <see cref="IServer"/>: SCAN (behind <c>Keys</c>), DBSIZE, FLUSHDB, INFO, RANDOMKEY.</summary>
/// <remarks>A server of its own, because these tests count and flush every key.</remarks>
public abstract class KeyspaceTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : KeyspaceTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : KeyspaceTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task KeysScansEveryKeyInPagesAndFiltersByPattern()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var endPoint = redis.GetServer(server.EndPoint);
        var db = redis.GetDatabase();
        await endPoint.FlushDatabaseAsync();
        for (var i = 0; i < 250; i++)
        {
            await db.StringSetAsync($"scan:{i}", i);
        }

        await db.StringSetAsync("other", "x");

        // pageSize 10 makes the library walk SCAN's cursor through 26 steps.
        var all = new List<string>();
        await foreach (var key in endPoint.KeysAsync(pattern: "scan:*", pageSize: 10))
        {
            all.Add(key!);
        }

        Assert.Equal(250, all.Count);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"scan:{i}").Order(), all.Order());
        Assert.Equal(251, await endPoint.DatabaseSizeAsync());

        var some = new List<string>();
        await foreach (var key in endPoint.KeysAsync(pattern: "scan:1?", pageSize: 1000))
        {
            some.Add(key!);
        }

        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"scan:{i}").Order(), some.Order());
    }

    [Fact]
    public async Task FlushDatabaseEmptiesItAndRandomKeyFindsNothing()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var endPoint = redis.GetServer(server.EndPoint);
        var db = redis.GetDatabase();
        await endPoint.FlushDatabaseAsync();
        await db.StringSetAsync("flush:a", "1");
        Assert.Equal("flush:a", (string?)await db.KeyRandomAsync());

        await endPoint.FlushDatabaseAsync();

        Assert.Equal(0, await endPoint.DatabaseSizeAsync());
        Assert.Null((string?)await db.KeyRandomAsync());
    }

    [Fact]
    public async Task InfoReportsRedisFieldsTheLibraryReads()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var endPoint = redis.GetServer(server.EndPoint);
        await endPoint.FlushDatabaseAsync();
        await redis.GetDatabase().StringSetAsync("info:a", "1", TimeSpan.FromSeconds(10));

        var info = (await endPoint.InfoAsync()).ToDictionary(g => g.Key, g => g.ToDictionary(p => p.Key, p => p.Value));

        Assert.Equal("7.0.15", info["Server"]["redis_version"]);
        Assert.Equal(new Version(7, 0, 15), endPoint.Version);
        Assert.Equal("master", info["Replication"]["role"]);
        // avg_ttl is 0 until a sweep samples the key; one may run between SET and INFO when an earlier test moved the
        // shared fake clock by a period. The clock stands still here, so a sample finds exactly the 10 s TTL.
        Assert.Contains("db0:" + info["Keyspace"]["db0"], (string[])["db0:keys=1,expires=1,avg_ttl=0", "db0:keys=1,expires=1,avg_ttl=10000"]);
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), info["Server"]["process_id"]);
    }
}
