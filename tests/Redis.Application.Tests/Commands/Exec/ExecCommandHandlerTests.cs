using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Exec;

/// <summary>EXEC through the router, as a client runs it: the handler needs the router to run the queue.</summary>
public class ExecCommandHandlerTests
{
    private readonly TransactionRouter _server = new();
    private readonly ClientSession _session;

    public ExecCommandHandlerTests()
    {
        _session = _server.Sessions.Open("127.0.0.1:40000", "127.0.0.1:6379");
    }

    [Fact]
    public void RunsTheQueueInOrderAndAnswersEveryReply()
    {
        Run("MULTI");
        Run("SET k 1");
        Run("INCR k");
        Run("GET k");

        Assert.Equal(Reply.Array([Reply.Ok, Reply.Integer(2), Reply.Bulk("2")]), Run("EXEC"));
        Assert.False(_session.Transaction.InMulti);
    }

    [Fact]
    public void KeepsRunningAfterACommandFailsAndRollsNothingBack()
    {
        Run("SET k v");
        Run("MULTI");
        Run("INCR k");
        Run("SET k v BOGUS");
        Run("SET k w");

        var replies = Run("EXEC").Items;

        Assert.Equal("ERR value is not an integer or out of range", Binding.ErrorText(replies[0]));
        Assert.Equal("ERR syntax error", Binding.ErrorText(replies[1]));
        Assert.Equal(Reply.Ok, replies[2]);
        Assert.Equal(Reply.Bulk("w"), Run("GET k"));
    }

    [Fact]
    public void AnswersAnEmptyArrayForAnEmptyTransaction()
    {
        Run("MULTI");

        Assert.Equal(Reply.EmptyArray, Run("EXEC"));
    }

    [Fact]
    public void AnswersAnErrorOutsideMulti()
    {
        Assert.Equal("ERR EXEC without MULTI", Binding.ErrorText(Run("EXEC")));
    }

    [Fact]
    public void AbortsAfterAQueueingErrorAndRunsNothing()
    {
        Run("MULTI");
        Run("SET k v");
        Run("GET");

        Assert.Equal("EXECABORT Transaction discarded because of previous errors.", Binding.ErrorText(Run("EXEC")));
        Assert.Equal(Reply.Nil, Run("GET k"));
        Assert.False(_session.Transaction.InMulti);
    }

    [Fact]
    public void AnswersANullArrayWhenAWatchedKeyChangedAndRunsNothing()
    {
        var other = _server.Sessions.Open("127.0.0.1:40001", "127.0.0.1:6379");
        Run("WATCH k");
        _server.Run(other, "SET k theirs");
        Run("MULTI");
        Run("SET k mine");

        Assert.Equal(Reply.NullArray, Run("EXEC"));
        Assert.Equal(Reply.Bulk("theirs"), Run("GET k"));
        Assert.Empty(_session.Transaction.Watches);
    }

    [Fact]
    public void PrefersExecAbortToTheNullArray()
    {
        Run("WATCH k");
        Run("SET k v");
        Run("MULTI");
        Run("GET");

        Assert.Equal("EXECABORT Transaction discarded because of previous errors.", Binding.ErrorText(Run("EXEC")));
    }

    [Fact]
    public void AnswersANullArrayWhenAWatchedKeyExpiredBeforeExec()
    {
        Run("SET k v PX 100");
        Run("WATCH k");
        Run("MULTI");
        Run("PING");
        _server.Clock.Advance(TimeSpan.FromMilliseconds(101));

        Assert.Equal(Reply.NullArray, Run("EXEC"));
    }

    [Fact]
    public void RunsWhenTheWatchedKeysAreUnchangedAndItsOwnWritesDoNotCount()
    {
        Run("SET k 1");
        Run("WATCH k");
        Run("GET k");
        Run("MULTI");
        Run("INCR k");
        Run("INCR k");

        Assert.Equal(Reply.Array([Reply.Integer(2), Reply.Integer(3)]), Run("EXEC"));
        Assert.Empty(_session.Transaction.Watches);
    }

    [Fact]
    public void AnswersWithTheValueAsItWasWhenItWasRead()
    {
        Run("SET k aaa");
        Run("MULTI");
        Run("GET k");
        Run("SET k bbb");

        Assert.Equal(Reply.Array([Reply.Bulk("aaa"), Reply.Ok]), Run("EXEC"));
    }

    private Reply Run(string request) => _server.Run(_session, request);
}
