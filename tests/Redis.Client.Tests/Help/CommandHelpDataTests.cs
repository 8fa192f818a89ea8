using Redis.Application.Routing;
using Redis.Client.Help;
using Redis.Testing;

namespace Redis.Client.Tests.Help;

/// <summary>
/// The help table the client embeds is generated from the server's command table; this is the generator, and the
/// check that the committed file is what it generates.
/// </summary>
public class CommandHelpDataTests
{
    /// <summary>Set to 1 (scripts/update-client-help.sh does) to rewrite the file instead of failing on a difference.</summary>
    private const string UpdateVariable = "UPDATE_CLIENT_HELP";

    [Fact]
    public void EmbeddedTableIsTheServerCommandTable()
    {
        var expected = CommandHelpData.Serialize(CommandTable.FromAssembly().Commands.Select(Entry));
        var path = Path.Combine(RepositoryRoot.Path, "Redis.Client", "Help", "commands.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(
            expected == File.ReadAllText(path).ReplaceLineEndings("\n"),
            $"{path} is out of date with the server's command table: run scripts/update-client-help.sh and commit the file.");
    }

    [Fact]
    public void EmbeddedTableRoundTripsThroughItsFileFormat()
    {
        var embedded = CommandHelpData.Embedded();

        using var reread = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(CommandHelpData.Serialize(embedded)));
        Assert.Equal(
            embedded.Select(e => (e.Syntax, e.Summary, e.Group, e.Subcommands.Count)),
            CommandHelpData.Parse(reread).Select(e => (e.Syntax, e.Summary, e.Group, e.Subcommands.Count)));
    }

    private static CommandHelpEntry Entry(CommandSpec spec) =>
        new CommandHelpEntry(
            // A subcommand is declared "container|sub"; people type it as "CONTAINER SUB".
            spec.Name.Replace('|', ' ').ToUpperInvariant(),
            spec.Doc?.Arguments ?? "",
            spec.Doc?.Summary,
            spec.Doc?.Group ?? "other") { Subcommands = [.. spec.Subcommands.Select(Entry)] };
}
