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
                Reply.Set([Reply.Simple("@read"), Reply.Simple("@string"), Reply.Simple("@fast")]),
                Reply.Set([]),
                Reply.Set(
                [
                    Reply.Map(
                    [
                        Reply.Bulk("flags"), Reply.Set([Reply.Simple("RO"), Reply.Simple("access")]),
                        Reply.Bulk("begin_search"), Reply.Map(
                        [
                            Reply.Bulk("type"), Reply.Bulk("index"),
                            Reply.Bulk("spec"), Reply.Map([Reply.Bulk("index"), Reply.Integer(1)]),
                        ]),
                        Reply.Bulk("find_keys"), Reply.Map(
                        [
                            Reply.Bulk("type"), Reply.Bulk("range"),
                            Reply.Bulk("spec"), Reply.Map(
                            [
                                Reply.Bulk("lastkey"), Reply.Integer(0), Reply.Bulk("keystep"), Reply.Integer(1),
                                Reply.Bulk("limit"), Reply.Integer(0),
                            ]),
                        ]),
                    ]),
                ]),
                Reply.Set([]),
            ]),
            info);
    }

    [Fact]
    public async Task DescribesSubcommandGivenInfoWithContainerAndSubcommandName()
    {
        var handler = new CommandCommandHandler(new CommandTable([new CommandCommandBinder()]));

        var reply = await handler.Handle(new CommandCommand(CommandSubcommand.Info, ["COMMAND|docs", "get|x", "command|nope|x"]), CancellationToken.None);

        Assert.Equal(3, reply.Items.Count);
        Assert.Equal(Reply.Bulk("command|docs"), reply.Items[0].Items[0]);
        Assert.Equal(Reply.Set([Reply.Bulk("nondeterministic_output_order")]), reply.Items[0].Items[7]);
        Assert.Equal(Reply.Nil, reply.Items[1]);
        Assert.Equal(Reply.Nil, reply.Items[2]);
    }

    [Fact]
    public async Task ListsContainerSubcommandsWithTheirCategoriesGivenInfo()
    {
        var handler = new CommandCommandHandler(new CommandTable([new CommandCommandBinder()]));

        var info = Assert.Single((await handler.Handle(new CommandCommand(CommandSubcommand.Info, ["command"]), CancellationToken.None)).Items);

        Assert.Equal(Reply.Set([Reply.Simple("@slow"), Reply.Simple("@connection")]), info.Items[6]);
        Assert.Equal(ReplyKind.Array, info.Items[9].Kind);
        Assert.Contains(info.Items[9].Items, sub => sub.Items[0] == Reply.Bulk("command|getkeysandflags"));
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
    public async Task DocumentsCommandAsRedisGivenDocs()
    {
        var reply = await Handle(CommandSubcommand.Docs, "get");

        Assert.Equal(
            Reply.Map(
            [
                Reply.Bulk("get"), Reply.Map(
                [
                    Reply.Bulk("summary"), Reply.Bulk("Get the value of a key"),
                    Reply.Bulk("since"), Reply.Bulk("1.0.0"),
                    Reply.Bulk("group"), Reply.Bulk("string"),
                    Reply.Bulk("complexity"), Reply.Bulk("O(1)"),
                    Reply.Bulk("arguments"), Reply.Array(
                    [
                        Reply.Map(
                        [
                            Reply.Bulk("name"), Reply.Bulk("key"), Reply.Bulk("type"), Reply.Bulk("key"),
                            Reply.Bulk("key_spec_index"), Reply.Integer(0),
                        ]),
                    ]),
                ]),
            ]),
            reply);
    }

    [Fact]
    public async Task LeavesOutUnknownNamesGivenDocs()
    {
        var reply = await Handle(CommandSubcommand.Docs, "nope", "PING", "get|x");

        Assert.Equal(2, reply.Items.Count);
        Assert.Equal(Reply.Bulk("ping"), reply.Items[0]);
    }

    [Fact]
    public async Task DocumentsNestedArgumentsHistoryAndFlagsGivenDocs()
    {
        var docs = (await Handle(CommandSubcommand.Docs, "set")).Items[1];

        var fields = docs.Items.Where((_, i) => i % 2 == 0).Select(name => name.ToString()).ToList();
        Assert.Equal(["\"summary\"", "\"since\"", "\"group\"", "\"complexity\"", "\"history\"", "\"arguments\""], fields);
        Assert.Equal(Reply.Array([Reply.Bulk("6.0.0"), Reply.Bulk("Added the `KEEPTTL` option.")]), docs.Items[9].Items[1]);
        var condition = docs.Items[11].Items[2];
        Assert.Equal(
            Reply.Map(
            [
                Reply.Bulk("name"), Reply.Bulk("condition"), Reply.Bulk("type"), Reply.Bulk("oneof"),
                Reply.Bulk("since"), Reply.Bulk("2.6.12"), Reply.Bulk("flags"), Reply.Set([Reply.Simple("optional")]),
                Reply.Bulk("arguments"), Reply.Array(
                [
                    Reply.Map([Reply.Bulk("name"), Reply.Bulk("nx"), Reply.Bulk("type"), Reply.Bulk("pure-token"), Reply.Bulk("token"), Reply.Bulk("NX")]),
                    Reply.Map([Reply.Bulk("name"), Reply.Bulk("xx"), Reply.Bulk("type"), Reply.Bulk("pure-token"), Reply.Bulk("token"), Reply.Bulk("XX")]),
                ]),
            ]),
            condition);
    }

    private ValueTask<Reply> Handle(CommandSubcommand subcommand, params string[] names) =>
        _handler.Handle(new CommandCommand(subcommand, names), CancellationToken.None);
}
