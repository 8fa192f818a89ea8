using System.Globalization;
using System.Net;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.Persistence;

/// <summary>
/// The append-only directory as Redis 7.0 lays it out, moved between this server and redis-server both ways and checked
/// by redis-check-aof; a torn last command; a kill -9 under writes; the file turned on at run time.
/// </summary>
public sealed class AppendOnlyFileTests : PersistenceTestBase
{
    // Commands whose effect depends on when or by chance they ran: the file must hold what they came to.
    private static readonly string[][] Relative =
    [
        ["EXPIRE", "text", "1000"],
        ["PEXPIRE", "int", "500000"],
        ["SETEX", "setex", "100", "v"],
        ["SET", "set-ex", "v", "EX", "200"],
        ["GETEX", "negative", "EX", "300"],
        ["GETEX", "ttl", "PERSIST"],
        ["INCRBYFLOAT", "float", "1.25"],
        ["HINCRBYFLOAT", "hash", "n", "0.5"],
        ["SPOP", "set-ints"],
        ["SPOP", "set", "2"],
        ["EXPIRE", "zeros", "-1"],
        ["MULTI"],
        ["SET", "in-multi", "1"],
        ["INCR", "in-multi"],
        ["EXEC"],
        ["SELECT", "3"],
        ["RPUSH", "list-3", "a", "b"],
        ["SELECT", "0"],
    ];

    private string Manifest => Path.Combine(DataDirectory, "appendonlydir", "appendonly.aof.manifest");

    private string FirstIncrement => Path.Combine(DataDirectory, "appendonlydir", "appendonly.aof.1.incr.aof");

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public void OurAppendOnlyDirectoryPassesRedisCheckAofAndLoadsInRedisServer(string preamble)
    {
        if (RedisServerMissing())
        {
            return;
        }

        var ours = StartOurs("--appendonly", "yes", "--aof-use-rdb-preamble", preamble);
        Run(ours, Fill);
        Assert.Equal("+Background append only file rewriting started\r\n", Call(ours, "BGREWRITEAOF"));
        WaitUntil(() => Info(ours, "aof_rewrite_in_progress") == "0" && Info(ours, "aof_rewrites") == "1");
        Run(ours, Relative);
        var expected = Describe(ours);
        Shutdown(ours, "NOSAVE");

        var suffix = preamble == "yes" ? "rdb" : "aof";
        Assert.Equal(
            $"file appendonly.aof.2.base.{suffix} seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n",
            File.ReadAllText(Manifest));
        var check = ExternalTool.Run("redis-check-aof", [Manifest], Timeout);
        Assert.Contains("All AOF files and manifest are valid", check.Output, StringComparison.Ordinal);

        Assert.Equal(expected, Describe(StartRedisWith("--appendonly", "yes")));
    }

    [Fact]
    public void RedisServersAppendOnlyDirectoryLoadsHere()
    {
        if (RedisServerMissing())
        {
            return;
        }

        var redis = StartRedisWith("--appendonly", "yes");
        Run(redis, Fill);
        Assert.Equal("+Background append only file rewriting started\r\n", Call(redis, "BGREWRITEAOF"));
        WaitUntil(() => Info(redis, "aof_rewrite_in_progress") == "0" && Info(redis, "aof_rewrites") == "1");
        Run(redis, Relative);
        var expected = Describe(redis);
        Shutdown(redis, "NOSAVE");

        Assert.Equal(expected, Describe(StartOurs("--appendonly", "yes")));
    }

    [Fact]
    public void ATornLastCommandIsCutOffWithAofLoadTruncatedAndRefusedWithout()
    {
        var ours = StartOurs("--appendonly", "yes");
        Run(ours, [["SET", "a", "1"], ["MULTI"], ["SET", "b", "2"], ["EXEC"]]);
        Shutdown(ours, "NOSAVE");
        var whole = new FileInfo(FirstIncrement).Length;
        const string torn = "*3\r\n$3\r\nSET\r\n$1\r\nc\r\n$1";
        File.AppendAllText(FirstIncrement, torn);

        var (exitCode, _, error) = ExternalTool.Run("dotnet", [ServerDll, "--port", "0", "--dir", DataDirectory, "--appendonly", "yes", "--aof-load-truncated", "no"], Timeout);

        Assert.Equal(1, exitCode);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("Unexpected end of file reading the append only file appendonly.aof.1.incr.aof", error, StringComparison.Ordinal);
        Assert.Equal(whole + torn.Length, new FileInfo(FirstIncrement).Length);

        var loaded = StartOurs("--appendonly", "yes");
        Assert.Equal("$1\r\n1\r\n", Call(loaded, "GET", "a"));
        Assert.Equal("$1\r\n2\r\n", Call(loaded, "GET", "b"));
        Assert.Equal(":0\r\n", Call(loaded, "EXISTS", "c"));
        Assert.Equal(whole, new FileInfo(FirstIncrement).Length);
    }

    [Fact]
    public void ATransactionWithoutItsExecAtTheEndIsRevertedWhole()
    {
        var ours = StartOurs("--appendonly", "yes");
        Run(ours, [["SET", "a", "1"]]);
        Shutdown(ours, "NOSAVE");
        var whole = new FileInfo(FirstIncrement).Length;
        File.AppendAllText(FirstIncrement, "*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n");

        var loaded = StartOurs("--appendonly", "yes");

        Assert.Equal(":0\r\n", Call(loaded, "EXISTS", "b"));
        Assert.Equal(whole, new FileInfo(FirstIncrement).Length);
    }

    [Fact]
    public void AnUnknownCommandInTheFileStopsTheStartWithOneLine()
    {
        var ours = StartOurs("--appendonly", "yes");
        Shutdown(ours, "NOSAVE");
        File.AppendAllText(FirstIncrement, "*1\r\n$7\r\nNOSUCH!\r\n");

        var (exitCode, _, error) = ExternalTool.Run("dotnet", [ServerDll, "--port", "0", "--dir", DataDirectory, "--appendonly", "yes"], Timeout);

        Assert.Equal(1, exitCode);
        Assert.Contains("Unknown command 'NOSUCH!' reading the append only file appendonly.aof.1.incr.aof", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("always")]
    [InlineData("everysec")]
    public void AKillUnderWriteLoadLosesNoAcknowledgedWrite(string fsync)
    {
        var ours = StartOurs("--appendonly", "yes", "--appendfsync", fsync);
        long acknowledged = 0;
        var writer = new Thread(() =>
        {
            try
            {
                using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, ours.Port));
                while (true)
                {
                    var reply = client.Call("INCR", "counter");
                    Interlocked.Exchange(ref acknowledged, long.Parse(reply.AsSpan(1).Trim(), CultureInfo.InvariantCulture));
                }
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or FormatException or InvalidOperationException)
            {
                // The kill ends the connection.
            }
        });
        writer.Start();
        WaitUntil(() => Interlocked.Read(ref acknowledged) >= 2000);

        ours.Process.Kill();
        Assert.True(ours.Process.WaitForExit(Timeout));
        Assert.True(writer.Join(Timeout));
        var last = Interlocked.Read(ref acknowledged);

        var loaded = long.Parse(Call(StartOurs("--appendonly", "yes"), "GET", "counter").Split("\r\n")[1], CultureInfo.InvariantCulture);
        Assert.InRange(loaded, last, last + 1);
    }

    [Fact]
    public void ConfigSetAppendonlyYesWritesABaseOfTheDatasetAndLogsFromThen()
    {
        var ours = StartOurs();
        Run(ours, [["SET", "before", "1"], ["RPUSH", "list", "a", "b"]]);

        Assert.Equal("+OK\r\n", Call(ours, "CONFIG", "SET", "appendonly", "yes"));
        WaitUntil(() => Info(ours, "aof_rewrite_in_progress") == "0" && File.Exists(Manifest));
        Run(ours, [["SET", "after", "2"], ["LPOP", "list"]]);
        Assert.Equal("1", Info(ours, "aof_enabled"));
        var expected = Describe(ours);
        Shutdown(ours, "NOSAVE");

        Assert.Equal("file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n", File.ReadAllText(Manifest));
        Assert.Equal(expected, Describe(StartOurs("--appendonly", "yes")));
    }

    [Fact]
    public void WithTheFileOnTheRdbFileIsNotLoaded()
    {
        var ours = StartOurs("--appendonly", "yes");
        Run(ours, [["SET", "logged", "1"]]);
        Assert.Equal("+OK\r\n", Call(ours, "SAVE"));
        Run(ours, [["SET", "after-save", "2"]]);
        Shutdown(ours, "NOSAVE");

        var aof = StartOurs("--appendonly", "yes");
        Assert.Equal(":2\r\n", Call(aof, "DBSIZE"));
        Shutdown(aof, "NOSAVE");
        Assert.Equal(":1\r\n", Call(StartOurs(), "DBSIZE"));
    }

    [Fact]
    public void AFileTheDiskRefusesRefusesWritesWithMisconfAndKeepsServingReads()
    {
        var ours = StartOurs("--appendonly", "yes");
        Shutdown(ours, "NOSAVE");

        // A disk with no space left: the kernel's /dev/full answers every write with ENOSPC.
        File.Delete(FirstIncrement);
        File.CreateSymbolicLink(FirstIncrement, "/dev/full");
        var full = StartOurs("--appendonly", "yes");

        Assert.Equal("+OK\r\n", Call(full, "SET", "a", "1"));
        Assert.Equal("-MISCONF Errors writing to the AOF file: No space left on device\r\n", Call(full, "SET", "b", "2"));
        Assert.Equal("$1\r\n1\r\n", Call(full, "GET", "a"));
        Assert.Equal("err", Info(full, "aof_last_write_status"));
    }

    [Fact]
    public void WhatEveryCompatScriptLeavesComesBackFromTheFileAsItWas()
    {
        // Every command of the corpus, through the file and back with DEBUG LOADAOF: a write the log misses, or logs as
        // something that replays differently, shows as a key that differs. Keys about to expire are left out, and so are
        // encodings: scripts change the encoding thresholds (CONFIG SET is not logged, in Redis either) and put them back.
        var ours = StartOurs("--appendonly", "yes", "--enable-debug-command", "yes");
        var databases = Enumerable.Range(0, 16).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var mismatches = new List<string>();
        foreach (var script in Compat.CompatScript.Names())
        {
            using (var client = new WireClient(new IPEndPoint(IPAddress.Loopback, ours.Port)))
            {
                client.Call("FLUSHALL");
                foreach (var line in Compat.CompatScript.Load(script).Lines)
                {
                    client.Send(Resp.Command(line.Words));
                    for (var i = 0; i < line.Replies; i++)
                    {
                        client.ReadReply();
                    }
                }
            }

            var soon = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 60_000;
            var expected = Describe(ours, databases, soon, encodings: false);
            Assert.Equal("+OK\r\n", Call(ours, "DEBUG", "LOADAOF"));
            var loaded = Describe(ours, databases, soon, encodings: false);
            if (!expected.SequenceEqual(loaded))
            {
                mismatches.Add($"{script}:\n  before: {string.Join("\n          ", expected.Except(loaded))}\n  after:  {string.Join("\n          ", loaded.Except(expected))}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static string Info(Server server, string field)
    {
        var text = Call(server, "INFO", "persistence");
        var line = text.Split("\r\n").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line?[(field.Length + 1)..] ?? string.Empty;
    }
}
