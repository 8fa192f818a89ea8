using System.Net;
using Redis.Domain.Cluster;
using Redis.Testing;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.Cluster;

/// <summary>A three-node cluster formed by redis-cli, used by redis-cli -c, raw sockets and StackExchange.Redis.</summary>
public sealed class ClusterTests(ClusterNodes cluster) : IClassFixture<ClusterNodes>
{
    [Fact]
    public void RedisCliCreatesTheClusterAndChecksEverySlotCovered()
    {
        Assert.Equal(0, cluster.CreateOutput.ExitCode);
        Assert.Contains("[OK] All nodes agree about slots configuration.", cluster.CreateOutput.Output, StringComparison.Ordinal);
        Assert.Contains("[OK] All 16384 slots covered.", cluster.CreateOutput.Output, StringComparison.Ordinal);
        Assert.All(cluster.Ports, port => Assert.Contains("cluster_known_nodes:3", ClusterNodes.Cli(port, "CLUSTER", "INFO"), StringComparison.Ordinal));
    }

    [Fact]
    public void RedisCliFollowsMovedAndTheKeyLandsOnTheSlotOwner()
    {
        var owner = cluster.OwnerOf(HashSlot.Of("foo"u8));
        var other = cluster.Ports.First(p => p != owner);

        Assert.Equal("OK", ClusterNodes.Cli(other, "-c", "SET", "foo", "bar"));
        Assert.Equal("bar", ClusterNodes.Cli(owner, "GET", "foo"));
        Assert.Equal("1", ClusterNodes.Cli(owner, "CLUSTER", "COUNTKEYSINSLOT", "12182"));
        Assert.Equal("0", ClusterNodes.Cli(other, "CLUSTER", "COUNTKEYSINSLOT", "12182"));
    }

    [Fact]
    public void AnotherNodesSlotIsMovedAndKeysOfTwoSlotsAreCrossSlot()
    {
        var owner = cluster.OwnerOf(12182);
        var other = cluster.Ports.First(p => p != owner);
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, other));

        Assert.Equal($"-MOVED 12182 127.0.0.1:{owner}\r\n", client.Call("GET", "foo"));
        Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot\r\n", client.Call("MSET", "foo", "1", "bar", "2"));
        Assert.Equal("-ERR SELECT is not allowed in cluster mode\r\n", client.Call("SELECT", "1"));
        Assert.Equal("+OK\r\n", client.Call("SELECT", "0"));
    }

    [Fact]
    public void ATransactionRunsOnTheOwnerAndIsAbortedByAKeyOfAnotherNode()
    {
        var owner = cluster.OwnerOf(HashSlot.Of("{user1000}"u8));
        var moved = Enumerable.Range(0, 100).Select(i => "k" + i).First(k => cluster.OwnerOf(HashSlot.Of(System.Text.Encoding.ASCII.GetBytes(k))) != owner);
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, owner));

        Assert.Equal("+OK\r\n", client.Call("MULTI"));
        Assert.Equal("+QUEUED\r\n", client.Call("SET", "{user1000}.following", "1"));
        Assert.Equal("+QUEUED\r\n", client.Call("SET", "{user1000}.followers", "2"));
        Assert.Equal("*2\r\n+OK\r\n+OK\r\n", client.Call("EXEC"));

        Assert.Equal("+OK\r\n", client.Call("MULTI"));
        Assert.StartsWith("-MOVED ", client.Call("SET", moved, "1"), StringComparison.Ordinal);
        Assert.Equal("-EXECABORT Transaction discarded because of previous errors.\r\n", client.Call("EXEC"));
    }

    [Fact]
    public void AScriptRunsWhereItsKeysAreAndMayNotReachAnotherNodesKey()
    {
        var owner = cluster.OwnerOf(12182);
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, owner));
        var elsewhere = Enumerable.Range(0, 100).Select(i => "s" + i).First(k => cluster.OwnerOf(HashSlot.Of(System.Text.Encoding.ASCII.GetBytes(k))) != owner);

        Assert.Equal("+OK\r\n", client.Call("EVAL", "return redis.call('set', KEYS[1], 'x')", "1", "foo"));
        Assert.StartsWith("-MOVED ", client.Call("EVAL", "return 1", "1", elsewhere), StringComparison.Ordinal);
        Assert.StartsWith(
            "-ERR Script attempted to access a non local key in a cluster node",
            client.Call("EVAL", $"return redis.call('get', '{elsewhere}')", "0"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task StackExchangeRedisWritesEveryKeyToItsSlotOwner()
    {
        var options = new ConfigurationOptions { AbortOnConnectFail = true, ConnectTimeout = 10_000, SyncTimeout = 10_000, AsyncTimeout = 10_000 };
        foreach (var endPoint in cluster.EndPoints)
        {
            options.EndPoints.Add(endPoint);
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var db = redis.GetDatabase();
        var keys = Enumerable.Range(0, 60).Select(i => "se:" + i).ToArray();

        Assert.All(await Task.WhenAll(keys.Select(k => db.StringSetAsync(k, "value of " + k))), Assert.True);
        foreach (var key in keys)
        {
            Assert.Equal("value of " + key, (string?)await db.StringGetAsync(key));
            var owner = cluster.OwnerOf(HashSlot.Of(System.Text.Encoding.ASCII.GetBytes(key)));
            Assert.Equal("value of " + key, ClusterNodes.Cli(owner, "GET", key));
        }

        Assert.Equal(3, redis.GetServers().Length);
        Assert.All(redis.GetServers(), server => Assert.Equal(ServerType.Cluster, server.ServerType));
    }

    [Fact]
    public void ARestartedNodeKeepsItsIdAndSlotsFromNodesConfAndTheClusterIsOkAgain()
    {
        var port = cluster.Ports[2];
        var before = ClusterNodes.Cli(port, "CLUSTER", "MYID");
        var slots = MyselfSlots(port);

        cluster.Restart(2);

        Assert.Equal(before, ClusterNodes.Cli(port, "CLUSTER", "MYID"));
        Assert.Equal(slots, MyselfSlots(port));
        ClusterNodes.WaitUntil(
            () => cluster.Ports.All(p => ClusterNodes.Cli(p, "CLUSTER", "INFO").Contains("cluster_state:ok", StringComparison.Ordinal)),
            "every node reports cluster_state:ok after the restart");
        Assert.Contains("cluster_known_nodes:3", ClusterNodes.Cli(port, "CLUSTER", "INFO"), StringComparison.Ordinal);
    }

    private static string MyselfSlots(int port) => string.Join(' ', ClusterNodes.Cli(port, "CLUSTER", "NODES")
        .Split('\n').Single(line => line.Contains("myself", StringComparison.Ordinal)).Split(' ').Skip(8));
}
