using Redis.Application.Commands.Command;
using Redis.Application.Commands.Get;
using Redis.Application.Commands.Ping;
using Redis.Application.Commands.Set;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Command;

public class CommandCommandHandlerTests
{
    private readonly CommandCommandHandler _handler =
        new(new CommandTable([new SetCommandBinder(), new PingCommandBinder(), new GetCommandBinder()]));

    [Fact]
    public async Task ReturnsNumberOfCommandsGivenCount()
    {
        Assert.Equal(Reply.Integer(3), await Handle(CommandSubcommand.Count));
    }

    [Fact]
    public async Task ReturnsNamesInOrderGivenList()
    {
        var reply = await Handle(CommandSubcommand.List);

        Assert.Equal(Reply.Array([Reply.Bulk("get"), Reply.Bulk("ping"), Reply.Bulk("set")]), reply);
    }

    [Fact]
    public async Task DescribesCommandInRedisShapeGivenInfoWithName()
    {
        var reply = await Handle(CommandSubcommand.Info, "GET");

        var info = Assert.Single(reply.Items);
        Assert.Equal(
            Reply.Array(
            [
                Reply.Bulk("get"),
                Reply.Integer(2),
                Reply.Set([Reply.Simple("readonly"), Reply.Simple("fast")]),
                Reply.Integer(1),
                Reply.Integer(1),
                Reply.Integer(1),
                Reply.Set([]),
                Reply.Set([]),
                Reply.Set([]),
                Reply.Set([]),
            ]),
            info);
    }

    [Fact]
    public async Task ReturnsNilForUnknownNameGivenInfo()
    {
        var reply = await Handle(CommandSubcommand.Info, "ping", "nope");

        Assert.Equal(2, reply.Items.Count);
        Assert.Equal(Reply.Bulk("ping"), reply.Items[0].Items[0]);
        Assert.Equal(Reply.Nil, reply.Items[1]);
    }

    [Fact]
    public async Task DescribesEveryCommandGivenInfoWithoutNames()
    {
        var reply = await Handle(CommandSubcommand.Info);

        Assert.Equal(["get", "ping", "set"], reply.Items.Select(item => item.Items[0].ToString().Trim('"')));
    }

    [Fact]
    public async Task ReturnsEmptyMapGivenDocs()
    {
        Assert.Equal(Reply.Map([]), await Handle(CommandSubcommand.Docs, "get"));
    }

    private ValueTask<Reply> Handle(CommandSubcommand subcommand, params string[] names) =>
        _handler.Handle(new CommandCommand(subcommand, names), CancellationToken.None);
}
