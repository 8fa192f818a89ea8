using Redis.Application.Commands.Echo;
using Redis.Application.Routing;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Echo;

public class EchoCommandBinderTests
{
    private readonly EchoCommandBinder _binder = new();

    [Fact]
    public void BindsMessageBytesUnchanged()
    {
        byte[] message = [0, 0xff, (byte)'\r', (byte)'\n'];

        var command = _binder.Bind(CommandArgs.From("ECHO"u8.ToArray(), message)).AssertCommand<EchoCommand>();

        Assert.Equal(message, command.Message);
    }
}
