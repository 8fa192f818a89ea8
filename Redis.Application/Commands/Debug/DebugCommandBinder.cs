using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.Debug;

/// <summary>Parses <c>DEBUG RELOAD</c> and its options, and <c>DEBUG LOADAOF</c>, as Redis's <c>debugCommand</c> does; any other subcommand is unknown here.</summary>
/// <remarks>An error is carried to the handler rather than answered here: a <c>DEBUG</c> that is not allowed is refused whatever follows it, as Redis checks protected commands first.</remarks>
internal sealed class DebugCommandBinder : ICommandBinder
{
    private static readonly Reply ReloadOptions = Reply.Error("ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.");

    public CommandSpec Spec { get; } = new("debug", -2, ["admin", "noscript", "loading", "stale", "protected"])
    {
        Doc = new("RELOAD [MERGE] [NOFLUSH] [NOSAVE] | LOADAOF", "A container for debugging commands", "server"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        // debugCommand matches LOADAOF by name alone, whatever follows it.
        if (args.PeekIs("LOADAOF"u8))
        {
            return new(new DebugCommand(args.Session, null, false, false, false, LoadAppendOnly: true));
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
