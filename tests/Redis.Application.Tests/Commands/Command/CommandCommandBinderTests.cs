using Redis.Application.Commands.Command;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Command;

public class CommandCommandBinderTests
{
    private readonly CommandCommandBinder _binder = new();

    [Theory]
    [InlineData("COMMAND", CommandSubcommand.Info, new string[0])]
    [InlineData("COMMAND INFO", CommandSubcommand.Info, new string[0])]
    [InlineData("command info get SET", CommandSubcommand.Info, new[] { "get", "SET" })]
    [InlineData("COMMAND DOCS get", CommandSubcommand.Docs, new[] { "get" })]
    [InlineData("COMMAND count", CommandSubcommand.Count, new string[0])]
    [InlineData("COMMAND LIST", CommandSubcommand.List, new string[0])]
    public void BindsSubcommandAndNames(string request, CommandSubcommand subcommand, string[] names)
    {
        var command = _binder.Bind(request).AssertCommand<CommandCommand>();

        Assert.Equal(subcommand, command.Subcommand);
        Assert.Equal(names, command.Names);
    }

    [Theory]
    [InlineData("COMMAND COUNT x", "ERR wrong number of arguments for 'command|count' command")]
    [InlineData("COMMAND LIST x", "ERR syntax error")]
    [InlineData("COMMAND foo", "ERR unknown subcommand 'foo'. Try COMMAND HELP.")]
    [InlineData("COMMAND foo bar", "ERR unknown subcommand 'foo'. Try COMMAND HELP.")]
    public void ReturnsRedisErrorGivenBadSubcommandUse(string request, string expected)
    {
        Assert.Equal(expected, _binder.Bind(request).AssertError());
    }
}
