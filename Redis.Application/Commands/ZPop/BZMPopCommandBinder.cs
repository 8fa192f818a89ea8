using Redis.Application.Common;
using Redis.Application.Routing;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.ZPop;

/// <remarks>
/// Redis's <c>bzmpopCommand</c>: <c>ZMPOP</c>'s arguments after the timeout, parsed first; the timeout is read last
/// (<c>blockingGenericZpopCommand</c>), so a syntax error answers before a bad timeout.
/// </remarks>
internal sealed class BZMPopCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("bzmpop", -5, ["write", "blocking", "movablekeys"], 0, 0, 0)
    {
        KeyCountAt = 2,
        Doc = new("timeout numkeys key [key ...] MIN|MAX [COUNT count]", "Remove and return members with scores in a sorted set or block until one is available", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var timeout = args.NextSpan();
        var bound = ZMPopCommandBinder.Parse(ref args);
        if (bound.Command is not ZPopCommand command)
        {
            return bound;
        }

        return BlockingTimeout.TryParse(timeout, out var milliseconds, out var error)
            ? new BindResult(command with { Wait = new BlockingWait(args.Session, milliseconds) })
            : error;
    }
}
