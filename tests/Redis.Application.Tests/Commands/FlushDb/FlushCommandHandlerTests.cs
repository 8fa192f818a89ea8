using Redis.Application.Commands.FlushDb;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.FlushDb;

public class FlushCommandHandlerTests
{
    private readonly Databases _databases = new(16);

    [Fact]
    public async Task FlushDbEmptiesOnlyTheSelectedDatabase()
    {
        _databases[0].Set("a"u8, "v"u8);
        _databases[4].Set("b"u8, "v"u8);

        Assert.Equal(Reply.Ok, await new FlushDbCommandHandler().Handle(new FlushDbCommand(_databases[4]), CancellationToken.None));

        Assert.Equal(1, _databases[0].Count);
        Assert.Equal(0, _databases[4].Count);
    }

    [Fact]
    public async Task FlushAllEmptiesEveryDatabase()
    {
        _databases[0].Set("a"u8, "v"u8);
        _databases[15].Set("b"u8, "v"u8);

        Assert.Equal(Reply.Ok, await new FlushAllCommandHandler(_databases).Handle(FlushAllCommand.Instance, CancellationToken.None));

        Assert.Equal(0, _databases.KeyCount);
    }

    [Theory]
    [InlineData("FLUSHDB")]
    [InlineData("FLUSHDB async")]
    [InlineData("FLUSHDB SYNC")]
    public void FlushDbBindsToTheSelectedDatabase(string request)
    {
        var selected = _databases[7];

        var command = new FlushDbCommandBinder().Bind(CommandArgs.From(request.Split(' ')), keyspace: selected).AssertCommand<FlushDbCommand>();

        Assert.Same(selected, command.Keyspace);
    }

    [Theory]
    [InlineData("FLUSHALL ASYNC SYNC")]
    [InlineData("FLUSHALL now")]
    public void RefusesAnythingButOneAsyncOrSync(string request)
    {
        Assert.Equal("ERR syntax error", new FlushAllCommandBinder().Bind(request).AssertError());
    }
}
