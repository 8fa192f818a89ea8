using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.Persistence;

/// <summary>
/// What the persistence tests share: a directory of files, this server and redis-server started over it as users run
/// them, a dataset of every type and encoding, and a description of every key to compare the two servers by.
/// </summary>
/// <remarks>Without redis-server on PATH the comparisons pass with a notice, and fail when CI is set (./test.sh installs it).</remarks>
public abstract class PersistenceTestBase : IDisposable
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // Every type in its small and large encodings, integers, compressible and binary-free long strings, TTLs, two databases.
    protected static readonly string[][] Fill =
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

    private readonly string _directory = Directory.CreateTempSubdirectory("persistence-").FullName;
    private readonly List<Process> _processes = [];

    /// <summary>Where both servers keep their files.</summary>
    protected string DataDirectory => _directory;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        foreach (var process in _processes)
        {
            using (ServerProcess.Owned(process))
            {
            }
        }

        Directory.Delete(_directory, recursive: true);
    }

    protected static string ServerDll => Path.Combine(AppContext.BaseDirectory, "Redis.Server.dll");

    protected static bool RedisServerMissing()
    {
        if (FindRedisServer() is not null)
        {
            return false;
        }

        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), "CI is set, but redis-server is not on PATH");
        return true;
    }

    protected static string? FindRedisServer() => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "redis-server"))
        .FirstOrDefault(File.Exists);

    protected static void WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Timeout, "the condition did not become true");
            Thread.Sleep(20);
        }
    }

    protected Server StartOurs(params string[] arguments)
    {
        var (process, port) = ServerProcess.StartOnFreePort(["--dir", _directory, "--io-model", "event-loop", .. arguments], Timeout);
        _processes.Add(process);
        return new Server(process, port);
    }

    protected Server StartRedis(string dbfilename = "dump.rdb") => StartRedisWith("--appendonly", "no", "--dbfilename", dbfilename);

    /// <summary>Starts redis-server on a free port over <see cref="DataDirectory"/>, with no save points and <paramref name="arguments"/>.</summary>
    protected Server StartRedisWith(params string[] arguments)
    {
        var port = ServerProcess.FreePort();
        var process = ExternalTool.Start(FindRedisServer()!,
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
            "--dir", _directory, "--daemonize", "no", .. arguments,
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

    protected static void Run(Server server, IEnumerable<string[]> commands)
    {
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, server.Port));
        foreach (var command in commands)
        {
            Assert.DoesNotContain("-ERR", client.Call(command), StringComparison.Ordinal);
        }
    }

    // SHUTDOWN answers nothing: the connection closes.
    protected static void Shutdown(Server server, string option)
    {
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, server.Port));
        client.SendCommand("SHUTDOWN", option);
        Assert.True(client.IsClosedByServer());
    }

    protected static string Call(Server server, params string[] command)
    {
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, server.Port));
        return client.Call(command);
    }

    // Every key of databases 0 and 3: type, encoding, absolute expiry and contents, unordered collections sorted.
    protected static List<string> Describe(Server server) => Describe(server, ["0", "3"], expiringBefore: 0, encodings: true);

    /// <summary>
    /// Every key of <paramref name="databases"/>, leaving out those that expire before the Unix millisecond
    /// <paramref name="expiringBefore"/>, with each value's encoding when <paramref name="encodings"/>.
    /// </summary>
    protected static List<string> Describe(Server server, IEnumerable<string> databases, long expiringBefore, bool encodings)
    {
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, server.Port));
        var lines = new List<string>();
        foreach (var database in databases)
        {
            client.Call("SELECT", database);
            foreach (var key in Elements(client.Call("KEYS", "*")))
            {
                var expiresAt = long.Parse(client.Call("PEXPIRETIME", key).AsSpan(1).Trim(), CultureInfo.InvariantCulture);
                if (expiresAt > 0 && expiresAt < expiringBefore)
                {
                    continue;
                }

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
                lines.Add($"{database} {key} {type.Trim()} {(encodings ? client.Call("OBJECT", "ENCODING", key).Trim() : "-")} {expiresAt} {Hash(contents)}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    // The elements of a RESP2 array of bulk strings whose values hold no line break.
    protected static List<string> Elements(string reply)
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

    protected sealed record Server(Process Process, int Port);
}
