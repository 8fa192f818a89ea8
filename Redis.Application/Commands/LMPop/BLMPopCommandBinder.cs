using Redis.Application.Common;
using Redis.Application.Routing;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.LMPop;

/// <remarks>
/// Redis's <c>blmpopCommand</c>: <c>LMPOP</c>'s arguments after the timeout, parsed first; the timeout is read last
/// (<c>blockingPopGenericCommand</c>), so a syntax error answers before a bad timeout.
/// </remarks>
internal sealed class BLMPopCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("blmpop", -5, ["write", "blocking", "movablekeys"], 0, 0, 0)
    {
        KeyCountAt = 2,
        Doc = new("timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]", "Pop elements from a list, or block until one is available", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var timeout = args.NextSpan();
        var bound = LMPopCommandBinder.Parse(ref args);
        if (bound.Command is not LMPopCommand command)
        {
            return bound;
        }

        return BlockingTimeout.TryParse(timeout, out var milliseconds, out var error)
            ? new BindResult(command with { Wait = new BlockingWait(args.Session, milliseconds) })
            : error;
    }
}
