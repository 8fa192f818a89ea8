using Redis.Application.Commands.Echo;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Echo;

public class EchoCommandHandlerTests
{
    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    public async Task ReturnsMessageAsBulkString(string message)
    {
        var reply = await new EchoCommandHandler().Handle(new EchoCommand(System.Text.Encoding.UTF8.GetBytes(message)), CancellationToken.None);

        Assert.Equal(Reply.Bulk(message), reply);
    }
}
