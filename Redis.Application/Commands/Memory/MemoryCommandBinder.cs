using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Memory;

/// <summary>The <c>MEMORY</c> container, with Redis 7.0's subcommand arities, flags and key positions.</summary>
internal sealed class MemoryCommandBinder : ICommandBinder
{
    private static readonly CommandSpec Doctor = new("memory|doctor", 2, [])
    {
        Doc = new(string.Empty, "Outputs memory problems report", "server"),
    };

    private static readonly CommandSpec MallocStats = new("memory|malloc-stats", 2, [])
    {
        Doc = new(string.Empty, "Show allocator internal stats", "server"),
    };

    private static readonly CommandSpec Purge = new("memory|purge", 2, [])
    {
        Doc = new(string.Empty, "Ask the allocator to release memory", "server"),
    };

    private static readonly CommandSpec Stats = new("memory|stats", 2, [])
    {
        Doc = new(string.Empty, "Show memory usage details", "server"),
    };

    private static readonly CommandSpec Usage = new("memory|usage", -3, ["readonly"], 2, 2, 1)
    {
        Doc = new("key [SAMPLES count]", "Estimate the memory usage of a key", "server"),
    };

    private static readonly CommandSpec Help = new("memory|help", 2, ["loading", "stale"])
    {
        Doc = new(string.Empty, "Show helpful text about the different subcommands", "server"),
    };

    public CommandSpec Spec { get; } = new("memory", -2, [])
    {
        Doc = new("DOCTOR | MALLOC-STATS | PURGE | STATS | USAGE key [SAMPLES count] | HELP", "A container for memory diagnostics commands", "server"),
        Subcommands = [Doctor, MallocStats, Purge, Stats, Usage, Help],
    };

    public BindResult Bind(ref ArgCursor args)
    {
        if (Spec.BindSubcommand(ref args, out var error) is not { } subcommand)
        {
            return error;
        }

        if (subcommand != Usage)
        {
            var kind = subcommand == Doctor ? MemorySubcommand.Doctor
                : subcommand == MallocStats ? MemorySubcommand.MallocStats
                : subcommand == Purge ? MemorySubcommand.Purge
                : subcommand == Stats ? MemorySubcommand.Stats
                : MemorySubcommand.Help;
            return new(new MemoryCommand(args.Keyspace, kind, default));
        }

        var key = args.NextMemory();

        // memoryCommand's option loop: SAMPLES takes an integer (its error first), negative is a syntax error; the
        // count only bounds the sampling of nested values, which strings do not have.
        while (args.HasMore)
        {
            if (!args.NextIs("SAMPLES"u8) || !args.HasMore)
            {
                return Errors.Syntax;
            }

            if (!args.TryNextInt64(out var samples))
            {
                return Errors.NotAnInteger;
            }

            if (samples < 0)
            {
                return Errors.Syntax;
            }
        }

        return new(new MemoryCommand(args.Keyspace, MemorySubcommand.Usage, key));
    }
}
