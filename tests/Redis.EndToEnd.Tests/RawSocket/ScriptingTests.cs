using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Abstractions;
using Redis.Application.Propagation;
using Redis.Protocol;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>
/// Scripts over the wire, byte for byte (bytes taken from redis-server 7.0.15), and what their writes leave for the
/// append-only file: the commands they ran, between MULTI and EXEC (Redis 7's replication by effects).
/// </summary>
public abstract class ScriptingTests : IDisposable
{
    private readonly ServerFixture _server;
    private readonly RecordingLog _log = new();
    private readonly CommandPropagation _propagation;

    protected ScriptingTests(ServerFixture server)
    {
        _server = server;
        _propagation = server.Services.GetRequiredService<CommandPropagation>();
        _propagation.Attach(_log);
    }

    public sealed class Blocking(ServerFixture<BlockingTransport> server) : ScriptingTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : ScriptingTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    public void Dispose()
    {
        _propagation.Detach(_log);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void EvalAnswersRedisBytesForEachLuaType()
    {
        using var client = _server.Connect();

        Assert.Equal(":3\r\n", client.Call("EVAL", "return 3.99", "0"));
        Assert.Equal("*2\r\n:1\r\n:2\r\n", client.Call("EVAL", "return {1, 2, nil, 4}", "0"));
        Assert.Equal("$-1\r\n", client.Call("EVAL", "return false", "0"));
        Assert.Equal(":1\r\n", client.Call("EVAL", "return true", "0"));
        Assert.Equal("+fine\r\n", client.Call("EVAL", "return {ok='fine'}", "0"));
        Assert.Equal("-bad\r\n", client.Call("EVAL", "return {err='bad'}", "0"));
        Assert.Equal("-NOSCRIPT No matching script. Please use EVAL.\r\n", client.Call("EVALSHA", new string('f', 40), "0"));
        Assert.Equal("-ERR Number of keys can't be greater than number of args\r\n", client.Call("EVAL", "return 1", "2", "a"));
    }

    [Fact]
    public void AScriptsWritesAreLoggedAsItsCommandsBetweenMultiAndExec()
    {
        using var client = _server.Connect();
        _log.Clear();

        client.Call("EVAL", "redis.call('SET', KEYS[1], ARGV[1]) redis.call('GET', KEYS[1]) return redis.call('INCR', KEYS[2])", "2", "lua:a", "lua:n", "v");

        Assert.Equal(["0 MULTI", "0 SET lua:a v", "0 INCR lua:n", "0 EXEC"], _log.Lines);
    }

    [Fact]
    public void AScriptThatOnlyReadsLogsNothing()
    {
        using var client = _server.Connect();
        _log.Clear();

        client.Call("EVAL", "return redis.call('GET', KEYS[1])", "1", "lua:missing");

        Assert.Empty(_log.Lines);
    }

    [Fact]
    public void AScriptRunByExecLogsInsideExecsOneTransaction()
    {
        using var client = _server.Connect();
        _log.Clear();

        client.Call("MULTI");
        client.Call("SET", "lua:before", "1");
        client.Call("EVAL", "return redis.call('SET', KEYS[1], 'x')", "1", "lua:inside");
        client.Call("EXEC");

        Assert.Equal(["0 MULTI", "0 SET lua:before 1", "0 SET lua:inside x", "0 EXEC"], _log.Lines);
    }

    [Fact]
    public void AScriptRunsOnTheCallersDatabaseAndItsSelectStaysInside()
    {
        using var client = _server.Connect();
        client.Call("SELECT", "2");
        _log.Clear();

        Assert.Equal("+OK\r\n", client.Call("EVAL", "redis.call('SET', 'lua:db', '2') redis.call('SELECT', 3) return redis.call('SET', 'lua:db', '3')", "0"));
        Assert.Equal("$1\r\n2\r\n", client.Call("GET", "lua:db"));
        Assert.Equal(["2 MULTI", "2 SET lua:db 2", "3 SET lua:db 3", "2 EXEC"], _log.Lines);
    }

    private sealed class RecordingLog : ICommandLog
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public List<string> Lines
        {
            get
            {
                var lines = new List<string>();
                while (_lines.TryDequeue(out var line))
                {
                    _captured.Add(line);
                }

                lines.AddRange(_captured);
                return lines;
            }
        }

        private readonly List<string> _captured = [];

        public void Append(int database, CommandArgs command)
        {
            var words = Enumerable.Range(0, command.Count).Select(i => Encoding.UTF8.GetString(command[i]));
            _lines.Enqueue($"{database} {string.Join(' ', words)}");
        }

        public void Clear()
        {
            while (_lines.TryDequeue(out _))
            {
            }

            _captured.Clear();
        }
    }
}
