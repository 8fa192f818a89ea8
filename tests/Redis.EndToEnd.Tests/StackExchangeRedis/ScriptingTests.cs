using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>StackExchange.Redis's scripting: <c>ScriptEvaluate</c> (EVAL, then EVALSHA once loaded) and <c>LuaScript.Prepare</c>.</summary>
public abstract class ScriptingTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : ScriptingTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : ScriptingTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task ScriptEvaluateRunsTheScriptWithKeysAndArguments()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();

        var result = await db.ScriptEvaluateAsync(
            "redis.call('SET', KEYS[1], ARGV[1]) return redis.call('GET', KEYS[1])",
            ["se:lua:k"],
            ["value"]);

        Assert.Equal("value", (string?)result);
        Assert.Equal("value", (string?)await db.StringGetAsync("se:lua:k"));
    }

    [Fact]
    public async Task ScriptEvaluateConvertsTablesNumbersAndStatus()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();

        var array = (RedisResult[])(await db.ScriptEvaluateAsync("return {1, 'two', 3.7, {ok='fine'}}"))!;
        var status = await db.ScriptEvaluateAsync("return redis.status_reply('DONE')");

        Assert.Equal(4, array.Length);
        Assert.Equal(1, (long)array[0]);
        Assert.Equal("two", (string?)array[1]);
        Assert.Equal(3, (long)array[2]);
        Assert.Equal("fine", (string?)array[3]);
        Assert.Equal("DONE", (string?)status);
    }

    [Fact]
    public async Task AScriptErrorSurfacesAsRedisServerException()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();
        await db.StringSetAsync("se:lua:text", "abc");

        var error = await Assert.ThrowsAsync<RedisServerException>(() =>
            db.ScriptEvaluateAsync("return redis.call('INCR', KEYS[1])", ["se:lua:text"]));

        Assert.StartsWith("ERR value is not an integer or out of range script: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(", on @user_script:1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreparedScriptRunsByItsNamedParameters()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();
        var prepared = LuaScript.Prepare("return redis.call('INCRBY', @key, @amount)");

        var first = await prepared.EvaluateAsync(db, new { key = (RedisKey)"se:lua:counter", amount = 5 });
        var second = await prepared.EvaluateAsync(db, new { key = (RedisKey)"se:lua:counter", amount = 2 });

        Assert.Equal(5, (long)first);
        Assert.Equal(7, (long)second);
    }

    [Fact]
    public async Task ALoadedScriptRunsByItsDigest()
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();
        var server = redis.GetServer(redis.GetEndPoints()[0]);

        var sha = await server.ScriptLoadAsync("return ARGV[1] .. ARGV[2]");
        var joined = await db.ScriptEvaluateAsync(sha, values: ["a", "b"]);

        Assert.True(await server.ScriptExistsAsync(sha));
        Assert.Equal("ab", (string?)joined);
    }

    private Task<ConnectionMultiplexer> ConnectAsync() => SeRedis.ConnectAsync(server.EndPoint);
}
