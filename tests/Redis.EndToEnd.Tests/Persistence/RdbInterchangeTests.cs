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
/// <remarks>Without redis-server on PATH the comparisons pass with a notice, and fail when CI is set (./test.sh installs it).</remarks>
public sealed class RdbInterchangeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // Every type in its small and large encodings, integers, compressible and binary-free long strings, TTLs, two databases.
    private static readonly string[][] Fill =
    [
        ["SET", "text", "hello"],
        ["SET", "int", "12345"],
        ["SET", "negative", "-70000"],
        ["SET", "big-int", "12345678901234"],
        ["SET", "zeros", "007"],
        ["SET", "long", new string('x', 5000)],
        ["SET", "repeat", string.Concat(Enumerable.Repeat("abcdef", 300))],
        ["SET", "empty", ""],
        ["SET", "ttl", "v", "PXAT", "4102444800123"],
        ["HSET", "hash", "f", "v", "n", "12", "neg", "-3"],
        ["HSET", "hash-big", .. Enumerable.Range(0, 600).SelectMany(i => new[] { $"f{i}", $"value {i}" })],
        ["HSET", "hash-long-value", "f", new string('y', 100)],
        ["RPUSH", "list", "a", "b", "3", "-7", "300000"],
        ["RPUSH", "list-big", .. Enumerable.Range(0, 3000).Select(i => i % 2 == 0 ? $"{i}" : $"element {i}")],
        ["SADD", "set-ints", "1", "2", "-300", "70000", "5000000000"],
        ["SADD", "set", "a", "b", "c", "1"],
        ["SADD", "set-big-ints", .. Enumerable.Range(0, 600).Select(i => $"{i * 3}")],
        ["ZADD", "zset", "1", "a", "2.5", "b", "inf", "c", "-inf", "d", "0.1", "e"],
        ["ZADD", "zset-big", .. Enumerable.Range(0, 200).SelectMany(i => new[] { $"{i / 3.0}", $"m{i}" })],
        ["EXPIREAT", "hash", "4102444800"],
        ["SELECT", "3"],
        ["SET", "in-db-3", "three"],
        ["SELECT", "0"],
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("rdb-interchange-").FullName;
    private readonly List<Process> _processes = [];

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            using (ServerProcess.Owned(process))
            {
            }
        }

        Directory.Delete(_directory, recursive: true);
    }

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

        var check = ExternalTool.Run("redis-check-rdb", [Path.Combine(_directory, "dump.rdb")], Timeout);
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

        File.Copy(Path.Combine(AppContext.BaseDirectory, "Persistence", "Assets", file), Path.Combine(_directory, file));

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
        Assert.False(File.Exists(Path.Combine(_directory, "dump.rdb")));

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
        File.WriteAllBytes(Path.Combine(_directory, "dump.rdb"), Encoding.Latin1.GetBytes(content));

        var (exitCode, output, error) = ExternalTool.Run("dotnet", [ServerDll, "--port", "0", "--dir", _directory], Timeout);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Could not load the RDB file " + Path.Combine(_directory, "dump.rdb"), error.Trim(), StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABackgroundSaveThatCannotWriteRefusesWritesWithMisconfUntilASaveSucceeds()
    {
        var dataDirectory = Directory.CreateDirectory(Path.Combine(_directory, "data")).FullName;
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

    private static string ServerDll => Path.Combine(AppContext.BaseDirectory, "Redis.Server.dll");

    private static bool RedisServerMissing()
    {
        if (FindRedisServer() is not null)
        {
            return false;
        }

        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), "CI is set, but redis-server is not on PATH");
        return true;
    }

    private static string? FindRedisServer() => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "redis-server"))
        .FirstOrDefault(File.Exists);

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Timeout, "the condition did not become true");
            Thread.Sleep(20);
        }
    }

    private Server StartOurs(params string[] arguments)
    {
        var (process, port) = ServerProcess.StartOnFreePort(["--dir", _directory, "--io-model", "event-loop", .. arguments], Timeout);
        _processes.Add(process);
        return new Server(process, port);
    }

    private Server StartRedis(string dbfilename = "dump.rdb")
    {
        var port = ServerProcess.FreePort();
        var process = ExternalTool.Start(FindRedisServer()!,
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
            "--appendonly", "no", "--dir", _directory, "--dbfilename", dbfilename, "--daemonize", "no",
        ]);
        _processes.Add(process);
        var server = new Server(process, port);
        WaitUntil(() =>
        {
            try
            {
                return Call(server, "PING") == "+PONG\r\n";
            }
            catch (System.Net.Sockets.SocketException)
            {
                return false;
            }
        });
        return server;
    }

    private static void Run(Server server, IEnumerable<string[]> commands)
    {
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, server.Port));
        foreach (var command in commands)
        {
            Assert.DoesNotContain("-ERR", client.Call(command), StringComparison.Ordinal);
        }
    }

    // SHUTDOWN answers nothing: the connection closes.
    private static void Shutdown(Server server, string option)
    {
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, server.Port));
        client.SendCommand("SHUTDOWN", option);
        Assert.True(client.IsClosedByServer());
    }

    private static string Call(Server server, params string[] command)
    {
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, server.Port));
        return client.Call(command);
    }

    // Every key of databases 0 and 3: type, encoding, absolute expiry and contents, unordered collections sorted.
    private static List<string> Describe(Server server)
    {
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, server.Port));
        var lines = new List<string>();
        foreach (var database in new[] { "0", "3" })
        {
            client.Call("SELECT", database);
            foreach (var key in Elements(client.Call("KEYS", "*")))
            {
                var type = client.Call("TYPE", key);
                var contents = type switch
                {
                    "+string\r\n" => client.Call("GET", key),
                    "+hash\r\n" => string.Join(' ', Elements(client.Call("HGETALL", key)).Chunk(2).Select(p => $"{p[0]}={p[1]}").Order(StringComparer.Ordinal)),
                    "+list\r\n" => client.Call("LRANGE", key, "0", "-1"),
                    "+set\r\n" => string.Join(' ', Elements(client.Call("SMEMBERS", key)).Order(StringComparer.Ordinal)),
                    "+zset\r\n" => client.Call("ZRANGE", key, "0", "-1", "WITHSCORES"),
                    _ => throw new InvalidOperationException($"unexpected type {type}"),
                };
                lines.Add($"{database} {key} {type.Trim()} {client.Call("OBJECT", "ENCODING", key).Trim()} {client.Call("PEXPIRETIME", key).Trim()} {Hash(contents)}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    // The elements of a RESP2 array of bulk strings whose values hold no line break.
    private static List<string> Elements(string reply)
    {
        var lines = reply.Split("\r\n");
        var elements = new List<string>();
        for (var i = 1; i + 1 < lines.Length; i += 2)
        {
            elements.Add(lines[i + 1]);
        }

        return elements;
    }

    private static string Hash(string contents) => contents.Length <= 80
        ? contents.Replace("\r\n", "|", StringComparison.Ordinal)
        : $"{contents.Length}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(contents)))[..16]}";

    private sealed record Server(Process Process, int Port);
}
