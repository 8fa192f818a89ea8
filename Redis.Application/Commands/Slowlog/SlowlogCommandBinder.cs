using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Slowlog;

/// <summary>The <c>SLOWLOG</c> container, with Redis 7.0's arities and <c>slowlogCommand</c>'s checks.</summary>
internal sealed class SlowlogCommandBinder : ICommandBinder
{
    private static readonly CommandSpec Get = new("slowlog|get", -2, ["admin", "loading", "stale"])
    {
        Doc = new("[count]", "Get the slow log's entries, newest first (default 10, -1 for all)", "server"),
    };

    private static readonly CommandSpec Len = new("slowlog|len", 2, ["admin", "loading", "stale"])
    {
        Doc = new(string.Empty, "Get the slow log's length", "server"),
    };

    private static readonly CommandSpec Reset = new("slowlog|reset", 2, ["admin", "loading", "stale"])
    {
        Doc = new(string.Empty, "Clear all entries from the slow log", "server"),
    };

    private static readonly CommandSpec Help = new("slowlog|help", 2, ["loading", "stale"])
    {
        Doc = new(string.Empty, "Show helpful text about the different subcommands", "server"),
    };

    public CommandSpec Spec { get; } = new("slowlog", -2, [])
    {
        Doc = new("GET [count] | LEN | RESET | HELP", "Read or clear the slow log", "server"),
        Subcommands = [Get, Len, Reset, Help],
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var argc = args.Remaining + 1;
        var typed = args;
        var name = typed.NextSpan();
        if (Spec.BindSubcommand(ref args, out var error) is not { } subcommand)
        {
            return error;
        }

        if (subcommand != Get)
        {
            return new BindResult(new SlowlogCommand(
                subcommand == Len ? SlowlogSubcommand.Len : subcommand == Reset ? SlowlogSubcommand.Reset : SlowlogSubcommand.Help));
        }

        if (argc > 3)
        {
            return Errors.SubcommandSyntax(name, "slowlog"u8);
        }

        long count = 10;
        if (argc == 3 && (!args.TryNextInt64(out count) || count < -1))
        {
            // getRangeLongFromObjectOrReply with its message: a word that is no number gets it too.
            return Errors.SlowlogCount;
        }

        return new BindResult(new SlowlogCommand(SlowlogSubcommand.Get, count));
    }
}
