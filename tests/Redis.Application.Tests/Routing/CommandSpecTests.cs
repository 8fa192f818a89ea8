using Redis.Application.Routing;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Routing;

public class CommandSpecTests
{
    [Theory]
    [InlineData(2, 2, true)]
    [InlineData(2, 1, false)]
    [InlineData(2, 3, false)]
    [InlineData(-2, 1, false)]
    [InlineData(-2, 2, true)]
    [InlineData(-2, 50, true)]
    [InlineData(-1, 1, true)]
    public void AcceptsArgumentCountByRedisArityConvention(int arity, int argc, bool expected)
    {
        Assert.Equal(expected, new CommandSpec("x", arity, []).AcceptsArgumentCount(argc));
    }

    [Fact]
    public void NamesTheCommandInItsArityError()
    {
        Assert.Equal("ERR wrong number of arguments for 'expire' command", Binding.ErrorText(new CommandSpec("expire", -3, []).ArityError));
    }
}
