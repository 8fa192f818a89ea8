using Redis.Application.Commands.Move;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Move;

public class MoveCommandBinderTests
{
    private readonly MoveCommandBinder _binder = new();

    [Fact]
    public void BindsTheKeyTheIndexAndTheSelectedDatabase()
    {
        var selected = new Keyspace();

        var command = _binder.Bind(CommandArgs.From("MOVE", "k", "3"), keyspace: selected).AssertCommand<MoveCommand>();

        Assert.Same(selected, command.Keyspace);
        Assert.Equal("k"u8.ToArray(), command.Key.ToArray());
        Assert.Equal(3, command.Database);
    }

    [Theory]
    [InlineData("x", "ERR value is not an integer or out of range")]
    [InlineData("4294967296", "ERR value is out of range, value must between -2147483648 and 2147483647")]
    public void RefusesAnIndexThatIsNotACInt(string index, string error)
    {
        Assert.Equal(error, _binder.Bind("MOVE k " + index).AssertError());
    }
}
