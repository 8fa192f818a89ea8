using Redis.Application.Commands.Hello;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Hello;

public class HelloCommandBinderTests
{
    private readonly HelloCommandBinder _binder = new();

    [Theory]
    [InlineData("HELLO 3", "NOPROTO unsupported protocol version")]
    [InlineData("HELLO 1", "NOPROTO unsupported protocol version")]
    [InlineData("HELLO x", "ERR Protocol version is not an integer or out of range")]
    public void RefusesProtocolsOtherThanTwo(string request, string expected)
    {
        Assert.Equal(expected, _binder.Bind(request).AssertError());
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
