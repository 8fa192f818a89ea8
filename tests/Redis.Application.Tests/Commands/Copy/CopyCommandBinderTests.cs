using Redis.Application.Commands.Copy;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Copy;

public class CopyCommandBinderTests
{
    private readonly CopyCommandBinder _binder = new();

    [Fact]
    public void BindsTheKeysTheOptionsAndTheSelectedDatabase()
    {
        var selected = new Keyspace();

        var command = _binder.Bind(CommandArgs.From("COPY", "a", "b", "db", "3", "REPLACE", "DB", "4"), keyspace: selected).AssertCommand<CopyCommand>();

        Assert.Same(selected, command.Keyspace);
        Assert.Equal("a"u8.ToArray(), command.Source.ToArray());
        Assert.Equal("b"u8.ToArray(), command.Destination.ToArray());
        Assert.Equal([3, 4], command.Databases);
        Assert.True(command.Replace);
        Assert.Null(command.OptionError);
    }

    [Theory]
    [InlineData("COPY a b FOO", "ERR syntax error", new int[0])]
    [InlineData("COPY a b DB", "ERR syntax error", new int[0])]
    [InlineData("COPY a b DB 99 FOO", "ERR syntax error", new[] { 99 })]
    [InlineData("COPY a b FOO DB 99", "ERR syntax error", new int[0])]
    [InlineData("COPY a b DB 1 DB x", "ERR value is not an integer or out of range", new[] { 1 })]
    [InlineData("COPY a b DB 4294967296", "ERR value is out of range, value must between -2147483648 and 2147483647", new int[0])]
    public void KeepsTheIndexesReadBeforeTheFirstRefusedOption(string line, string error, int[] databases)
    {
        var command = _binder.Bind(line).AssertCommand<CopyCommand>();

        Assert.Equal(databases, command.Databases);
        Assert.Equal(Reply.Error(error), command.OptionError);
    }
}
