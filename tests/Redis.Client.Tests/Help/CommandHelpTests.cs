using Redis.Client.Help;
using Redis.Client.Tests.Support;

namespace Redis.Client.Tests.Help;

[Collection(ServerCollection.Name)]
public class CommandHelpTests(ServerFixture server)
{
    private static readonly CommandHelp Sample = new(
    [
        new CommandHelpEntry("GET", "key", "Get the value of a key", "string"),
        new CommandHelpEntry("PING", "[message]", "Ping the server", "connection"),
        new CommandHelpEntry("CONFIG", "GET parameter [parameter ...]", "Get configuration parameters", "server")
        {
            Subcommands = [new CommandHelpEntry("CONFIG GET", "parameter [parameter ...]", "Get configuration parameters", "server")],
        },
        new CommandHelpEntry("UNDOCUMENTED", "", null, "other"),
    ]);

    [Fact]
    public void DescribesExactlyTheCommandsOfTheRunningServer()
    {
        var serverNames = server.Commands.Commands.Select(c => c.Name.ToUpperInvariant()).Order(StringComparer.Ordinal);

        Assert.Equal(serverNames, CommandHelp.Default.Commands.Select(c => c.Name));
    }

    [Fact]
    public void ListsEveryDocumentedSyntaxByGroup()
    {
        var overview = Sample.For([]);

        Assert.EndsWith(
            """
            Commands the server supports, by group:

            @connection
              PING [message]

            @string
              GET key

            @server
              CONFIG GET parameter [parameter ...]

            @other
              UNDOCUMENTED

            """,
            overview,
            StringComparison.Ordinal);
        Assert.StartsWith("Redis.Client, a redis-cli for RedisClean\n", overview, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsOneCommandAsRedisCliDoes()
    {
        Assert.Equal("\n  GET key\n  summary: Get the value of a key\n  group: string\n\n", Sample.For(["get"]));
    }

    [Fact]
    public void ShowsTheRealServersSyntax()
    {
        Assert.Equal(
            "\n  EXPIRE key seconds [NX|XX|GT|LT]\n  summary: Set a key's time to live in seconds\n  group: generic\n\n",
            CommandHelp.Default.For(["expire"]));
    }

    [Fact]
    public void ShowsAContainerWithItsSubcommands()
    {
        Assert.Equal(
            "\n  CONFIG GET parameter [parameter ...]\n  summary: Get configuration parameters\n  group: server\n" +
            "\n  CONFIG GET parameter [parameter ...]\n  summary: Get configuration parameters\n  group: server\n\n",
            Sample.For(["config"]));
        Assert.Equal(
            "\n  CONFIG GET parameter [parameter ...]\n  summary: Get configuration parameters\n  group: server\n\n",
            Sample.For(["config", "get"]));
    }

    [Fact]
    public void SaysWhenACommandHasNoTextYet()
    {
        Assert.Equal("\n  UNDOCUMENTED\n  summary: (no help text yet)\n  group: other\n\n", Sample.For(["undocumented"]));
    }

    [Fact]
    public void ListsAGroup()
    {
        var text = CommandHelp.Default.For(["@string"]);

        Assert.Contains("\n  GET key\n", text, StringComparison.Ordinal);
        Assert.Contains("\n  SET key value ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  DEL ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesServerCommandsItHasNoTextFor()
    {
        var overview = Sample.For([], ["get", "ping", "rename", "info", "rename|sub"]);

        Assert.EndsWith("The server also knows (no help text here):\n  INFO, RENAME\n", overview, StringComparison.Ordinal);
        Assert.Equal("\n  RENAME\n  The server supports it; this client has no help text for it.\n\n", Sample.For(["rename"], ["rename"]));
    }

    [Fact]
    public void CountsRatherThanListsAFullRedisCommandTable()
    {
        var names = Enumerable.Range(0, 230).Select(i => $"cmd{i:D3}").ToList();

        var overview = Sample.For([], names);

        Assert.EndsWith(
            """
            The server also knows (no help text here):
              CMD000, CMD001, CMD002, CMD003, CMD004, CMD005, CMD006, CMD007, CMD008,
              CMD009, CMD010, CMD011, CMD012, CMD013, CMD014, CMD015, CMD016, CMD017,
              CMD018, CMD019, and 210 more (COMMAND LIST shows them all)

            """,
            overview,
            StringComparison.Ordinal);
    }

    [Fact]
    public void SaysWhenItKnowsNothing()
    {
        Assert.Equal("No help for 'nosuch'. Type \"help\" to list the commands.\n", Sample.For(["nosuch"]));
    }
}
