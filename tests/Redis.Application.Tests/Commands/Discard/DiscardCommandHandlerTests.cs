using Redis.Application.Commands.Discard;
using Redis.Application.Commands.Get;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Discard;

public class DiscardCommandHandlerTests
{
    private readonly DiscardCommandHandler _handler = new();

    [Fact]
    public async Task DropsTheQueueTheFlagsAndTheWatches()
    {
        var keyspace = new Keyspace();
        var session = TestSessions.Open();
        session.Transaction.Watch(keyspace, "k"u8, 0);
        session.Transaction.Begin();
        session.Transaction.Queue(new GetCommandBinder(), CommandArgs.From("GET", "k"));
        session.Transaction.FlagQueueingError();

        Assert.Equal(Reply.Ok, await _handler.Handle(new DiscardCommand(session), CancellationToken.None));

        Assert.False(session.Transaction.InMulti);
        Assert.False(session.Transaction.HasQueueingError);
        Assert.Equal(-1, session.Transaction.QueuedCount);
        Assert.Empty(session.Transaction.Watches);
    }

    [Fact]
    public async Task AnswersAnErrorOutsideMulti()
    {
        var reply = await _handler.Handle(new DiscardCommand(TestSessions.Open()), CancellationToken.None);

        Assert.Equal("ERR DISCARD without MULTI", Binding.ErrorText(reply));
    }
}
