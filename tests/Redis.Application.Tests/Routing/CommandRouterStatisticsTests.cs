using Redis.Application.Routing;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Routing;

/// <summary>The counters of <c>INFO commandstats</c> and <c>INFO errorstats</c> as the router keeps them, by Redis 7.0.15's rules.</summary>
public class CommandRouterStatisticsTests
{
    private readonly TransactionRouter _router = new();

    [Fact]
    public void CountsACallAndAFailureForACommandThatRanAndAnsweredAnError()
    {
        var session = TestSessions.Open();
        _router.Run(session, "SET k v");
        _router.Run(session, "INCR k");

        Assert.Equal((1L, 0L, 0L), Counts("set"));
        Assert.Equal((1L, 0L, 1L), Counts("incr"));
        Assert.Equal(1, _router.Errors.Total);
        Assert.Equal([("ERR", 1L)], _router.Errors.Codes);
    }

    [Fact]
    public void CountsARejectionWithoutACallForAWrongArity()
    {
        _router.Run(TestSessions.Open(), "GET");

        Assert.Equal((0L, 1L, 0L), Counts("get"));
        Assert.Equal([("ERR", 1L)], _router.Errors.Codes);
    }

    [Fact]
    public void CountsNoAuthAsARejectionUnderItsCode()
    {
        var router = new TransactionRouter(password: "secret");
        var session = TestSessions.Open(TestSettings.WithPassword("secret"));

        Assert.True(router.Run(session, "GET k").IsError);

        var counters = router.Counters("get");
        Assert.Equal((0L, 1L), (counters.Calls, counters.RejectedCalls));
        Assert.Equal([("NOAUTH", 1L)], router.Errors.Codes);
    }

    [Fact]
    public void CountsASubcommandUnderItsFullNameAndAnUnknownOneForNoCommand()
    {
        var session = TestSessions.Open();
        _router.Run(session, "CLIENT ID");
        _router.Run(session, "client id");
        _router.Run(session, "CLIENT SETNAME");
        Assert.Equal("ERR unknown subcommand 'NOSUCH'. Try CLIENT HELP.", Binding.ErrorText(_router.Run(session, "CLIENT NOSUCH")));
        _router.Run(session, "NOSUCHCOMMAND");

        Assert.Equal((2L, 0L, 0L), Counts("client|id"));
        Assert.Equal((0L, 1L, 0L), Counts("client|setname"));
        Assert.Equal((0L, 0L, 0L), Counts("client"));
        Assert.Equal(3, _router.Errors.Total);
        Assert.Equal([("ERR", 3L)], _router.Errors.Codes);
    }

    [Fact]
    public void LeavesTheFailuresOfTheCommandsExecRanToThem()
    {
        var session = TestSessions.Open();
        _router.Run(session, "SET k v");
        _router.Run(session, "MULTI");
        _router.Run(session, "INCR k");
        _router.Run(session, "EXEC");

        Assert.Equal((1L, 0L, 1L), Counts("incr"));
        Assert.Equal((1L, 0L, 0L), Counts("exec"));

        // A refusal while queueing fails the transaction: EXEC runs, answers EXECABORT, and that is its failure.
        _router.Run(session, "MULTI");
        _router.Run(session, "GET");
        _router.Run(session, "EXEC");

        Assert.Equal((0L, 1L, 0L), Counts("get"));
        Assert.Equal((2L, 0L, 1L), Counts("exec"));
        Assert.Equal([("ERR", 2L), ("EXECABORT", 1L)], _router.Errors.Codes);
    }

    [Fact]
    public void CountsARefusedExecAsItsRejectionUnderExecAbort()
    {
        var router = new TransactionRouter(password: "secret");
        var session = TestSessions.Open(TestSettings.WithPassword("secret"));

        Assert.StartsWith("EXECABORT", Binding.ErrorText(router.Run(session, "EXEC")), StringComparison.Ordinal);

        var counters = router.Counters("exec");
        Assert.Equal((0L, 1L), (counters.Calls, counters.RejectedCalls));
        Assert.Equal([("EXECABORT", 1L)], router.Errors.Codes);
    }

    [Fact]
    public void CountsANestedMultiAsAFailureNotARejection()
    {
        var session = TestSessions.Open();
        _router.Run(session, "MULTI");
        _router.Run(session, "MULTI");

        // Redis runs MULTI at once inside MULTI, and multiCommand answers the error.
        Assert.Equal((2L, 0L, 1L), Counts("multi"));
    }

    private (long Calls, long Rejected, long Failed) Counts(string fullName)
    {
        var counters = _router.Counters(fullName);
        return (counters.Calls, counters.RejectedCalls, counters.FailedCalls);
    }
}
