using Redis.Application.Commands.Select;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Select;

public class SelectCommandBinderTests
{
    private readonly SelectCommandBinder _binder = new();

    [Fact]
    public void BindsTheIndexAndTheSession()
    {
        var session = TestSessions.Open();

        var command = _binder.Bind("SELECT 3", session).AssertCommand<SelectCommand>();

        Assert.Equal(3, command.Index);
        Assert.Same(session, command.Session);
    }

    [Theory]
    [InlineData("x", "ERR value is not an integer or out of range")]
    [InlineData("1.5", "ERR value is not an integer or out of range")]
    [InlineData("2147483648", "ERR value is out of range, value must between -2147483648 and 2147483647")]
    [InlineData("-2147483649", "ERR value is out of range, value must between -2147483648 and 2147483647")]
    public void RefusesAnIndexThatIsNotACInt(string index, string error)
    {
        Assert.Equal(error, _binder.Bind("SELECT " + index).AssertError());
    }
}
