using Redis.Application.Commands.Config;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Config;

public class ConfigCommandBinderTests
{
    private readonly ConfigCommandBinder _binder = new();

    [Theory]
    [InlineData("CONFIG GET maxmemory", new[] { "maxmemory" })]
    [InlineData("config get port *max*", new[] { "port", "*max*" })]
    public void BindsEveryPatternGivenGet(string request, string[] patterns)
    {
        var command = _binder.Bind(request).AssertCommand<ConfigGetCommand>();

        Assert.Equal(patterns, command.Patterns.Select(p => System.Text.Encoding.UTF8.GetString(p)));
    }

    [Theory]
    [InlineData("CONFIG GET", "ERR wrong number of arguments for 'config|get' command")]
    [InlineData("CONFIG foo", "ERR unknown subcommand 'foo'. Try CONFIG HELP.")]
    [InlineData("CONFIG foo bar", "ERR unknown subcommand 'foo'. Try CONFIG HELP.")]
    public void ReturnsRedisErrorGivenBadSubcommandUse(string request, string expected)
    {
        Assert.Equal(expected, _binder.Bind(request).AssertError());
    }
}
