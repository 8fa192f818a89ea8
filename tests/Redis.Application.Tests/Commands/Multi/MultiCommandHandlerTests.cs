using Redis.Application.Commands.Multi;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Multi;

public class MultiCommandHandlerTests
{
    private readonly MultiCommandHandler _handler = new();

    [Fact]
    public async Task OpensATransaction()
    {
        var session = TestSessions.Open();

        Assert.Equal(Reply.Ok, await _handler.Handle(new MultiCommand(session), CancellationToken.None));

        Assert.True(session.Transaction.InMulti);
        Assert.Equal(0, session.Transaction.QueuedCount);
    }

    [Fact]
    public async Task RefusesToNestAndLeavesTheTransactionOpenAndUnflagged()
    {
        var session = TestSessions.Open();
        await _handler.Handle(new MultiCommand(session), CancellationToken.None);

        var reply = await _handler.Handle(new MultiCommand(session), CancellationToken.None);

        Assert.Equal("ERR MULTI calls can not be nested", Binding.ErrorText(reply));
        Assert.True(session.Transaction.InMulti);
        Assert.False(session.Transaction.HasQueueingError);
    }
}
