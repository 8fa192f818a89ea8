using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Script;

/// <summary>The <c>SCRIPT</c> container, with Redis 7.0's subcommand arities and flags.</summary>
internal sealed class ScriptCommandBinder : ICommandBinder
{
    private static readonly CommandSpec Debug = new("script|debug", 3, ["noscript"])
    {
        Doc = new("YES | SYNC | NO", "Set the debug mode for executed scripts.", "scripting"),
    };

    private static readonly CommandSpec Exists = new("script|exists", -3, ["noscript"])
    {
        Doc = new("sha1 [sha1 ...]", "Check existence of scripts in the script cache.", "scripting"),
    };

    private static readonly CommandSpec Flush = new("script|flush", -2, ["noscript"])
    {
        Doc = new("[ASYNC | SYNC]", "Remove all the scripts from the script cache.", "scripting"),
    };

    private static readonly CommandSpec Help = new("script|help", 2, ["loading", "stale"])
    {
        Doc = new(string.Empty, "Show helpful text about the different subcommands", "scripting"),
    };

    private static readonly CommandSpec Kill = new("script|kill", 2, ["noscript", "allow_busy"])
    {
        Doc = new(string.Empty, "Kill the script currently in execution.", "scripting"),
    };

    private static readonly CommandSpec Load = new("script|load", 3, ["noscript", "stale"])
    {
        Doc = new("script", "Load the specified Lua script into the script cache.", "scripting"),
    };

    public CommandSpec Spec { get; } = new("script", -2, [])
    {
        Doc = new("DEBUG | EXISTS | FLUSH | HELP | KILL | LOAD", "A container for Lua scripts management commands", "scripting"),
        Subcommands = [Debug, Exists, Flush, Help, Kill, Load],
    };

    public BindResult Bind(ref ArgCursor args)
    {
        if (Spec.BindSubcommand(ref args, out var error) is not { } subcommand)
        {
            return error;
        }

        var kind = subcommand == Exists ? ScriptSubcommand.Exists
            : subcommand == Load ? ScriptSubcommand.Load
            : subcommand == Flush ? ScriptSubcommand.Flush
            : subcommand == Kill ? ScriptSubcommand.Kill
            : subcommand == Debug ? ScriptSubcommand.Debug
            : ScriptSubcommand.Help;

        // scriptCommand: FLUSH takes nothing, ASYNC or SYNC, and nothing after it.
        if (kind == ScriptSubcommand.Flush &&
            (args.Remaining > 1 || (args.Remaining == 1 && !args.PeekIs("ASYNC"u8) && !args.PeekIs("SYNC"u8))))
        {
            return Errors.ScriptFlushOption;
        }

        return new(new ScriptCommand(kind, args.Args));
    }
}
