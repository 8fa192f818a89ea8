using Redis.Application.Commands.SwapDb;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.SwapDb;

public class SwapDbCommandBinderTests
{
    private readonly SwapDbCommandBinder _binder = new();

    [Fact]
    public void BindsBothIndexes()
    {
        Assert.Equal(new SwapDbCommand(0, 15), _binder.Bind("SWAPDB 0 15").AssertCommand<SwapDbCommand>());
    }

    [Theory]
    [InlineData("SWAPDB x 1", "ERR invalid first DB index")]
    [InlineData("SWAPDB 2147483648 1", "ERR invalid first DB index")]
    [InlineData("SWAPDB x y", "ERR invalid first DB index")]
    [InlineData("SWAPDB 0 y", "ERR invalid second DB index")]
    [InlineData("SWAPDB 0 -2147483649", "ERR invalid second DB index")]
    public void NamesTheIndexThatIsNotACInt(string request, string error)
    {
        Assert.Equal(error, _binder.Bind(request).AssertError());
    }
}
