using System.CommandLine;

namespace Redis.Client.CommandLine;

/// <summary>Finds where the options end and the command begins, as redis-cli's <c>parseOptions</c> does.</summary>
/// <remarks>
/// <para>
/// redis-cli reads options only up to the first word that does not start with <c>-</c>: that word is the command name,
/// and every word after it is sent as it is (<c>ECHO -x</c> echoes <c>-x</c>). A word that starts with <c>-</c> and is not
/// an option, or an option whose value is missing, ends the program with "Unrecognized option or bad number of args
/// for: '...'". A later option overrides an earlier one, and <c>-h</c> as the last word shows the help.
/// </para>
/// <para>
/// System.CommandLine then parses only the options, each value joined to its option (<c>--pass=-p</c>), so a value that
/// looks like an option (<c>-r -1</c>, <c>-a -p</c>) stays a value. <c>--</c> is this client's own addition: the words
/// after it are the command, as before redis-cli's rule made it unnecessary.
/// </para>
/// </remarks>
internal static class CommandLineSplitter
{
    public static CommandLineSplit Split(IReadOnlyList<string> args, IEnumerable<Option> options)
    {
        var byName = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            foreach (var name in option.Aliases.Prepend(option.Name))
            {
                byName[name] = option;
            }
        }

        // The last occurrence of an option wins, as redis-cli's assignments do; the order of first appearance is kept.
        var given = new Dictionary<Option, string>();
        var i = 0;
        for (; i < args.Count; i++)
        {
            var word = args[i];
            var last = i == args.Count - 1;
            if (word == "--")
            {
                i++;
                break;
            }

            if (word == "-h" && last)
            {
                given[byName["--help"]] = "--help";
                continue;
            }

            if (!word.StartsWith('-'))
            {
                break;
            }

            if (!byName.TryGetValue(word, out var option) || (TakesValue(option) && last))
            {
                return new CommandLineSplit([], [], $"Unrecognized option or bad number of args for: '{word}'");
            }

            given[option] = TakesValue(option) ? $"{option.Name}={args[++i]}" : option.Name;
        }

        return new CommandLineSplit([.. given.Values], [.. args.Skip(i)]);
    }

    // A flag is a bool (whose optional "true" redis-cli has no use for) or an option that takes nothing, such as --help.
    private static bool TakesValue(Option option) => option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;
}
