using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Routing;

/// <summary>Redis's <c>processCommand</c> inside MULTI: what is queued, what runs at once, what fails the transaction.</summary>
public class CommandRouterTransactionTests
{
    private readonly TransactionRouter _server = new();
    private readonly ClientSession _session;

    public CommandRouterTransactionTests()
    {
        _session = _server.Sessions.Open("127.0.0.1:40000", "127.0.0.1:6379");
    }

    [Fact]
    public void QueuesACheckedCommandWithoutRunningOrBindingIt()
    {
        Run("MULTI");

        Assert.Equal(Reply.Queued, Run("SET k v"));
        Assert.Equal(Reply.Queued, Run("SET k v BOGUS"));
        Assert.Equal(Reply.Queued, Run("UNWATCH"));

        Assert.Equal(3, _session.Transaction.QueuedCount);
        Assert.Equal(0, _server.Keyspace.Count);
    }

    [Fact]
    public void ExecOfQueuedWritesIsRefusedWholeWhileTheDiskRefusesWrites()
    {
        Run("MULTI");
        Run("SET k v");
        Run("GET k");
        _server.Persistence.Setup(p => p.WritesDenied).Returns(Errors.WritesDeniedBySaveError);

        var reply = Run("EXEC");

        Assert.Equal(Errors.ExecAbortBecause(Errors.WritesDeniedBySaveError), reply);
        Assert.False(_session.Transaction.InMulti);
        Assert.Equal(0, _server.Keyspace.Count);
        Run("MULTI");
        Run("GET k");
        Assert.Equal(ReplyKind.Array, Run("EXEC").Kind);
    }

    [Fact]
    public void QueuesACopyOfTheArguments()
    {
        var args = CommandArgs.From("SET", "k", "v");
        Run("MULTI");
        _server.Router.Execute(_session, args);

        var queued = _session.Transaction.Queued[0].Args;
        Assert.NotEqual(args.Memory(1), queued.Memory(1));
        Assert.Equal("k"u8.ToArray(), queued[1].ToArray());
    }

    [Theory]
    [InlineData("BOGUS a", "ERR unknown command 'BOGUS', with args beginning with: 'a' ")]
    [InlineData("GET", "ERR wrong number of arguments for 'get' command")]
    [InlineData("CLIENT BOGUS", "ERR unknown subcommand 'BOGUS'. Try CLIENT HELP.")]
    [InlineData("CLIENT SETNAME", "ERR wrong number of arguments for 'client|setname' command")]
    [InlineData("DISCARD x", "ERR wrong number of arguments for 'discard' command")]
    public void RefusingACommandWhileQueueingFailsTheTransaction(string request, string error)
    {
        Run("MULTI");

        Assert.Equal(error, Binding.ErrorText(Run(request)));

        Assert.True(_session.Transaction.HasQueueingError);
        Assert.True(_session.Transaction.InMulti);
    }

    [Fact]
    public void RefusingACommandOutsideMultiFlagsNothing()
    {
        Run("GET");
        Run("MULTI");

        Assert.False(_session.Transaction.HasQueueingError);
    }

    [Theory]
    [InlineData("MULTI", "ERR MULTI calls can not be nested")]
    [InlineData("WATCH k", "ERR WATCH inside MULTI is not allowed")]
    public void RunsTransactionCommandsAtOnceWithoutFailingTheTransaction(string request, string error)
    {
        Run("MULTI");

        Assert.Equal(error, Binding.ErrorText(Run(request)));

        Assert.False(_session.Transaction.HasQueueingError);
        Assert.Equal(0, _session.Transaction.QueuedCount);
    }

    [Fact]
    public void RefusedExecDiscardsTheTransactionWithTheReason()
    {
        Run("WATCH k");
        Run("MULTI");
        Run("SET k v");

        var reply = Run("EXEC x");

        Assert.Equal("EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command", Binding.ErrorText(reply));
        Assert.False(_session.Transaction.InMulti);
        Assert.Empty(_session.Transaction.Watches);
        Assert.Equal("ERR EXEC without MULTI", Binding.ErrorText(Run("EXEC")));
    }

    [Fact]
    public void StopsQueueingOnceTheTransactionIsBoundToFail()
    {
        Run("MULTI");
        Run("SET a 1");
        Run("GET");
        Run("SET b 2");

        Assert.Equal(1, _session.Transaction.QueuedCount);
    }

    [Fact]
    public void RefusesMultiAndExecBeforeAuthentication()
    {
        var server = new TransactionRouter(password: "pw");
        var session = server.Sessions.Open("127.0.0.1:40000", "127.0.0.1:6379");

        Assert.Equal("NOAUTH Authentication required.", Binding.ErrorText(server.Run(session, "MULTI")));
        Assert.Equal("EXECABORT Transaction discarded because of: NOAUTH Authentication required.", Binding.ErrorText(server.Run(session, "EXEC")));

        Assert.Equal(Reply.Ok, server.Run(session, "AUTH pw"));
        Assert.Equal(Reply.Ok, server.Run(session, "MULTI"));
        Assert.Equal(Reply.Queued, server.Run(session, "AUTH pw"));
        Assert.Equal(Reply.Array([Reply.Ok]), server.Run(session, "EXEC"));
    }

    /// <summary>Redis's <c>is_may_replicate_command</c> for EXEC reads the flags of what it queued.</summary>
    [Theory]
    [InlineData("SET k v", true)]
    [InlineData("GET k", false)]
    public void PauseWriteHoldsExecWhenItsQueueHoldsAWrite(string queued, bool held)
    {
        Run("MULTI");
        Run(queued);
        _server.Pause.Pause(_server.Clock.GetUtcNow().ToUnixTimeMilliseconds() + 10_000, ClientPauseKind.Write);

        var reply = Run("EXEC");

        Assert.Equal(held, _session.IsPostponed);
        Assert.Equal(held, _session.Transaction.InMulti);
        Assert.Equal(held ? default : ReplyKind.Array, reply.Kind);
    }

    [Fact]
    public void ClosingTheConnectionReleasesItsWatches()
    {
        Run("WATCH k");
        var watch = _session.Transaction.Watches[0];

        _server.Sessions.Close(_session);
        _server.Keyspace.Set("k"u8, "v"u8);

        Assert.False(watch.IsTouched);
        Assert.Empty(_session.Transaction.Watches);
    }

    private Reply Run(string request) => _server.Run(_session, request);
}
