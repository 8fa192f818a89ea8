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

    [Theory]
    [InlineData("set a b", "a OW update")]
    [InlineData("set a b get", "a RW access update")]
    [InlineData("smove a b c", "a RW access delete b RW insert")]
    [InlineData("bitfield k get u8 0", "k RO access")]
    [InlineData("bitfield k set u8 0 1", "k RW access update")]
    [InlineData("bitfield k get u8", "k RW access update")]
    [InlineData("sort k store d", "k RO access d OW update")]
    [InlineData("sort k", "k RO access")]
    [InlineData("zunionstore d 2 a b", "d OW update a RO access b RO access")]
    [InlineData("lmpop 2 a b left", "a RW access delete b RW access delete")]
    [InlineData("rename a b", "a RW access delete b OW update")]
    [InlineData("mset a 1 b 2", "a OW update b OW update")]
    [InlineData("del a b c", "a RM delete b RM delete c RM delete")]
    [InlineData("bzmpop 1.5 1 z MAX", "z RW access delete")]
    [InlineData("object encoding k", "k RO")]
    [InlineData("blpop a b 0", "a RW access delete b RW access delete")]
    public async Task AnswersKeysWithRedisFlagsGivenGetKeysAndFlags(string command, string expected)
    {
        var reply = await Run(command, withFlags: true);

        Assert.Equal(expected, string.Join(' ', reply.Items.SelectMany(key =>
            new[] { key.Items[0] }.Concat(key.Items[1].Items).Select(item => System.Text.Encoding.UTF8.GetString(item.Bytes)))));
    }

    [Theory]
    [InlineData("zunionstore d 0 a", "ERR Invalid arguments specified for command")]
    [InlineData("zunionstore d 3 a b", "ERR Invalid arguments specified for command")]
    [InlineData("echo a", "ERR The command has no key arguments")]
    [InlineData("spublish c m", "ERR The command has no key arguments")]
    [InlineData("get a b", "ERR Invalid number of arguments specified for command")]
    [InlineData("foo a", "ERR Invalid command specified")]
    public async Task AnswersRedisErrorsGivenGetKeysAndFlags(string command, string expected) =>
        Assert.Equal(expected, Binding.ErrorText(await Run(command, withFlags: true)));

    [Fact]
    public async Task AnswersNoKeyArgumentsForChannelsGivenGetKeys() =>
        Assert.Equal("ERR The command has no key arguments", Binding.ErrorText(await Run("spublish c m")));

    [Theory]
    [InlineData("eval s 0", false)]
    [InlineData("eval s 0", true)]
    [InlineData("eval s x a", false)]
    [InlineData("eval s 3 a", true)]
    public async Task AnswersAnEmptyArrayWithoutKeysGivenNoMandatoryKeys(string command, bool withFlags)
    {
        var handler = new CommandGetKeysCommandHandler(new CommandTable([new EvalLikeBinder()]));

        var reply = await handler.Handle(new CommandGetKeysCommand([.. command.Split(' ').Select(Binding.Bytes)], withFlags), CancellationToken.None);

        Assert.Equal(Reply.EmptyArray, reply);
    }

    [Fact]
    public async Task AnswersKeysWithTheirSpecsFlagsGivenNoMandatoryKeys()
    {
        var handler = new CommandGetKeysCommandHandler(new CommandTable([new EvalLikeBinder()]));

        var reply = await handler.Handle(new CommandGetKeysCommand([.. "eval s 2 a b c".Split(' ').Select(Binding.Bytes)], WithFlags: true), CancellationToken.None);

        Assert.Equal(2, reply.Items.Count);
        Assert.Equal(
            Reply.Array([Reply.Bulk("a"), Reply.Set([Reply.Simple("RW"), Reply.Simple("access"), Reply.Simple("update")])]),
            reply.Items[0]);
    }

    [Fact]
    public void GetKeysAndFlagsComesFromTheCommandContainer()
    {
        var command = new CommandCommandBinder().Bind("COMMAND GETKEYSANDFLAGS get a").AssertCommand<CommandGetKeysCommand>();

        Assert.True(command.WithFlags);
        Assert.Equal("ERR wrong number of arguments for 'command|getkeysandflags' command",
            new CommandCommandBinder().Bind("COMMAND GETKEYSANDFLAGS get").AssertError());
    }

    [Fact]
    public void ComesFromTheCommandContainer()
    {
        var command = new CommandCommandBinder().Bind("COMMAND GETKEYS get a").AssertCommand<CommandGetKeysCommand>();

        Assert.Equal(2, command.Words.Length);
        Assert.Equal("ERR wrong number of arguments for 'command|getkeys' command", new CommandCommandBinder().Bind("COMMAND GETKEYS get").AssertError());
    }

    private async Task<Reply> Run(string command, bool withFlags = false) =>
        await _handler.Handle(new CommandGetKeysCommand([.. command.Split(' ').Select(Binding.Bytes)], withFlags), CancellationToken.None);

    /// <summary>EVAL's spec as Redis 7.0.15 declares it (<c>eval.json</c>), for a command the table may not have yet.</summary>
    private sealed class EvalLikeBinder : ICommandBinder
    {
        public CommandSpec Spec { get; } = new("eval", -3, ["noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys", "may_replicate"])
        {
            KeyCountAt = 2,
        };

        public BindResult Bind(ref ArgCursor args) => throw new NotSupportedException();
    }
}
