using System.Text.Json.Serialization;

namespace Redis.Client.Help;

/// <summary>One command's syntax and summary, as redis-cli's <c>help &lt;command&gt;</c> shows it.</summary>
/// <param name="Name">Upper case, as redis-cli prints it; a subcommand is <c>CLIENT SETNAME</c>.</param>
/// <param name="Arguments">The syntax after the name, in Redis's notation; empty when there is none.</param>
/// <param name="Summary">One line; null when the command has no help text yet.</param>
/// <param name="Group">Redis's command group: <c>string</c>, <c>generic</c>, <c>connection</c>, <c>server</c>.</param>
internal sealed record CommandHelpEntry(string Name, string Arguments, string? Summary, string Group)
{
    public IReadOnlyList<CommandHelpEntry> Subcommands { get; init; } = [];

    [JsonIgnore]
    public string Syntax => Arguments.Length == 0 ? Name : $"{Name} {Arguments}";
}
