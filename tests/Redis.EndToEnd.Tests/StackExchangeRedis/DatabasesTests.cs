// SER301 suggests a server 8.4 conditional SET instead of WATCH: the WATCH path is what the condition test is about.
#pragma warning disable SER301

using System.Globalization;
using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>
/// The numbered databases over the wire: StackExchange.Redis's <c>GetDatabase(n)</c> (which sends <c>SELECT</c> as it
/// switches), keys kept apart, <c>WATCH</c> on a key of one database, and redis-cli's <c>-n</c>.
/// </summary>
/// <remarks>A server of its own, because these tests flush every database.</remarks>
public abstract class DatabasesTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : DatabasesTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : DatabasesTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task GetDatabaseReadsAndWritesItsOwnKeys()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var endPoint = redis.GetServer(server.EndPoint);
        await endPoint.FlushAllDatabasesAsync();
        var zero = redis.GetDatabase(0);
        var three = redis.GetDatabase(3);

        await zero.StringSetAsync("db:k", "zero");
        await three.StringSetAsync("db:k", "three", TimeSpan.FromSeconds(100));
        await three.StringSetAsync("db:only3", "x");

        Assert.Equal("zero", (string?)await zero.StringGetAsync("db:k"));
        Assert.Equal("three", (string?)await three.StringGetAsync("db:k"));
        Assert.False(await zero.KeyExistsAsync("db:only3"));
        Assert.Null(await zero.KeyTimeToLiveAsync("db:k"));
        Assert.NotNull(await three.KeyTimeToLiveAsync("db:k"));
        Assert.Equal(1, await endPoint.DatabaseSizeAsync(0));
        Assert.Equal(2, await endPoint.DatabaseSizeAsync(3));
        Assert.Equal(["db:k", "db:only3"], endPoint.Keys(3).Select(k => (string)k!).Order());
    }

    [Fact]
    public async Task MoveAndFlushDatabaseWorkPerDatabase()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        var endPoint = redis.GetServer(server.EndPoint);
        await endPoint.FlushAllDatabasesAsync();
        var zero = redis.GetDatabase(0);
        await zero.StringSetAsync("db:moved", "v");

        Assert.True(await zero.KeyMoveAsync("db:moved", 5));
        Assert.Equal("v", (string?)await redis.GetDatabase(5).StringGetAsync("db:moved"));
        Assert.False(await zero.KeyExistsAsync("db:moved"));

        await zero.StringSetAsync("db:stays", "v");
        await endPoint.FlushDatabaseAsync(5);

        Assert.Equal(0, await endPoint.DatabaseSizeAsync(5));
        Assert.True(await zero.KeyExistsAsync("db:stays"));
        var info = (await endPoint.InfoAsync("keyspace")).Single().ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(["db0"], info.Keys);
    }

    [Fact]
    public async Task KeyCopyCopiesEachTypeWithItsTtlIntoAnotherDatabase()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        await redis.GetServer(server.EndPoint).FlushAllDatabasesAsync();
        var (zero, three) = (redis.GetDatabase(0), redis.GetDatabase(3));
        await zero.HashSetAsync("db:hash", [new("f", "1"), new("g", "2")]);
        await zero.KeyExpireAsync("db:hash", TimeSpan.FromHours(1));
        await zero.SortedSetAddAsync("db:zset", [new("a", 1), new("b", 2)]);

        Assert.True(await zero.KeyCopyAsync("db:hash", "db:hash", destinationDatabase: 3));
        Assert.True(await zero.KeyCopyAsync("db:zset", "db:board"));
        Assert.False(await zero.KeyCopyAsync("db:zset", "db:board"));
        Assert.True(await zero.KeyCopyAsync("db:hash", "db:board", replace: true));

        await three.HashSetAsync("db:hash", "f", "changed");
        Assert.Equal("1", (string?)await zero.HashGetAsync("db:hash", "f"));
        Assert.Equal("2", (string?)await three.HashGetAsync("db:hash", "g"));
        Assert.NotNull(await three.KeyTimeToLiveAsync("db:hash"));
        Assert.Equal(RedisType.Hash, await zero.KeyTypeAsync("db:board"));
        Assert.Equal(["a", "b"], (await zero.SortedSetRangeByRankAsync("db:zset")).Select(m => (string)m!));
    }

    [Fact]
    public async Task ATransactionConditionSeesOnlyItsDatabase()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint);
        await redis.GetServer(server.EndPoint).FlushAllDatabasesAsync();
        var two = redis.GetDatabase(2);
        await two.StringSetAsync("db:cas", "1");
        await redis.GetDatabase(0).StringSetAsync("db:cas", "other");

        // The library sends WATCH db:cas, GET, MULTI ... EXEC on database 2.
        var transaction = two.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual("db:cas", "1"));
        _ = transaction.StringSetAsync("db:cas", "2");

        Assert.True(await transaction.ExecuteAsync());
        Assert.Equal("2", (string?)await two.StringGetAsync("db:cas"));
        Assert.Equal("other", (string?)await redis.GetDatabase(0).StringGetAsync("db:cas"));
    }

    [Fact]
    public void AWriteInAnotherDatabaseDoesNotBreakAWatch()
    {
        using var client = server.Connect();
        client.Call("FLUSHALL");
        client.Call("SET", "db:w", "1");
        Assert.Equal("+OK\r\n", client.Call("WATCH", "db:w"));
        client.Call("SELECT", "1");
        client.Call("SET", "db:w", "2");
        client.Call("SELECT", "0");
        client.Call("MULTI");
        client.Call("GET", "db:w");

        Assert.Equal("*1\r\n$1\r\n1\r\n", client.Call("EXEC"));

        client.Call("WATCH", "db:w");
        client.Call("SELECT", "1");
        client.Call("FLUSHDB");
        client.Call("SELECT", "0");
        client.Call("MULTI");
        client.Call("PING");
        Assert.Equal("*1\r\n+PONG\r\n", client.Call("EXEC"));

        client.Call("WATCH", "db:w");
        client.Call("SWAPDB", "0", "1");
        client.Call("MULTI");
        client.Call("PING");
        Assert.Equal("*-1\r\n", client.Call("EXEC"));
    }

    [Fact]
    public void ClientListShowsTheSelectedDatabase()
    {
        using var client = server.Connect();
        client.Call("SELECT", "7");

        Assert.Contains(" db=7 ", client.Call("CLIENT", "INFO"), StringComparison.Ordinal);
    }

    [Fact]
    public void RedisCliDashNWorksOnThatDatabase()
    {
        var port = server.EndPoint.Port.ToString(CultureInfo.InvariantCulture);
        string Cli(params string[] args)
        {
            var (exitCode, output, error) = ExternalTool.Run(ExternalTool.Require("redis-cli"), ["-h", "127.0.0.1", "-p", port, .. args], TimeSpan.FromSeconds(60));
            Assert.True(exitCode == 0, error);
            return output.TrimEnd('\n');
        }

        Cli("FLUSHALL");
        Assert.Equal("OK", Cli("-n", "1", "SET", "db:cli", "one"));

        Assert.Equal("one", Cli("-n", "1", "GET", "db:cli"));
        Assert.Equal("", Cli("GET", "db:cli"));
        Assert.Equal("1", Cli("-n", "1", "DBSIZE"));
        Assert.Equal("0", Cli("-n", "0", "DBSIZE"));
    }
}
