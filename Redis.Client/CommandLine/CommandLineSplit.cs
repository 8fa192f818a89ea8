namespace Redis.Client.CommandLine;

/// <summary>The command line cut where redis-cli cuts it: the options, then the words of the command.</summary>
/// <param name="Options">The option tokens, each value joined to its option (<c>--port=6379</c>), so no value is read as an option.</param>
/// <param name="Command">The words from the first one that is not an option on; empty for the REPL.</param>
/// <param name="Error">redis-cli's complaint about an unknown option or a missing value; null when the line is good.</param>
internal sealed record CommandLineSplit(IReadOnlyList<string> Options, IReadOnlyList<string> Command, string? Error = null);
