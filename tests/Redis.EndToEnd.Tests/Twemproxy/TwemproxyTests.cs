using System.Globalization;
using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.Twemproxy;

/// <summary>
/// Three servers behind a real nutcracker (twemproxy): redis-benchmark and StackExchange.Redis through it, the keys
/// spread over the servers, and what nutcracker refuses, as a client sees it.
/// </summary>
/// <remarks>
/// Each test starts its own nutcracker and stops it before reading the servers directly: nutcracker keeps its one
/// connection to each server open, and a server on the blocking transport serves no other client meanwhile.
/// </remarks>
public abstract class TwemproxyTests
{
    private readonly IReadOnlyList<ServerFixture> _servers;

    protected TwemproxyTests(IReadOnlyList<ServerFixture> servers)
    {
        _servers = servers;
        foreach (var server in servers)
        {
            using var client = server.Connect();
            Assert.Equal("+OK\r\n", client.Call("FLUSHALL"));
        }
    }

    public sealed class Blocking(Shards<BlockingTransport> shards) : TwemproxyTests(shards.Servers), IClassFixture<Shards<BlockingTransport>>;

    public sealed class EventLoop(Shards<EventLoopTransport> shards) : TwemproxyTests(shards.Servers), IClassFixture<Shards<EventLoopTransport>>;

    [NutcrackerFact]
    public void RedisBenchmarkRunsThroughNutcrackerAndItsKeysLandOnEveryServer()
    {
        using (var proxy = StartNutcracker())
        {
            var (exitCode, output, error) = ExternalTool.Run(ExternalTool.Require("redis-benchmark"),
                ["-h", "127.0.0.1", "-p", Text(proxy.Port), "-t", "set,get", "-n", "2000", "-r", "1000", "-q"],
                TimeSpan.FromMinutes(2));

            Assert.True(exitCode == 0, error);
            Assert.Matches(@"SET: [\d.]+ requests per second", output);
            Assert.Matches(@"GET: [\d.]+ requests per second", output);
        }

        var sizes = _servers.Select(DbSize).ToList();
        Assert.All(sizes, size => Assert.True(size > 0, $"a server holds none of the keys: {string.Join(", ", sizes)}"));
        Assert.InRange(sizes.Sum(), 1, 1000);
    }

    [NutcrackerFact]
    public async Task StackExchangeRedisReadsBackEveryKeyAndEachLivesOnExactlyOneServer()
    {
        var keys = Enumerable.Range(0, 300).Select(i => "user:" + Text(i)).ToArray();
        using (var proxy = StartNutcracker())
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
            {
                EndPoints = { proxy.EndPoint },
                Proxy = Proxy.Twemproxy,
                AbortOnConnectFail = true,
                ConnectTimeout = 10_000,
                SyncTimeout = 10_000,
                AsyncTimeout = 10_000,
            });
            var db = redis.GetDatabase();

            Assert.All(await Task.WhenAll(keys.Select(k => db.StringSetAsync(k, "value of " + k))), Assert.True);
            foreach (var key in keys)
            {
                Assert.Equal("value of " + key, (string?)await db.StringGetAsync(key));
            }

            // The library refuses a multi-key command over keys of different cluster slots, though nutcracker would split it.
            var mget = await Assert.ThrowsAsync<RedisCommandException>(() => db.StringGetAsync([.. keys.Take(2).Select(k => (RedisKey)k)]));
            Assert.StartsWith("Multi-key operations must involve a single slot", mget.Message);
            await Assert.ThrowsAsync<RedisCommandException>(() => db.ExecuteAsync("KEYS", "*"));
        }

        var held = _servers.Select(KeysOf).ToList();
        Assert.All(held, h => Assert.NotEmpty(h));
        Assert.Equal(keys.Order(StringComparer.Ordinal), held.SelectMany(h => h).Order(StringComparer.Ordinal));
        Assert.Equal(keys.Length, _servers.Sum(DbSize));
    }

    [NutcrackerFact]
    public void MgetMsetAndDelAreSplitPerServerButExistsGoesWholeToTheFirstKeysServer()
    {
        var keys = Enumerable.Range(0, 300).Select(i => "user:" + Text(i)).ToArray();
        var (kept, deleted) = (keys.Where((_, i) => i % 2 == 0).ToArray(), keys.Where((_, i) => i % 2 == 1).ToArray());
        string exists;
        using (var proxy = StartNutcracker())
        {
            Assert.Equal("OK\n", RedisCli(proxy, ["MSET", .. keys.SelectMany(k => new[] { k, "v" + k })]).Output);
            Assert.Equal(string.Concat(keys.Select(k => "v" + k + "\n")), RedisCli(proxy, ["MGET", .. keys]).Output);
            Assert.Equal("150\n", RedisCli(proxy, ["DEL", .. deleted]).Output);
            exists = RedisCli(proxy, ["EXISTS", .. kept]).Output;
        }

        Assert.All(_servers.Select(DbSize), size => Assert.InRange(size, 1, kept.Length - 1));
        Assert.Equal(kept.Length, _servers.Sum(DbSize));

        // nutcracker 0.5.0 does not split EXISTS: the first key's server counts the keys it holds.
        var first = _servers.Single(s => KeysOf(s).Contains(kept[0]));
        Assert.Equal(Text((int)DbSize(first)) + "\n", exists);
    }

    [NutcrackerTheory]
    [InlineData("KEYS", "*")]
    [InlineData("SCAN", "0")]
    [InlineData("RANDOMKEY")]
    [InlineData("RENAME", "a", "b")]
    [InlineData("MULTI")]
    [InlineData("WATCH", "a")]
    [InlineData("SUBSCRIBE", "news")]
    [InlineData("PUBLISH", "news", "hello")]
    [InlineData("SELECT", "0")]
    [InlineData("SELECT", "1")]
    [InlineData("DBSIZE")]
    [InlineData("FLUSHALL")]
    [InlineData("INFO")]
    [InlineData("CONFIG", "GET", "timeout")]
    [InlineData("EVAL", "return 1", "0")]
    [InlineData("BLPOP", "list", "1")]
    [InlineData("HELLO", "3")]
    [InlineData("ECHO", "hello")]
    public void ACommandNutcrackerDoesNotProxyClosesTheConnection(params string[] command)
    {
        using var proxy = StartNutcracker();

        var (exitCode, output, error) = RedisCli(proxy, command);
        Assert.Equal(1, exitCode);
        Assert.Contains("Server closed the connection", output + error);

        // Only that client's connection: nutcracker goes on serving the next.
        Assert.Equal("OK\n", RedisCli(proxy, "SET", "a", "1").Output);
        Assert.Equal("1\n", RedisCli(proxy, "GET", "a").Output);
    }

    [NutcrackerFact]
    public void EvalWithItsKeysOnOneServerRunsThere()
    {
        using var proxy = StartNutcracker();
        Assert.Equal("OK\n", RedisCli(proxy, "EVAL", "return redis.call('SET', KEYS[1], ARGV[1])", "1", "counter", "41").Output);
        Assert.Equal("42\n", RedisCli(proxy, "EVAL", "return redis.call('INCR', KEYS[1])", "1", "counter").Output);
    }

    private Nutcracker StartNutcracker() => Nutcracker.Start(_servers.Select(s => s.EndPoint));

    private static (int ExitCode, string Output, string Error) RedisCli(Nutcracker proxy, params string[] command) =>
        ExternalTool.Run(ExternalTool.Require("redis-cli"), ["-h", "127.0.0.1", "-p", Text(proxy.Port), .. command], TimeSpan.FromSeconds(30));

    private static long DbSize(ServerFixture server)
    {
        using var client = server.Connect();
        return long.Parse(client.Call("DBSIZE").AsSpan(1).TrimEnd("\r\n"), CultureInfo.InvariantCulture);
    }

    /// <summary>The keys a server holds (KEYS *, asked directly: nutcracker refuses it).</summary>
    private static string[] KeysOf(ServerFixture server)
    {
        using var client = server.Connect();
        return client.Call("KEYS", "*").Split("\r\n").Where((_, i) => i > 0 && i % 2 == 0).ToArray();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
