using Redis.Application.Commands.Script;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Script;

/// <summary><c>SCRIPT</c>'s subcommands and arities as Redis 7.0 declares them, and <c>FLUSH</c>'s option check.</summary>
public class ScriptCommandBinderTests
{
    private readonly ScriptCommandBinder _binder = new();

    [Theory]
    [InlineData("SCRIPT LOAD body", ScriptSubcommand.Load)]
    [InlineData("SCRIPT EXISTS a b", ScriptSubcommand.Exists)]
    [InlineData("SCRIPT FLUSH", ScriptSubcommand.Flush)]
    [InlineData("SCRIPT flush async", ScriptSubcommand.Flush)]
    [InlineData("SCRIPT FLUSH SYNC", ScriptSubcommand.Flush)]
    [InlineData("SCRIPT KILL", ScriptSubcommand.Kill)]
    [InlineData("SCRIPT DEBUG NO", ScriptSubcommand.Debug)]
    [InlineData("SCRIPT HELP", ScriptSubcommand.Help)]
    public void BindsEachSubcommand(string request, ScriptSubcommand expected) =>
        Assert.Equal(expected, _binder.Bind(request).AssertCommand<ScriptCommand>().Subcommand);

    [Theory]
    [InlineData("SCRIPT FLUSH BOGUS", "ERR SCRIPT FLUSH only support SYNC|ASYNC option")]
    [InlineData("SCRIPT FLUSH SYNC x", "ERR SCRIPT FLUSH only support SYNC|ASYNC option")]
    [InlineData("SCRIPT LOAD", "ERR wrong number of arguments for 'script|load' command")]
    [InlineData("SCRIPT BOGUS", "ERR unknown subcommand 'BOGUS'. Try SCRIPT HELP.")]
    public void RefusesWhatRedisRefuses(string request, string expected) =>
        Assert.Equal(expected, _binder.Bind(request).AssertError());
}
