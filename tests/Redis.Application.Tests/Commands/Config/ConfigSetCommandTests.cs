using Redis.Application.Commands.Config;
using Redis.Application.Common;
using Redis.Application.Routing;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Config;

public sealed class ConfigSetCommandTests
{
    private readonly ConfigCommandBinder _binder = new();

    [Fact]
    public async Task HandsEveryPairToTheSettingsAndAnswersOk()
    {
        var settings = new TestSettings();
        var command = _binder.Bind("CONFIG SET timeout 5 hz 20").AssertCommand<ConfigSetCommand>();

        Assert.Equal(Reply.Ok, await new ConfigSetCommandHandler(settings).Handle(command, CancellationToken.None));
        Assert.Equal([new("timeout", "5"), new KeyValuePair<string, string>("hz", "20")], settings.LastChanges);
    }

    [Fact]
    public async Task AnswersTheSettingsError()
    {
        var settings = new TestSettings { RefuseWith = "ERR Unknown option or number of arguments for CONFIG SET - 'x'" };
        var reply = await new ConfigSetCommandHandler(settings).Handle(new ConfigSetCommand([new("x", "1")]), CancellationToken.None);

        Assert.Equal("ERR Unknown option or number of arguments for CONFIG SET - 'x'", Binding.ErrorText(reply));
    }

    [Theory]
    [InlineData("CONFIG SET timeout", "ERR wrong number of arguments for 'config|set' command")]
    [InlineData("CONFIG SET timeout 1 foo", "ERR syntax error")]
    [InlineData("CONFIG RESETSTAT x", "ERR wrong number of arguments for 'config|resetstat' command")]
    [InlineData("CONFIG FOO", "ERR unknown subcommand 'FOO'. Try CONFIG HELP.")]
    public void RefusesBadForms(string request, string expected) => Assert.Equal(expected, _binder.Bind(request).AssertError());

    [Fact]
    public async Task ResetStatZeroesTheCountersAndRewriteHasNoFile()
    {
        var statistics = new ServerStatistics { CommandsProcessed = 5, ConnectionsReceived = 2, NetInputBytes = 10 };
        var databases = new Databases();
        databases[0].Read("missing"u8, 0, out _);
        databases[5].Read("missing"u8, 0, out _);
        var table = CommandTable.FromAssembly();
        var client = table.Commands.Single(c => c.Name == "client");
        (client.Counters.Calls, client.Counters.Subcommands[0].FailedCalls) = (3, 1);
        var errors = new ErrorStatistics();
        errors.Count(Reply.Error("WRONGTYPE Operation against a key holding the wrong kind of value"));
        var handler = new ConfigCommandHandler(statistics, databases, table, errors);

        Assert.Equal(Reply.Ok, await handler.Handle(new ConfigCommand(ConfigSubcommand.ResetStat), CancellationToken.None));
        Assert.Equal((0L, 0L, 0L, 0L), (statistics.CommandsProcessed, statistics.ConnectionsReceived, statistics.NetInputBytes, databases.KeyspaceMisses));
        Assert.Equal((0L, 0L), (client.Counters.Calls, client.Counters.Subcommands[0].FailedCalls));
        Assert.Equal(0, errors.Total);
        Assert.Empty(errors.Codes);
        Assert.Equal("ERR The server is running without a config file",
            Binding.ErrorText(await handler.Handle(new ConfigCommand(ConfigSubcommand.Rewrite), CancellationToken.None)));
    }
}
