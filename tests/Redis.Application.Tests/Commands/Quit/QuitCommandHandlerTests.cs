using Redis.Application.Commands.Quit;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Quit;

public class QuitCommandHandlerTests
{
    [Fact]
    public async Task ReturnsOkThatClosesTheConnection()
    {
        var reply = await new QuitCommandHandler().Handle(QuitCommand.Instance, CancellationToken.None);

        Assert.Equal(ReplyKind.SimpleString, reply.Kind);
        Assert.Equal("+OK", reply.ToString());
        Assert.True(reply.ClosesConnection);
        Assert.False(Reply.Ok.ClosesConnection);
    }
}
