using System.Globalization;
using Redis.EndToEnd.Tests.Support;
using Redis.Testing;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>
/// <c>maxmemory</c> on a real server, set by <c>CONFIG SET</c> relative to the <c>used_memory</c> it reports: the
/// policies, Redis's <c>-OOM</c> text, the <c>evicted</c> event, <c>evicted_keys</c> and broken watches. Used memory is
/// the server's own count of what its keys hold, so the limits below are exact and the outcomes deterministic.
/// </summary>
[TransportSpecific("The evicted event's subscriber and the watching client are other connections: the blocking transport serves one at a time.")]
public sealed class MaxMemoryTests(EventLoopServerFixture server) : IClassFixture<EventLoopServerFixture>, IDisposable
{
    private const string OutOfMemory = "-OOM command not allowed when used memory > 'maxmemory'.\r\n";

    public void Dispose()
    {
        using var client = server.Connect();
        client.Call("CONFIG", "SET", "maxmemory", "0", "maxmemory-policy", "noeviction", "maxmemory-samples", "5", "notify-keyspace-events", "");
        client.Call("FLUSHALL");
    }

    [Fact]
    public void NoEvictionRefusesSetWithRedisTextAndGetStillWorks()
    {
        using var client = server.Connect();
        client.Call("FLUSHALL");
        client.Call("SET", "first", "value");
        Limit(client, Used(client) + 1000);

        string reply;
        var stored = 1;
        while ((reply = client.Call("SET", "key" + stored, new string('x', 100))) == "+OK\r\n")
        {
            stored++;
        }

        Assert.Equal(OutOfMemory, reply);
        Assert.InRange(stored, 2, 20);
        Assert.Equal("$5\r\nvalue\r\n", client.Call("GET", "first"));
        Assert.Equal(OutOfMemory, client.Call("LPUSH", "list", "a"));
        Assert.Equal(":1\r\n", client.Call("DEL", "first"));
        Assert.Equal("+OK\r\n", client.Call("CONFIG", "SET", "maxmemory", "0"));
        Assert.Equal("+OK\r\n", client.Call("SET", "again", "v"));
    }

    [Fact]
    public void AllKeysRandomKeepsMemoryUnderTheLimitWhileWritingFarPastIt()
    {
        using var client = server.Connect();
        client.Call("FLUSHALL");
        client.Call("CONFIG", "RESETSTAT");
        var limit = Used(client) + 50_000;
        client.Call("CONFIG", "SET", "maxmemory-policy", "allkeys-random");
        Limit(client, limit);

        var value = new string('v', 200);
        for (var i = 0; i < 3000; i++)
        {
            Assert.Equal("+OK\r\n", client.Call("SET", "key:" + i, value));
            Assert.InRange(Used(client), 0, limit + 400);
        }

        var keys = long.Parse(client.Call("DBSIZE")[1..^2], CultureInfo.InvariantCulture);
        Assert.InRange(keys, 100, 400);
        Assert.Equal(3000 - keys, Field(client, "stats", "evicted_keys"));
        Assert.Equal("$200\r\n" + value + "\r\n", client.Call("GET", "key:2999"));
    }

    [Fact]
    public void VolatileTtlEvictsTheNearestExpiriesFirstWithEventsWatchesAndCounts()
    {
        using var client = server.Connect();
        using var watcher = server.Connect();
        using var subscriber = server.Connect();
        client.Call("FLUSHALL");
        client.Call("CONFIG", "RESETSTAT");
        client.Call("CONFIG", "SET", "notify-keyspace-events", "Ee", "maxmemory-policy", "volatile-ttl", "maxmemory-samples", "10");
        subscriber.Call("SUBSCRIBE", "__keyevent@0__:evicted");
        for (var i = 0; i < 10; i++)
        {
            client.Call("SET", "p" + i, "persistent");
            client.Call("SET", "t" + i, "expiring", "EX", (1000 + (i * 100)).ToString(CultureInfo.InvariantCulture));
        }

        watcher.Call("WATCH", "t1");
        var footprint = long.Parse(client.Call("MEMORY", "USAGE", "t0")[1..^2], CultureInfo.InvariantCulture);
        Limit(client, Used(client) - (footprint * 5 / 2));

        Assert.Equal(":17\r\n", client.Call("DBSIZE"));
        Assert.Equal(":0\r\n", client.Call("EXISTS", "t0", "t1", "t2"));
        Assert.Equal(":7\r\n", client.Call("EXISTS", "t3", "t4", "t5", "t6", "t7", "t8", "t9"));
        Assert.Equal(":10\r\n", client.Call("EXISTS", "p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9"));
        Assert.Equal(3, Field(client, "stats", "evicted_keys"));
        foreach (var key in new[] { "t0", "t1", "t2" })
        {
            Assert.Equal($"*3\r\n$7\r\nmessage\r\n$22\r\n__keyevent@0__:evicted\r\n$2\r\n{key}\r\n", subscriber.ReadReplyText());
        }

        watcher.Call("MULTI");
        watcher.Call("GET", "t3");
        Assert.Equal("*-1\r\n", watcher.Call("EXEC"));
    }

    [Fact]
    public void AllKeysLruEvictsTheKeysIdleLongestAndObjectIdletimeShowsIt()
    {
        using var client = server.Connect();
        client.Call("FLUSHALL");
        client.Call("CONFIG", "SET", "maxmemory-policy", "allkeys-lru", "maxmemory-samples", "10");
        for (var i = 0; i < 10; i++)
        {
            client.Call("SET", "k" + i, "value");
        }

        server.Clock.Advance(TimeSpan.FromSeconds(100));
        for (var i = 0; i < 5; i++)
        {
            client.Call("GET", "k" + i);
        }

        server.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(":10\r\n", client.Call("OBJECT", "IDLETIME", "k0"));
        Assert.Equal(":110\r\n", client.Call("OBJECT", "IDLETIME", "k9"));
        var footprint = long.Parse(client.Call("MEMORY", "USAGE", "k0")[1..^2], CultureInfo.InvariantCulture);
        Limit(client, Used(client) - (footprint * 9 / 2));

        Assert.Equal(":5\r\n", client.Call("EXISTS", "k0", "k1", "k2", "k3", "k4"));
        Assert.Equal(":0\r\n", client.Call("EXISTS", "k5", "k6", "k7", "k8", "k9"));
    }

    [Fact]
    public void UnderAnLfuPolicyObjectFreqCountsAndIdletimeIsRefused()
    {
        using var client = server.Connect();
        client.Call("FLUSHALL");
        client.Call("CONFIG", "SET", "maxmemory-policy", "allkeys-lfu", "lfu-log-factor", "0");
        client.Call("SET", "f", "v");
        Assert.Equal(":5\r\n", client.Call("OBJECT", "FREQ", "f"));
        client.Call("GET", "f");
        client.Call("GET", "f");
        Assert.Equal(":7\r\n", client.Call("OBJECT", "FREQ", "f"));
        Assert.StartsWith("-ERR An LFU maxmemory policy is selected, idle time not tracked.", client.Call("OBJECT", "IDLETIME", "f"), StringComparison.Ordinal);
        client.Call("CONFIG", "SET", "lfu-log-factor", "10");
    }

    [Fact]
    public void AScriptStartedOverTheLimitIsRefusedADenyOomCommandUntilItHasWritten()
    {
        using var client = server.Connect();
        client.Call("FLUSHALL");
        client.Call("SET", "x", "1");
        Limit(client, Used(client) - 1);

        Assert.StartsWith(OutOfMemory.TrimEnd(), client.Call("EVAL", "return redis.call('set', 'a', 'b')", "0"), StringComparison.Ordinal);
        Assert.Equal("$1\r\n1\r\n", client.Call("EVAL", "return redis.call('get', 'x')", "0"));
        Assert.Equal("+OK\r\n", client.Call("EVAL", "redis.call('del', 'x'); return redis.call('set', 'a', 'b')", "0"));
    }

    [Fact]
    public void AScriptWithAShebangIsDenyOomUnlessItAllowsOomOrDoesNotWrite()
    {
        using var client = server.Connect();
        client.Call("FLUSHALL");
        client.Call("SET", "x", "1");
        Limit(client, Used(client) - 1);

        Assert.Equal(OutOfMemory, client.Call("EVAL", "#!lua\nreturn redis.call('set', 'a', 'b')", "0"));
        Assert.Equal("$1\r\n1\r\n", client.Call("EVAL", "#!lua flags=no-writes\nreturn redis.call('get', 'x')", "0"));
        Assert.Equal("+OK\r\n", client.Call("EVAL", "#!lua flags=allow-oom\nreturn redis.call('set', 'a', 'b')", "0"));
    }

    [Fact]
    public void InfoMemoryFollowsTheDatasetAndShowsTheLimit()
    {
        using var client = server.Connect();
        client.Call("FLUSHALL");
        var before = Field(client, "memory", "used_memory");
        var datasetBefore = Field(client, "memory", "used_memory_dataset");
        for (var i = 0; i < 100; i++)
        {
            client.Call("SET", "k" + i, new string('x', 1000));
        }

        var after = Field(client, "memory", "used_memory");
        Assert.InRange(after - before, 100 * 1000, 100 * 1200);
        Assert.Equal(after - before, Field(client, "memory", "used_memory_dataset") - datasetBefore);
        Assert.True(Field(client, "memory", "used_memory_peak") >= after);
        Assert.True(Field(client, "memory", "used_memory_rss") > 0);

        client.Call("CONFIG", "SET", "maxmemory", "1gb", "maxmemory-policy", "allkeys-lru");
        var info = client.Call("INFO", "memory");
        Assert.Contains("\r\nmaxmemory:1073741824\r\n", info, StringComparison.Ordinal);
        Assert.Contains("\r\nmaxmemory_human:1.00G\r\n", info, StringComparison.Ordinal);
        Assert.Contains("\r\nmaxmemory_policy:allkeys-lru\r\n", info, StringComparison.Ordinal);
        Assert.Contains("\r\nmem_fragmentation_ratio:", info, StringComparison.Ordinal);
        Assert.Contains("\r\nused_memory_human:", info, StringComparison.Ordinal);
    }

    private static void Limit(WireClient client, long bytes) =>
        Assert.Equal("+OK\r\n", client.Call("CONFIG", "SET", "maxmemory", bytes.ToString(CultureInfo.InvariantCulture)));

    private static long Used(WireClient client) => Field(client, "memory", "used_memory");

    private static long Field(WireClient client, string section, string name)
    {
        foreach (var line in client.Call("INFO", section).Split("\r\n"))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No {name} in INFO {section}.");
    }
}
