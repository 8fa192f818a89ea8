using System.Text;
using Redis.Application.Abstractions;
using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Routing;

/// <summary>
/// Redis's <c>processCommand</c> with <c>maxmemory</c> set: evictions before the command, then <c>-OOM</c> for one that
/// may grow memory while still over. The memory figure here is the dataset alone (a start-up figure of 0).
/// </summary>
public class CommandRouterMemoryLimitTests
{
    private readonly TransactionRouter _server = new();
    private readonly ClientSession _session;

    public CommandRouterMemoryLimitTests()
    {
        _session = _server.Sessions.Open("127.0.0.1:40000", "127.0.0.1:6379");
    }

    [Fact]
    public void NoEvictionRefusesADenyOomCommandOnceOverAndStillServesReads()
    {
        Run("SET a 1");
        Limit(_server.Databases.DatasetBytes);

        Assert.Equal(Reply.Ok, Run("SET b 2"));
        Assert.Equal(Errors.OutOfMemory, Run("SET c 3"));
        Assert.Equal("OOM command not allowed when used memory > 'maxmemory'.", Encoding.ASCII.GetString(Errors.OutOfMemory.Text));
        Assert.Equal("1", Encoding.ASCII.GetString(Run("GET a").Text));
        Assert.Equal(1, _server.Counters("set").RejectedCalls);
        Assert.False(_server.Keyspace.Exists("c"u8, _server.Clock.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    [Fact]
    public void NoLimitChecksNothing()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(Reply.Ok, Run($"SET k{i} v"));
        }

        Assert.False(_server.Memory.OutOfMemoryBeforeCommand);
    }

    [Fact]
    public void InsideMultiEveryCommandButExecAndDiscardIsRefusedAndExecAborts()
    {
        Run("SET a 1");
        Run("MULTI");
        Assert.Equal(Reply.Queued, Run("SET b 2"));
        Limit(1);

        Assert.Equal(Errors.OutOfMemory, Run("GET a"));
        Assert.StartsWith("EXECABORT", Encoding.ASCII.GetString(Run("EXEC").Text), StringComparison.Ordinal);
    }

    [Fact]
    public void ExecOfAQueuedDenyOomCommandIsRefusedWhenOverAndAReadOnlyQueueRuns()
    {
        Run("SET a 1");
        Run("MULTI");
        Run("SET b 2");
        Limit(1);
        Assert.Equal(
            "EXECABORT Transaction discarded because of: OOM command not allowed when used memory > 'maxmemory'.",
            Encoding.ASCII.GetString(Run("EXEC").Text));

        Limit(0);
        Run("MULTI");
        Run("GET a");
        Limit(1);
        Assert.Equal(ReplyKind.Array, Run("EXEC").Kind);
    }

    [Fact]
    public void AllKeysRandomEvictsBeforeTheCommandAndCountsEachEviction()
    {
        var log = new RecordingLog();
        _server.Propagation.Attach(log);
        for (var i = 0; i < 10; i++)
        {
            Run($"SET key{i} value");
        }

        var oneKey = _server.Databases.DatasetBytes / 10;
        Set("maxmemory-policy", "allkeys-random");
        Limit(oneKey * 6);

        Assert.Equal(Reply.Ok, Run("SET new value"));

        Assert.Equal(7, _server.Keyspace.Count);
        Assert.Equal(4, _server.Statistics.EvictedKeys);
        Assert.Equal(4, log.Lines.Count(l => l.StartsWith("0 DEL key", StringComparison.Ordinal)));
        Assert.Equal("0 SET new value", log.Lines[^1]);
    }

    [Fact]
    public void VolatileRandomWithNoVolatileKeyFailsAsNoEviction()
    {
        Run("SET a 1");
        Set("maxmemory-policy", "volatile-random");
        Limit(1);

        Assert.Equal(Errors.OutOfMemory, Run("SET b 2"));
        Assert.True(_server.Memory.OutOfMemoryBeforeCommand);
        Assert.Equal(Reply.Pong, Run("PING"));
    }

    private void Limit(long bytes) => Set("maxmemory", bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private void Set(string name, string value) => Assert.Null(_server.Settings.TrySet([new(name, value)]));

    private Reply Run(string request) => _server.Run(_session, request);
}
