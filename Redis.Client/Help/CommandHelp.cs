using System.Globalization;
using System.Text;

namespace Redis.Client.Help;

/// <summary>The <c>help</c> built into the REPL: the server's commands and their syntax, available without a connection.</summary>
/// <remarks>
/// <para>
/// The text is data, not code: <c>commands.json</c>, embedded in the client, lists every command of RedisClean's
/// command table with its syntax, summary and group (<see cref="CommandHelpData"/>). A test generates that list from
/// the server's table and fails when the file differs, so the help cannot drift from what the server runs, and the
/// client needs none of the server's assemblies to show it. This is what redis-cli's own table (<c>help.h</c>) is to
/// redis-cli.
/// </para>
/// <para>
/// When connected, the server's <c>COMMAND LIST</c> is passed in too, so against another server (redis-server has
/// 200 more commands) the help still names what that server runs.
/// </para>
/// </remarks>
internal sealed class CommandHelp(IReadOnlyList<CommandHelpEntry> entries)
{
    /// <summary>Most names listed of the commands the server knows and the table does not.</summary>
    private const int MaxUnknownListed = 20;

    private const int LineWidth = 80;

    private static readonly string[] GroupOrder = ["connection", "string", "generic", "server"];

    /// <summary>The help for RedisClean's commands.</summary>
    public static CommandHelp Default { get; } = new(CommandHelpData.Embedded());

    public IReadOnlyList<CommandHelpEntry> Commands { get; } = [.. entries.OrderBy(e => e.Name, StringComparer.Ordinal)];

    /// <summary>What <c>help</c>, <c>help &lt;command&gt;</c> or <c>help @&lt;group&gt;</c> prints.</summary>
    /// <param name="topic">The words after <c>help</c>; none for the overview.</param>
    /// <param name="serverCommands">The server's <c>COMMAND LIST</c>, or null when not connected.</param>
    public string For(IReadOnlyList<string> topic, IReadOnlyCollection<string>? serverCommands = null)
    {
        // redis-server lists subcommands too ("acl|cat"); their containers are enough here.
        var unknown = serverCommands?
            .Where(name => !name.Contains('|', StringComparison.Ordinal))
            .Select(name => name.ToUpperInvariant())
            .Where(name => !Commands.Any(c => c.Name == name))
            .Order(StringComparer.Ordinal)
            .ToList() ?? [];
        if (topic.Count == 0)
        {
            return Overview(unknown);
        }

        var text = string.Join(' ', topic).ToUpperInvariant();
        var matches = text.StartsWith('@')
            ? Commands.Where(c => c.Group.Equals(text[1..], StringComparison.OrdinalIgnoreCase)).ToList()
            : Commands.Where(c => c.Name == text).SelectMany(c => c.Subcommands.Prepend(c))
                .Concat(Commands.SelectMany(c => c.Subcommands).Where(s => s.Name == text))
                .ToList();
        if (matches.Count == 0)
        {
            return unknown.Contains(text)
                ? $"\n  {text}\n  The server supports it; this client has no help text for it.\n\n"
                : $"No help for '{string.Join(' ', topic)}'. Type \"help\" to list the commands.\n";
        }

        // redis-cli's cliOutputCommandHelp: a blank line, then the indented entry.
        var output = new StringBuilder();
        foreach (var entry in matches)
        {
            output.Append("\n  ").Append(entry.Syntax).Append('\n')
                .Append("  summary: ").Append(entry.Summary ?? "(no help text yet)").Append('\n')
                .Append("  group: ").Append(entry.Group).Append('\n');
        }

        return output.Append('\n').ToString();
    }

    private string Overview(List<string> unknown)
    {
        var output = new StringBuilder()
            .Append("Redis.Client, a redis-cli for RedisClean\n")
            .Append("To get help about a command type:\n")
            .Append("      \"help <command>\" for help on <command>\n")
            .Append("      \"help @<group>\" to list the commands in <group>\n")
            .Append("      \"quit\" or \"exit\" (or Ctrl+D) to exit\n")
            .Append('\n')
            .Append("Commands the server supports, by group:\n");
        var groups = Commands.GroupBy(c => c.Group)
            .OrderBy(g => Array.IndexOf(GroupOrder, g.Key) is var i and >= 0 ? i : GroupOrder.Length)
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            output.Append('\n').Append('@').Append(group.Key).Append('\n');
            foreach (var entry in group)
            {
                output.Append("  ").Append(entry.Syntax).Append('\n');
            }
        }

        if (unknown.Count > 0)
        {
            var names = unknown.Take(MaxUnknownListed).ToList();
            var more = unknown.Count - names.Count;
            output.Append("\nThe server also knows (no help text here):\n");
            AppendWrapped(output, more > 0 ? [.. names, $"and {more.ToString(CultureInfo.InvariantCulture)} more (COMMAND LIST shows them all)"] : names);
        }

        return output.ToString();
    }

    /// <summary>Comma-separated, indented, wrapped before <see cref="LineWidth"/> columns.</summary>
    private static void AppendWrapped(StringBuilder output, List<string> words)
    {
        var column = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i] + (i < words.Count - 1 ? "," : "");
            if (column > 0 && column + 1 + word.Length > LineWidth)
            {
                output.Append('\n');
                column = 0;
            }

            output.Append(column == 0 ? "  " : " ").Append(word);
            column += (column == 0 ? 2 : 1) + word.Length;
        }

        output.Append('\n');
    }
}
