using Redis.Application.Commands.Hello;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Hello;

public class HelloCommandBinderTests
{
    private readonly HelloCommandBinder _binder = new();

    [Theory]
    [InlineData("HELLO 1", "NOPROTO unsupported protocol version")]
    [InlineData("HELLO 4", "NOPROTO unsupported protocol version")]
    [InlineData("HELLO -3", "NOPROTO unsupported protocol version")]
    [InlineData("HELLO x", "ERR Protocol version is not an integer or out of range")]
    [InlineData("HELLO 3.0", "ERR Protocol version is not an integer or out of range")]
    [InlineData("HELLO 99999999999999999999", "ERR Protocol version is not an integer or out of range")]
    public void RefusesProtocolsOtherThanTwoAndThree(string request, string expected)
    {
        Assert.Equal(expected, _binder.Bind(request).AssertError());
    }

    [Theory]
    [InlineData("HELLO", null)]
    [InlineData("HELLO 2", RespVersion.Resp2)]
    [InlineData("HELLO 3", RespVersion.Resp3)]
    [InlineData("HELLO 3 SETNAME a", RespVersion.Resp3)]
    public void ReadsTheProtocolToSwitchTo(string request, RespVersion? expected)
    {
        Assert.Equal(expected, _binder.Bind(request).AssertCommand<HelloCommand>().Protocol);
    }

    [Fact]
    public void KeepsOptionsInOrderAndAnUnknownOneForLast()
    {
        var command = _binder.Bind("HELLO 2 SETNAME a AUTH default pw FOO SETNAME b").AssertCommand<HelloCommand>();

        Assert.Equal(2, command.Options.Length);
        Assert.False(command.Options[0].IsAuth);
        Assert.True(command.Options[1].IsAuth);
        Assert.Equal("FOO"u8.ToArray(), command.UnknownOption);
    }
}
