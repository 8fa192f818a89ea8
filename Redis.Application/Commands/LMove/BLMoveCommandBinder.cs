using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.LMove;

/// <summary><c>BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout</c>: the sides are read before the timeout (Redis's <c>blmoveCommand</c>).</summary>
internal sealed class BLMoveCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("blmove", 6, ["write", "denyoom", "noscript", "blocking"], 1, 2, 1)
    {
        Doc = new("source destination LEFT|RIGHT LEFT|RIGHT timeout", "Pop an element from a list, push it to another list and return it; or block until one is available", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var source = args.NextMemory();
        var destination = args.NextMemory();
        if (!LMoveCommandBinder.TryNextSide(ref args, out var fromLeft) || !LMoveCommandBinder.TryNextSide(ref args, out var toLeft))
        {
            return Errors.Syntax;
        }

        return Bind(ref args, source, destination, fromLeft, toLeft);
    }

    /// <summary>The timeout, the last argument, then the command with its wait.</summary>
    internal static BindResult Bind(ref ArgCursor args, ReadOnlyMemory<byte> source, ReadOnlyMemory<byte> destination, bool fromLeft, bool toLeft) =>
        BlockingTimeout.TryParse(args.NextSpan(), out var milliseconds, out var error)
            ? new BindResult(new LMoveCommand(args.Keyspace, source, destination, fromLeft, toLeft) { Wait = new BlockingWait(args.Session, milliseconds) })
            : error;
}
