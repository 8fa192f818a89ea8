using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.Persistence;

/// <summary>
/// RDB files moved between this server and redis-server 7.0, both ways, each process as a user runs it; the save at
/// SIGTERM, SHUTDOWN's choices, a corrupt file, and a disk that refuses a background save.
/// </summary>
public sealed class RdbInterchangeTests : PersistenceTestBase
{
    [Fact]
    public void AFileSavedHereLoadsInRedisServerAndRedisCheckRdbAcceptsIt()
    {
        if (RedisServerMissing())
        {
            return;
        }

        var ours = StartOurs();
        Run(ours, Fill);
        Assert.Equal("+OK\r\n", Call(ours, "SAVE"));
        var expected = Describe(ours);

        var check = ExternalTool.Run("redis-check-rdb", [Path.Combine(DataDirectory, "dump.rdb")], Timeout);
        Assert.Contains("RDB looks OK!", check.Output, StringComparison.Ordinal);

        var redis = StartRedis();
        Assert.Equal(expected, Describe(redis));
    }

    [Fact]
    public void AFileRedisServerSavedLoadsHere()
    {
        if (RedisServerMissing())
        {
            return;
        }

        var redis = StartRedis();
        Run(redis, Fill);
        Assert.Equal("+OK\r\n", Call(redis, "SAVE"));
        var expected = Describe(redis);

        Assert.Equal(expected, Describe(StartOurs()));
    }

    [Fact]
    public void FrequenciesSavedUnderAnLfuPolicyMoveBetweenTheServersBothWays()
    {
        if (RedisServerMissing())
        {
            return;
        }

        // lfu-log-factor 0: every access adds one, so the counts are exact; lfu-decay-time 0: no minute takes one off.
        string[] lfu = ["--appendonly", "no", "--maxmemory-policy", "allkeys-lfu", "--lfu-log-factor", "0", "--lfu-decay-time", "0"];
        var redis = StartRedisWith(lfu);
        Run(redis, [["SET", "cold", "v"], ["SET", "hot", "v"], ["RPUSH", "list", "a"]]);
        Run(redis, Enumerable.Repeat<string[]>(["GET", "hot"], 40));
        Run(redis, Enumerable.Repeat<string[]>(["LLEN", "list"], 20));
        Assert.Equal([":5\r\n", ":45\r\n", ":25\r\n"], Frequencies(redis));
        Assert.Equal("+OK\r\n", Call(redis, "SAVE"));

        var ours = StartOurs(lfu[2..]);
        Assert.Equal([":5\r\n", ":45\r\n", ":25\r\n"], Frequencies(ours));
        Run(ours, Enumerable.Repeat<string[]>(["GET", "cold"], 10));
        Assert.Equal("+OK\r\n", Call(ours, "SAVE"));

        Assert.Equal([":15\r\n", ":45\r\n", ":25\r\n"], Frequencies(StartRedisWith(lfu)));
    }

    private static List<string> Frequencies(Server server) =>
        [.. new[] { "cold", "hot", "list" }.Select(key => Call(server, "OBJECT", "FREQ", key))];

    [Theory]
    [InlineData("encodings.rdb")]
    [InlineData("hash-zipmap.rdb")]
    [InlineData("hash-ziplist.rdb")]
    [InlineData("list-quicklist.rdb")]
    [InlineData("zset-ziplist.rdb")]
    public void RedisOwnTestFilesOfOlderEncodingsLoadHereAsInRedisServer(string file)
    {
        if (RedisServerMissing())
        {
            return;
        }

        File.Copy(Path.Combine(AppContext.BaseDirectory, "Persistence", "Assets", file), Path.Combine(DataDirectory, file));

        var expected = Describe(StartRedis(file));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Describe(StartOurs("--dbfilename", file)));
    }

    [Fact]
    public void DumpPayloadsMoveBetweenTheServersBothWays()
    {
        if (RedisServerMissing())
        {
            return;
        }

        var redis = StartRedis();
        Run(redis, Fill);
        var ours = StartOurs();
        Migrate(redis, ours);
        Assert.Equal(Describe(redis), Describe(ours));

        Run(redis, [["FLUSHALL"]]);
        Migrate(ours, redis);
        Assert.Equal(Describe(ours), Describe(redis));
    }

    // DUMP every key of databases 0 and 3 from one server and RESTORE it with its absolute expiry into the other.
    private static void Migrate(Server from, Server to)
    {
        using var source = new WireClient(new IPEndPoint(IPAddress.Loopback, from.Port));
        using var destination = new WireClient(new IPEndPoint(IPAddress.Loopback, to.Port));
        foreach (var database in new[] { "0", "3" })
        {
            source.Call("SELECT", database);
            destination.Call("SELECT", database);
            foreach (var key in Elements(source.Call("KEYS", "*")))
            {
                var expiresAt = long.Parse(source.Call("PEXPIRETIME", key)[1..^2], CultureInfo.InvariantCulture);
                source.SendCommand("DUMP", key);
                var reply = source.ReadReply();
                var header = Array.IndexOf(reply, (byte)'\n') + 1;
                var payload = reply.AsSpan(header, reply.Length - header - 2);
                destination.Send(Command(["RESTORE"u8.ToArray(), Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(expiresAt < 0 ? "0" : expiresAt.ToString(CultureInfo.InvariantCulture)), payload.ToArray(), "ABSTTL"u8.ToArray()]));
                Assert.Equal("+OK\r\n", destination.ReadReplyText());
            }
        }
    }

    private static byte[] Command(byte[][] words)
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes($"*{words.Length}\r\n"));
        foreach (var word in words)
        {
            bytes.AddRange(Encoding.ASCII.GetBytes($"${word.Length}\r\n"));
            bytes.AddRange(word);
            bytes.AddRange("\r\n"u8.ToArray());
        }

        return [.. bytes];
    }

    [Fact]
    public void SigtermSavesWhenSavePointsAreSetAndTheNextStartLoadsIt()
    {
        var ours = StartOurs("--save", "3600 1");
        Run(ours, Fill);
        var expected = Describe(ours);

        ExternalTool.Run("kill", ["-TERM", ours.Process.Id.ToString(CultureInfo.InvariantCulture)], Timeout);
        Assert.True(ours.Process.WaitForExit(Timeout), "the server did not stop on SIGTERM");
        Assert.Equal(0, ours.Process.ExitCode);

        Assert.Equal(expected, Describe(StartOurs()));
    }

    [Fact]
    public void ShutdownNosaveSavesNothingAndShutdownSaveSavesWithoutSavePoints()
    {
        var first = StartOurs("--save", "3600 1");
        Call(first, "SET", "k", "v");
        Shutdown(first, "NOSAVE");
        Assert.True(first.Process.WaitForExit(Timeout));
        Assert.False(File.Exists(Path.Combine(DataDirectory, "dump.rdb")));

        var second = StartOurs();
        Call(second, "SET", "k", "v");
        Shutdown(second, "SAVE");
        Assert.True(second.Process.WaitForExit(Timeout));
        Assert.Equal(0, second.Process.ExitCode);

        Assert.Equal("$1\r\nv\r\n", Call(StartOurs(), "GET", "k"));
    }

    [Fact]
    public void BgsaveWritesTheFileAndLastsaveMoves()
    {
        var ours = StartOurs();
        Run(ours, Fill);
        var before = Call(ours, "LASTSAVE");

        Assert.Equal("+Background saving started\r\n", Call(ours, "BGSAVE"));
        WaitUntil(() => Call(ours, "INFO", "persistence").Contains("rdb_bgsave_in_progress:0", StringComparison.Ordinal));

        Assert.Contains("rdb_last_bgsave_status:ok", Call(ours, "INFO", "persistence"), StringComparison.Ordinal);
        Assert.True(long.Parse(Call(ours, "LASTSAVE")[1..^2], CultureInfo.InvariantCulture) >= long.Parse(before[1..^2], CultureInfo.InvariantCulture));
        Assert.Equal(Describe(ours), Describe(StartOurs()));
    }

    [Theory]
    [InlineData("REDIS0010\u00fe\u0000\u0000\u0004key", "Short read")]
    [InlineData("REDIS0011", "Can't handle RDB format version 0011")]
    [InlineData("NOTREDIS0", "Wrong signature")]
    public void ACorruptFileStopsTheStartWithOneLineAndExitCodeOne(string content, string message)
    {
        File.WriteAllBytes(Path.Combine(DataDirectory, "dump.rdb"), Encoding.Latin1.GetBytes(content));

        var (exitCode, output, error) = ExternalTool.Run("dotnet", [ServerDll, "--port", "0", "--dir", DataDirectory], Timeout);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Could not load the RDB file " + Path.Combine(DataDirectory, "dump.rdb"), error.Trim(), StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABackgroundSaveThatCannotWriteRefusesWritesWithMisconfUntilASaveSucceeds()
    {
        var dataDirectory = Directory.CreateDirectory(Path.Combine(DataDirectory, "data")).FullName;
        var ours = StartOurs("--save", "3600 1", "--dir", dataDirectory);
        Call(ours, "SET", "k", "v");
        Directory.Delete(dataDirectory);

        Assert.Equal("+Background saving started\r\n", Call(ours, "BGSAVE"));
        WaitUntil(() => Call(ours, "INFO", "persistence").Contains("rdb_bgsave_in_progress:0", StringComparison.Ordinal));

        Assert.Contains("rdb_last_bgsave_status:err", Call(ours, "INFO", "persistence"), StringComparison.Ordinal);
        Assert.StartsWith("-MISCONF Redis is configured to save RDB snapshots", Call(ours, "SET", "k", "w"), StringComparison.Ordinal);
        Assert.StartsWith("-MISCONF", Call(ours, "PING"), StringComparison.Ordinal);
        Assert.Equal("$1\r\nv\r\n", Call(ours, "GET", "k"));
        Assert.Equal("-ERR\r\n", Call(ours, "SAVE"));

        Directory.CreateDirectory(dataDirectory);
        Assert.Equal("+OK\r\n", Call(ours, "SAVE"));
        Assert.Equal("+OK\r\n", Call(ours, "SET", "k", "w"));
    }

    [Fact]
    public void ABackgroundSaveToAFullDiskIsLoggedShownInInfoAndRefusesWritesUntilASaveSucceeds()
    {
        var ours = StartOurs("--save", "3600 1");
        Run(ours, [["SET", "k", "v"]]);

        // The save's temporary file on a disk with no space left: /dev/full answers every write with ENOSPC.
        var temp = Path.Combine(DataDirectory, $"temp-{ours.Process.Id.ToString(CultureInfo.InvariantCulture)}.rdb");
        File.CreateSymbolicLink(temp, "/dev/full");
        Assert.Equal("+Background saving started\r\n", Call(ours, "BGSAVE"));
        WaitUntil(() => Call(ours, "INFO", "persistence").Contains("rdb_last_bgsave_status:err", StringComparison.Ordinal));

        Assert.StartsWith("-MISCONF Redis is configured to save RDB snapshots", Call(ours, "SET", "k", "w"), StringComparison.Ordinal);
        Assert.Equal("$1\r\nv\r\n", Call(ours, "GET", "k"));
        Assert.False(File.Exists(Path.Combine(DataDirectory, "dump.rdb")));

        File.Delete(temp);
        Assert.Equal("+OK\r\n", Call(ours, "SAVE"));
        Assert.Equal("+OK\r\n", Call(ours, "SET", "k", "w"));
        Assert.Contains("rdb_last_bgsave_status:ok", Call(ours, "INFO", "persistence"), StringComparison.Ordinal);
    }
}
