using System.Globalization;
using System.Net;
using Redis.EndToEnd.Tests.Persistence;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.Replication;

/// <summary>
/// Replication both ways with a real redis-server 7.0: its replica follows this server through a full and then a
/// partial synchronisation, and this server follows a redis-server master the same way; after each step the two hold
/// the same keys, types, encodings, expiry times and contents.
/// </summary>
public sealed class ReplicationTests : PersistenceTestBase
{
    // Writes after the first synchronisation, in every shape the stream carries: relative expiry, several databases,
    // a transaction, a script, deletions, and a command that is replicated as another (INCRBYFLOAT as SET).
    private static readonly string[][] Later =
    [
        ["INCR", "int"],
        ["EXPIRE", "text", "1000"],
        ["INCRBYFLOAT", "float", "1.5"],
        ["LPUSH", "list", "front"],
        ["DEL", "set"],
        ["SELECT", "3"],
        ["SET", "in-db-3", "changed"],
        ["SELECT", "0"],
        ["EVAL", "redis.call('SET', KEYS[1], ARGV[1]); return redis.call('INCR', KEYS[2])", "2", "from-script", "counter", "v"],
    ];

    [Fact]
    public void RedisServerReplicatesThisServerFullyThenPartially()
    {
        if (RedisServerMissing())
        {
            return;
        }

        var master = StartOurs();
        Run(master, Fill);
        var replica = StartRedisWith("--dbfilename", "replica.rdb", "--replicaof", "127.0.0.1", Port(master));
        WaitUntil(() => Call(replica, "INFO", "replication").Contains("master_link_status:up", StringComparison.Ordinal));
        WaitUntil(() => Describe(replica).SequenceEqual(Describe(master)));

        Run(master, Later);
        RunTransaction(master);
        WaitUntil(() => Describe(replica).SequenceEqual(Describe(master)));
        Assert.Equal(":1\r\n", Call(master, "WAIT", "1", "10000"));
        Assert.Matches(@"^\*3\r\n\$6\r\nmaster\r\n:\d+\r\n\*1\r\n\*3\r\n\$9\r\n127\.0\.0\.1\r\n", Call(master, "ROLE"));

        // The link drops; the replica asks to continue from its offset and gets only what it missed.
        Assert.Equal(":1\r\n", Call(master, "CLIENT", "KILL", "TYPE", "replica"));
        Run(master, [["SET", "after-drop", "1"], ["HSET", "hash", "added", "later"]]);
        WaitUntil(() => Call(master, "INFO", "stats").Contains("sync_partial_ok:1", StringComparison.Ordinal));
        WaitUntil(() => Describe(replica).SequenceEqual(Describe(master)));
        Assert.Contains("sync_full:1\r\n", Call(master, "INFO", "stats"), StringComparison.Ordinal);
        Assert.Equal(Offset(master), Offset(replica));
    }

    [Fact]
    public void ThisServerReplicatesRedisServerAndRefusesWritesUntilPromoted()
    {
        if (RedisServerMissing())
        {
            return;
        }

        var master = StartRedisWith("--dbfilename", "master.rdb");
        Run(master, Fill);
        var replica = StartOurs();
        Run(replica, [["SET", "replaced", "by the master's data"]]);
        Assert.Equal("+OK\r\n", Call(replica, "REPLICAOF", "127.0.0.1", Port(master)));
        Assert.Equal("+OK Already connected to specified master\r\n", Call(replica, "REPLICAOF", "127.0.0.1", Port(master)));
        WaitUntil(() => Call(replica, "INFO", "replication").Contains("master_link_status:up", StringComparison.Ordinal));
        WaitUntil(() => Describe(replica).SequenceEqual(Describe(master)));
        Assert.Equal("$-1\r\n", Call(replica, "GET", "replaced"));

        Run(master, Later);
        RunTransaction(master);
        WaitUntil(() => Describe(replica).SequenceEqual(Describe(master)));
        WaitUntil(() => Call(master, "WAIT", "1", "1000") == ":1\r\n");
        Assert.Equal("-READONLY You can't write against a read only replica.\r\n", Call(replica, "SET", "x", "1"));
        Assert.Equal("+OK\r\n", Call(replica, "CONFIG", "SET", "replica-read-only", "no"));
        Assert.Equal("+OK\r\n", Call(replica, "SET", "local-only", "1"));
        Assert.Equal("+OK\r\n", Call(replica, "CONFIG", "SET", "replica-read-only", "yes"));
        Assert.StartsWith("-READONLY", Call(replica, "DEL", "local-only"), StringComparison.Ordinal);
        Assert.Equal("+OK\r\n", Call(replica, "CONFIG", "SET", "slave-read-only", "no"));
        Assert.Equal(":1\r\n", Call(replica, "DEL", "local-only"));
        Assert.Equal("+OK\r\n", Call(replica, "CONFIG", "SET", "replica-read-only", "yes"));
        Assert.Matches(@"^\*5\r\n\$5\r\nslave\r\n\$9\r\n127\.0\.0\.1\r\n:\d+\r\n\$9\r\nconnected\r\n:\d+\r\n", Call(replica, "ROLE"));

        Assert.Equal(":1\r\n", Call(replica, "CLIENT", "KILL", "TYPE", "master"));
        Run(master, [["SET", "after-drop", "1"], ["SADD", "set-ints", "99"]]);
        WaitUntil(() => Call(master, "INFO", "stats").Contains("sync_partial_ok:1", StringComparison.Ordinal));
        WaitUntil(() => Describe(replica).SequenceEqual(Describe(master)));
        WaitUntil(() => Offset(replica) == Offset(master));

        // Promoted, it keeps the data, takes writes, and remembers the history it shares with its old master.
        var id = Field(Call(replica, "INFO", "replication"), "master_replid");
        Assert.Equal("+OK\r\n", Call(replica, "REPLICAOF", "NO", "ONE"));
        Assert.Equal("+OK\r\n", Call(replica, "SET", "x", "1"));
        var info = Call(replica, "INFO", "replication");
        Assert.Equal(id, Field(info, "master_replid2"));
        Assert.Contains("role:master\r\n", info, StringComparison.Ordinal);
        Assert.Equal("$1\r\n1\r\n", Call(replica, "GET", "after-drop"));
    }

    [Fact]
    public void ThisServerStartsAsAReplicaOfItselfAndChainsTheStream()
    {
        var master = StartOurs();
        Run(master, Fill);
        var replica = StartOurs("--replicaof", "127.0.0.1 " + Port(master));
        var second = StartOurs("--replicaof", "127.0.0.1 " + Port(replica));
        WaitUntil(() => Call(second, "INFO", "replication").Contains("master_link_status:up", StringComparison.Ordinal));
        Run(master, Later);
        WaitUntil(() => Describe(second).SequenceEqual(Describe(master)));
        WaitUntil(() => Offset(second) == Offset(master));
        Assert.Contains("connected_slaves:1\r\n", Call(replica, "INFO", "replication"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StackExchangeRedisWritesToTheMasterReadsFromTheReplicaAndFollowsAFailover()
    {
        var master = StartOurs();
        var replica = StartOurs("--replicaof", "127.0.0.1 " + Port(master));
        WaitUntil(() => Call(replica, "INFO", "replication").Contains("master_link_status:up", StringComparison.Ordinal));
        EndPoint masterEndPoint = new IPEndPoint(IPAddress.Loopback, master.Port), replicaEndPoint = new IPEndPoint(IPAddress.Loopback, replica.Port);

        // The library's defaults, both servers named: it tells them apart by INFO replication and ROLE.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { replicaEndPoint, masterEndPoint }, AllowAdmin = true });
        Assert.False(redis.GetServer(masterEndPoint).IsReplica);
        Assert.True(redis.GetServer(replicaEndPoint).IsReplica);
        var db = redis.GetDatabase();
        Assert.True(await db.StringSetAsync("user:1", "ada"));
        Assert.True(await db.HashSetAsync("user:1:h", "name", "ada"));
        WaitUntil(() => Call(replica, "GET", "user:1") == "$3\r\nada\r\n");
        Assert.Equal("ada", await db.StringGetAsync("user:1", CommandFlags.DemandReplica));
        Assert.Equal("ada", await db.HashGetAsync("user:1:h", "name", CommandFlags.DemandReplica));

        // Failover by hand: the replica is promoted, the old master follows it; the library finds the new roles.
        Assert.Equal("+OK\r\n", Call(replica, "REPLICAOF", "NO", "ONE"));
        Assert.Equal("+OK\r\n", Call(master, "REPLICAOF", "127.0.0.1", Port(replica)));
        WaitUntil(() => Call(master, "INFO", "replication").Contains("master_link_status:up", StringComparison.Ordinal));
        await redis.ConfigureAsync();
        Assert.True(redis.GetServer(masterEndPoint).IsReplica);
        Assert.False(redis.GetServer(replicaEndPoint).IsReplica);
        Assert.True(await db.StringSetAsync("after-failover", "1"));
        WaitUntil(() => Call(master, "GET", "after-failover") == "$1\r\n1\r\n");
        Assert.Equal("ada", (string?)await db.StringGetAsync("user:1"));
    }

    private static void RunTransaction(Server server)
    {
        using var client = new WireClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, server.Port));
        Assert.Equal("+OK\r\n", client.Call("MULTI"));
        client.Call("SET", "in-multi", "1");
        client.Call("SADD", "set-ints", "42");
        Assert.StartsWith("*2\r\n", client.Call("EXEC"), StringComparison.Ordinal);
    }

    private static string Port(Server server) => server.Port.ToString(CultureInfo.InvariantCulture);

    private static long Offset(Server server) => long.Parse(Field(Call(server, "INFO", "replication"), "master_repl_offset"), CultureInfo.InvariantCulture);

    private static string Field(string info, string name) =>
        info.Split("\r\n").Single(line => line.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..];
}
