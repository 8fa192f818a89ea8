using Redis.Application.Commands.Command;
using Redis.Application.Routing;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Command;

public sealed class CommandGetKeysCommandHandlerTests
{
    private readonly CommandGetKeysCommandHandler _handler = new(CommandTable.FromAssembly());

    [Theory]
    [InlineData("get a", "a")]
    [InlineData("mset a 1 b 2", "a b")]
    [InlineData("mset a 1 b", "a b")]
    [InlineData("rename a b", "a b")]
    [InlineData("set k v ex 10", "k")]
    [InlineData("object encoding k", "k")]
    [InlineData("zunionstore dst 2 a b WEIGHTS 1 2", "dst a b")]
    [InlineData("lmpop 2 a b LEFT COUNT 3", "a b")]
    [InlineData("bzmpop 1.5 1 z MAX", "z")]
    [InlineData("sintercard 1 a", "a")]
    public async Task AnswersTheKeysAtTheSpecsPositions(string command, string keys)
    {
        var reply = await Run(command);

        Assert.Equal(Reply.Array([.. keys.Split(' ').Select(Reply.Bulk)]), reply);
    }

    [Theory]
    [InlineData("foo a", "ERR Invalid command specified")]
    [InlineData("object foo k", "ERR Invalid command specified")]
    [InlineData("get a b", "ERR Invalid number of arguments specified for command")]
    [InlineData("echo hello", "ERR The command has no key arguments")]
    [InlineData("client list", "ERR The command has no key arguments")]
    [InlineData("zunionstore dst 3 a b", "ERR Invalid arguments specified for command")]
    [InlineData("lmpop 0 a LEFT", "ERR Invalid arguments specified for command")]
    [InlineData("zunion x a", "ERR Invalid arguments specified for command")]
    public async Task AnswersRedisErrors(string command, string expected) => Assert.Equal(expected, Binding.ErrorText(await Run(command)));

    [Fact]
    public void ComesFromTheCommandContainer()
    {
        var command = new CommandCommandBinder().Bind("COMMAND GETKEYS get a").AssertCommand<CommandGetKeysCommand>();

        Assert.Equal(2, command.Words.Length);
        Assert.Equal("ERR wrong number of arguments for 'command|getkeys' command", new CommandCommandBinder().Bind("COMMAND GETKEYS get").AssertError());
    }

    private async Task<Reply> Run(string command) =>
        await _handler.Handle(new CommandGetKeysCommand([.. command.Split(' ').Select(Binding.Bytes)]), CancellationToken.None);
}
