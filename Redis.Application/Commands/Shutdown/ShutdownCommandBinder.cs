using Redis.Application.Abstractions;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Shutdown;

/// <summary>Parses the options as Redis 7.0's <c>shutdownCommand</c> does: any order, any case, the illegal mixes a syntax error.</summary>
/// <remarks><c>NOW</c> (do not wait for replicas) changes nothing here: there are no replicas to wait for.</remarks>
internal sealed class ShutdownCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("shutdown", -1, ["admin", "noscript", "loading", "stale", "no_multi", "sentinel", "allow_busy"])
    {
        Doc = new("[NOSAVE|SAVE] [NOW] [FORCE] [ABORT]", "Close every connection and stop the server", "server"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        bool noSave = false, save = false, now = false, force = false, abort = false;
        while (args.HasMore)
        {
            if (args.NextIs("NOSAVE"u8))
            {
                noSave = true;
            }
            else if (args.NextIs("SAVE"u8))
            {
                save = true;
            }
            else if (args.NextIs("NOW"u8))
            {
                now = true;
            }
            else if (args.NextIs("FORCE"u8))
            {
                force = true;
            }
            else if (args.NextIs("ABORT"u8))
            {
                abort = true;
            }
            else
            {
                return Errors.Syntax;
            }
        }

        if ((abort && (noSave || save || now || force)) || (noSave && save))
        {
            return Errors.Syntax;
        }

        return new BindResult(new ShutdownCommand(args.Session, save ? ShutdownSave.Save : noSave ? ShutdownSave.NoSave : ShutdownSave.Default, force, abort));
    }
}
