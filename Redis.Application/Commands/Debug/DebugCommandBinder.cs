using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.Debug;

/// <summary>Parses <c>DEBUG RELOAD</c> and its options, and <c>DEBUG LOADAOF</c>, as Redis's <c>debugCommand</c> does; any other subcommand is unknown here.</summary>
/// <remarks>An error is carried to the handler rather than answered here: a <c>DEBUG</c> that is not allowed is refused whatever follows it, as Redis checks protected commands first.</remarks>
internal sealed class DebugCommandBinder : ICommandBinder
{
    private static readonly Reply ClockBackwards = Reply.Error("ERR the clock only moves forward");

    private static readonly Reply ReloadOptions = Reply.Error("ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.");

    public CommandSpec Spec { get; } = new("debug", -2, ["admin", "noscript", "loading", "stale", "protected"])
    {
        Doc = new("RELOAD [MERGE] [NOFLUSH] [NOSAVE] | LOADAOF | CLOCK [ADVANCE milliseconds]", "A container for debugging commands", "server"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        // debugCommand matches LOADAOF by name alone, whatever follows it.
        if (args.PeekIs("LOADAOF"u8))
        {
            return new(new DebugCommand(args.Session, null, false, false, false, LoadAppendOnly: true));
        }

        // Not Redis's: DEBUG CLOCK [ADVANCE milliseconds] reads or moves a --clock manual server's clock.
        if (args.PeekIs("CLOCK"u8))
        {
            args.Skip();
            if (!args.HasMore)
            {
                return new(new DebugCommand(args.Session, null, false, false, false, ClockAdvance: 0));
            }

            if (!args.NextIs("ADVANCE"u8) || !args.HasMore)
            {
                return new(new DebugCommand(args.Session, Errors.Syntax, false, false, false));
            }

            if (!args.TryNextInt64(out var milliseconds) || args.HasMore)
            {
                return new(new DebugCommand(args.Session, args.HasMore ? Errors.Syntax : Errors.NotAnInteger, false, false, false));
            }

            return new(new DebugCommand(args.Session, milliseconds < 0 ? ClockBackwards : null, false, false, false, ClockAdvance: milliseconds));
        }

        if (!args.PeekIs("RELOAD"u8))
        {
            return new(new DebugCommand(args.Session, Errors.UnknownSubcommand(args.NextSpan(), "debug"), false, false, false));
        }

        args.Skip();
        bool save = true, flush = true, merge = false;
        while (args.HasMore)
        {
            if (args.NextIs("MERGE"u8))
            {
                merge = true;
            }
            else if (args.NextIs("NOFLUSH"u8))
            {
                flush = false;
            }
            else if (args.NextIs("NOSAVE"u8))
            {
                save = false;
            }
            else
            {
                return new(new DebugCommand(args.Session, ReloadOptions, false, false, false));
            }
        }

        return new(new DebugCommand(args.Session, null, save, flush, merge));
    }
}
