using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.LMove;

internal sealed class LMoveCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("lmove", 5, ["write", "denyoom"], 1, 2, 1)
    {
        Doc = new("source destination LEFT|RIGHT LEFT|RIGHT", "Pop an element from a list, push it to another list and return it", "list"),
    };

    /// <summary>Reads <c>LEFT</c> or <c>RIGHT</c> (Redis's <c>getListPositionFromObjectOrReply</c>); false for anything else.</summary>
    internal static bool TryNextSide(ref ArgCursor args, out bool left)
    {
        left = args.NextIs("LEFT"u8);
        return left || args.NextIs("RIGHT"u8);
    }

    public BindResult Bind(ref ArgCursor args)
    {
        var source = args.NextMemory();
        var destination = args.NextMemory();
        return TryNextSide(ref args, out var fromLeft) && TryNextSide(ref args, out var toLeft)
            ? new BindResult(new LMoveCommand(args.Keyspace, source, destination, fromLeft, toLeft))
            : Errors.Syntax;
    }
}
