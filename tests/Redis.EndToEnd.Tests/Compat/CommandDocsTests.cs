using Redis.Application.Routing;

namespace Redis.EndToEnd.Tests.Compat;

/// <summary>The docs list every command in the command table, so the table and the docs cannot drift apart.</summary>
public sealed class CommandDocsTests
{
    [Fact]
    public void CommandsDocNamesEveryCommandInTheTable()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "commands.md"));

        var missing = CommandTable.FromAssembly().Commands
            .Select(c => c.Name.ToUpperInvariant())
            .Where(name => !doc.Contains('`' + name, StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, "Not in docs/commands.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryCommandHasHelpText()
    {
        var undocumented = CommandTable.FromAssembly().Commands.Where(c => c.Doc is null).Select(c => c.Name).ToList();

        Assert.True(undocumented.Count == 0, "No CommandSpec.Doc: " + string.Join(", ", undocumented));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RedisClean.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RedisClean.sln not found above the test output.");
    }
}
