using Redis.Application.Commands.MSet;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.MSet;

public class MSetCommandBinderTests
{
    [Fact]
    public void BindsPairs()
    {
        var command = new MSetCommandBinder().Bind("MSET a 1 b 2").AssertCommand<MSetCommand>();

        Assert.Equal(4, command.Pairs.Length);
        Assert.False(command.OnlyIfNoneExist);
        Assert.True(new MSetNxCommandBinder().Bind("MSETNX a 1").AssertCommand<MSetCommand>().OnlyIfNoneExist);
    }

    [Theory]
    [InlineData("MSET a 1 b", "ERR wrong number of arguments for 'mset' command")]
    [InlineData("MSETNX a 1 b", "ERR wrong number of arguments for 'msetnx' command")]
    public void ReturnsArityErrorGivenAnOddCount(string request, string expected)
    {
        var binder = request.StartsWith("MSETNX", StringComparison.Ordinal)
            ? (Redis.Application.Routing.ICommandBinder)new MSetNxCommandBinder()
            : new MSetCommandBinder();

        Assert.Equal(expected, binder.Bind(request).AssertError());
    }
}
