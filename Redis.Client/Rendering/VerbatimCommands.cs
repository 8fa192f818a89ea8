using System.Text;
using Redis.Protocol;

namespace Redis.Client.Rendering;

/// <summary>The commands whose reply redis-cli prints verbatim, even on a terminal: text reports meant to be read as they are.</summary>
/// <remarks>
/// Mirrors the <c>output_raw</c> test in redis-cli 7.0's <c>cliSendCommand</c>, argument counts included: <c>INFO</c>,
/// <c>LOLWUT</c>, <c>DEBUG HTSTATS|HTSTATS-KEY|CLIENT-EVICTION</c>, <c>MEMORY MALLOC-STATS|DOCTOR</c>, <c>CLUSTER
/// NODES|INFO</c> (exactly two words), <c>CLIENT LIST|INFO</c>, <c>LATENCY GRAPH</c> (exactly three words),
/// <c>LATENCY DOCTOR</c> (exactly two words) and <c>PROXY INFO</c>.
/// </remarks>
internal static class VerbatimCommands
{
    public static bool Contains(CommandArgs command)
    {
        if (command.Count == 0)
        {
            return false;
        }

        var name = command[0];
        if (Is(name, "info") || Is(name, "lolwut"))
        {
            return true;
        }

        if (command.Count < 2)
        {
            return false;
        }

        var sub = command[1];
        return (Is(name, "debug") && (Is(sub, "htstats") || Is(sub, "htstats-key") || Is(sub, "client-eviction")))
            || (Is(name, "memory") && (Is(sub, "malloc-stats") || Is(sub, "doctor")))
            || (command.Count == 2 && Is(name, "cluster") && (Is(sub, "nodes") || Is(sub, "info")))
            || (Is(name, "client") && (Is(sub, "list") || Is(sub, "info")))
            || (command.Count == 3 && Is(name, "latency") && Is(sub, "graph"))
            || (command.Count == 2 && Is(name, "latency") && Is(sub, "doctor"))
            || (Is(name, "proxy") && Is(sub, "info"));
    }

    private static bool Is(ReadOnlySpan<byte> word, string name) => Ascii.EqualsIgnoreCase(word, name);
}
