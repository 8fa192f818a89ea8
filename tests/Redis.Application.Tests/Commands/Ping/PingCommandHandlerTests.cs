using Redis.Application.Commands.Ping;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Ping;

public class PingCommandHandlerTests
{
    private readonly PingCommandHandler _handler = new();

    [Fact]
    public async Task ReturnsPongGivenNoMessage()
    {
        var reply = await _handler.Handle(new PingCommand(null), CancellationToken.None);

        Assert.Equal(ReplyKind.SimpleString, reply.Kind);
        Assert.Equal(Reply.Pong, reply);
    }

    [Fact]
    public async Task ReturnsMessageAsBulkStringGivenMessage()
    {
        var reply = await _handler.Handle(new PingCommand("hello"u8.ToArray()), CancellationToken.None);

        Assert.Equal(Reply.Bulk("hello"), reply);
    }
}
