using Redis.Application.Commands.Unwatch;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Unwatch;

public class UnwatchCommandHandlerTests
{
    [Fact]
    public async Task ReleasesTheWatchesAndForgetsThatOneWasTouched()
    {
        var keyspace = new Keyspace();
        var session = TestSessions.Open();
        session.Transaction.Watch(keyspace, "k"u8, 0);
        keyspace.Set("k"u8, "v"u8);
        Assert.True(session.Transaction.IsWatchedKeyTouched);

        Assert.Equal(Reply.Ok, await new UnwatchCommandHandler().Handle(new UnwatchCommand(session), CancellationToken.None));

        Assert.Empty(session.Transaction.Watches);
        Assert.False(session.Transaction.IsWatchedKeyTouched);
    }
}
