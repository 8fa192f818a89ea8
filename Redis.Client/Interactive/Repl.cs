using System.Text;
using Redis.Client.Connection;
using Redis.Client.Help;
using Redis.Client.Input;
using Redis.Protocol;

namespace Redis.Client.Interactive;

/// <summary>redis-cli's read-eval-print loop: one line, one command, one rendered reply, until the input ends.</summary>
/// <remarks>
/// <para>
/// The same loop serves a person at a terminal (lines from RadLine, a prompt) and a pipe (lines from standard input,
/// no prompt), as redis-cli's <c>repl()</c> serves both. Built in, and never sent: <c>quit</c>/<c>exit</c>,
/// <c>help</c>/<c>?</c>, <c>connect host port</c>, and <c>clear</c> on a terminal. A leading number repeats the
/// command (<c>3 PING</c>), as in redis-cli.
/// </para>
/// <para>
/// Nothing here throws for a server that is down or goes away: <see cref="ClientSession"/> prints the reason and the
/// next command tries again, so the loop always reaches the next prompt. The exit code is 0, as redis-cli's.
/// </para>
/// </remarks>
internal sealed class Repl(ClientSession session, ILineSource lines, CommandRunner runner, ClientConsole console)
{
    private static readonly System.Buffers.SearchValues<char> RepeatDigits = System.Buffers.SearchValues.Create("0123456789");

    private readonly InlineSplitter _splitter = new();
    private volatile bool _interrupted;

    public int Run()
    {
        // redis-cli connects before the first prompt, so "Could not connect" shows at once.
        session.TryConnect();
        while (!_interrupted && lines.ReadLine(session.Prompt) is { } line)
        {
            if (!_splitter.TrySplit(line, out var words))
            {
                console.WriteLine("Invalid argument(s)");
                continue;
            }

            if (words.Count == 0)
            {
                continue;
            }

            var name = Encoding.UTF8.GetString(words[0]);
            if (name.Equals("quit", StringComparison.OrdinalIgnoreCase) || name.Equals("exit", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            if (TryRunBuiltIn(name, words))
            {
                continue;
            }

            if (!TryReadRepeat(name, ref words, out var repeat))
            {
                console.WriteLine("Invalid redis-cli repeat command option value.");
                continue;
            }

            // As issueCommandRepeat: a failed connection ends the repeats; the next line connects again.
            runner.Run(words, repeat);
        }

        return 0;
    }

    /// <summary>Ctrl+C while a command runs: abandons it and ends the loop (redis-cli exits too).</summary>
    public void Interrupt()
    {
        _interrupted = true;
        runner.Interrupt();
    }

    /// <summary>redis-cli's repeat prefix: a first word that is a whole number, followed by a command.</summary>
    /// <returns>False for a number below 1 or out of range, which redis-cli refuses.</returns>
    private static bool TryReadRepeat(string first, ref CommandArgs words, out long repeat)
    {
        repeat = 1;
        // strtol must take the whole word: "3" and "-1" are repeat counts, "3x" and "--1" are sent as they are.
        var digits = first.AsSpan(first.Length > 0 && first[0] is '+' or '-' ? 1 : 0);
        if (words.Count < 2 || digits.IsEmpty || digits.ContainsAnyExcept(RepeatDigits))
        {
            return true;
        }

        if (!long.TryParse(first, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out repeat) || repeat <= 0)
        {
            return false;
        }

        words = CommandArgs.From(words.ToArrays()[1..]);
        return true;
    }

    private bool TryRunBuiltIn(string name, CommandArgs words)
    {
        if (name.Equals("connect", StringComparison.OrdinalIgnoreCase) && words.Count == 3)
        {
            // redis-cli's "connect <host> <port>": switch servers; the prompt follows.
            session.Connect(Encoding.UTF8.GetString(words[1]), Encoding.UTF8.GetString(words[2]));
            return true;
        }

        if (name.Equals("help", StringComparison.OrdinalIgnoreCase) || name == "?")
        {
            var topic = Enumerable.Range(1, words.Count - 1).Select(i => Encoding.UTF8.GetString(words[i])).ToList();
            console.Write(Encoding.UTF8.GetBytes(CommandHelp.Default.For(topic, session.ServerCommands())));
            return true;
        }

        if (name.Equals("clear", StringComparison.OrdinalIgnoreCase) && words.Count == 1 && console.IsOutputTerminal)
        {
            // linenoiseClearScreen: home the cursor, erase the screen.
            console.Write("\e[H\e[2J"u8);
            return true;
        }

        return false;
    }
}
