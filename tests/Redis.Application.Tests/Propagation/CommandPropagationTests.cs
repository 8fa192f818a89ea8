using System.Text;
using Redis.Application.Abstractions;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Propagation;

/// <summary>What the router hands the log (Redis's <c>propagate</c>): each write that changed a key, made deterministic.</summary>
public class CommandPropagationTests
{
    private readonly TransactionRouter _server = new();
    private readonly ClientSession _session;
    private readonly RecordingLog _log = new();

    public CommandPropagationTests()
    {
        _session = _server.Sessions.Open("127.0.0.1:40000", "127.0.0.1:6379");
        _server.Propagation.Attach(_log);
    }

    [Fact]
    public void AWriteThatChangedAKeyIsLoggedAsSentWithItsDatabase()
    {
        Run("SET k v");
        Run("GET k");
        Run("INCR n");

        Assert.Equal(["0 SET k v", "0 INCR n"], _log.Lines);
    }

    [Fact]
    public void AWriteThatChangedNothingIsNotLogged()
    {
        Run("SET k v");
        Run("SET k w NX");
        Run("SET missing w XX");

        Assert.Equal(["0 SET k v"], _log.Lines);
    }

    [Fact]
    public void ARelativeExpiryIsLoggedAsTheInstantItCameTo()
    {
        var now = _server.Clock.GetUtcNow().ToUnixTimeMilliseconds();

        Run("SET k v EX 10");
        Run("SET p v PX 1500 NX");

        Assert.Equal([$"0 SET k v PXAT {now + 10_000}", $"0 SET p v PXAT {now + 1500}"], _log.Lines);
    }

    [Fact]
    public void TheWritesOfExecAreLoggedBetweenMultiAndExec()
    {
        Run("MULTI");
        Run("SET a 1");
        Run("GET a");
        Run("INCR a");
        Run("EXEC");

        Assert.Equal(["0 MULTI", "0 SET a 1", "0 INCR a", "0 EXEC"], _log.Lines);
    }

    [Fact]
    public void ANestedTransactionLogsInsideTheOutermostMultiOnly()
    {
        _server.Propagation.BeginTransaction();
        Run("SET a 1");
        _server.Propagation.BeginTransaction();
        Run("SET b 2");
        _server.Propagation.EndTransaction();
        Run("SET c 3");
        _server.Propagation.EndTransaction();

        Assert.Equal(["0 MULTI", "0 SET a 1", "0 SET b 2", "0 SET c 3", "0 EXEC"], _log.Lines);
    }

    [Fact]
    public void ATransactionThatWroteNothingLeavesNothing()
    {
        Run("MULTI");
        Run("GET a");
        Run("EXEC");

        Assert.Empty(_log.Lines);
    }

    [Fact]
    public void AKeyFoundExpiredIsLoggedAsADeletionBeforeTheCommandThatFoundIt()
    {
        Run("SET k v PX 100");
        _log.Lines.Clear();
        _server.Clock.Advance(TimeSpan.FromMilliseconds(101));

        Run("GET k");
        Run("INCR k");

        Assert.Equal(["0 DEL k", "0 INCR k"], _log.Lines);
    }

    [Fact]
    public void NothingIsLoggedOnceTheLogIsDetached()
    {
        _server.Propagation.Detach(_log);

        Run("SET k v EX 10");

        Assert.Empty(_log.Lines);
        Assert.False(_server.Propagation.IsActive);
    }

    private Reply Run(string request) => _server.Run(_session, request);
}
