using Redis.Application.Commands.Ping;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Ping;

public class PingCommandBinderTests
{
    private readonly PingCommandBinder _binder = new();

    [Fact]
    public void BindsNoMessageGivenBarePing()
    {
        var command = _binder.Bind("PING").AssertCommand<PingCommand>();

        Assert.Null(command.Message);
    }

    [Fact]
    public void BindsMessageGivenOneArgument()
    {
        var command = _binder.Bind("PING hello").AssertCommand<PingCommand>();

        Assert.Equal("hello"u8.ToArray(), command.Message);
    }

    [Fact]
    public void ReturnsArityErrorGivenTwoArguments()
    {
        Assert.Equal("ERR wrong number of arguments for 'ping' command", _binder.Bind("PING a b").AssertError());
    }
}
