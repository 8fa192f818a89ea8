using System.Text;
using System.Text.RegularExpressions;
using Redis.Application.Routing;
using Redis.Testing;

namespace Redis.EndToEnd.Tests.Compat;

/// <summary>
/// The README's command table and docs/commands.md name exactly the commands of the command table, with its arities,
/// and the differential corpus runs every one of them, so none can drift from what the server runs.
/// </summary>
public sealed partial class CommandDocsTests
{
    private static readonly IReadOnlyList<CommandSpec> Commands = CommandTable.FromAssembly().Commands;

    [Fact]
    public void CommandsDocListsExactlyTheTableWithItsArities()
    {
        // The rows of every "| command | syntax | arity | notes |" table; other tables (the differences) are prose.
        var rows = new List<(string Name, string Arity)>();
        var inCommandTable = false;
        foreach (var line in File.ReadLines(System.IO.Path.Combine(RepositoryRoot.Path, "docs", "commands.md")))
        {
            var cells = line.Split(" | ");
            inCommandTable = line.StartsWith("| command | syntax | arity |", StringComparison.Ordinal)
                || (inCommandTable && line.StartsWith('|'));
            if (inCommandTable && cells.Length >= 3 && cells[0].StartsWith("| `", StringComparison.Ordinal))
            {
                rows.AddRange(Names(cells[0]).Select(name => (name, cells[2].Trim())));
            }
        }

        AssertSameNames("docs/commands.md", rows.Select(r => r.Name));
        var wrongArity = rows
            .Select(r => (r.Name, r.Arity, Spec: Commands.Single(c => c.Name.Equals(r.Name, StringComparison.OrdinalIgnoreCase))))
            .Where(r => r.Arity != r.Spec.Arity.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(r => $"{r.Name} says {r.Arity}, the table {r.Spec.Arity}")
            .ToList();
        Assert.True(wrongArity.Count == 0, "Arities in docs/commands.md differ from the command table: " + string.Join("; ", wrongArity));
    }

    [Fact]
    public void ReadmeCommandTableListsExactlyTheTable()
    {
        var readme = File.ReadAllLines(System.IO.Path.Combine(RepositoryRoot.Path, "README.md"));
        var header = Array.FindIndex(readme, line => line.StartsWith("| group | commands |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README.md has no '| group | commands | notes |' table");

        var names = readme.Skip(header + 2)
            .TakeWhile(line => line.StartsWith('|'))
            .SelectMany(line => Names(line.Split(" | ")[1]));

        AssertSameNames("README.md", names);
    }

    [Fact]
    public void EveryCommandHasHelpText()
    {
        var undocumented = Commands.Where(c => c.Doc is null).Select(c => c.Name).ToList();

        Assert.True(undocumented.Count == 0, "No CommandSpec.Doc: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void CorpusExercisesEveryCommandInTheTable()
    {
        var table = CommandTable.FromAssembly();
        var used = CompatScript.Names()
            .SelectMany(name => CompatScript.Load(name).Lines)
            .Select(line => Encoding.UTF8.GetString(line.Words[0]).ToLowerInvariant())
            .ToHashSet();

        var missing = table.Commands.Select(c => c.Name).Where(name => !used.Contains(name)).ToList();
        Assert.True(missing.Count == 0, "Commands with no line in tests/compat: " + string.Join(", ", missing));
    }

    /// <summary>The command names in a cell: the first word of each <c>`...`</c> span, when it is an upper-case word.</summary>
    private static IEnumerable<string> Names(string cell) =>
        CodeSpan().Matches(cell).Select(m => m.Groups[1].Value);

    private static void AssertSameNames(string file, IEnumerable<string> documented)
    {
        var inDocs = documented.ToHashSet(StringComparer.Ordinal);
        var inTable = Commands.Select(c => c.Name.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

        Assert.True(inTable.SetEquals(inDocs),
            $"{file} and the command table differ. Not in {file}: {string.Join(", ", inTable.Except(inDocs).Order())}; " +
            $"not in the table: {string.Join(", ", inDocs.Except(inTable).Order())}");
    }

    [GeneratedRegex(@"`([A-Z][A-Z_]*)\b[^`]*`")]
    private static partial Regex CodeSpan();
}
