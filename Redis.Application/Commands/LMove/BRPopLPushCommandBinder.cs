using Redis.Application.Routing;

namespace Redis.Application.Commands.LMove;

/// <summary><c>BRPOPLPUSH source destination timeout</c> is <c>BLMOVE source destination RIGHT LEFT timeout</c>.</summary>
internal sealed class BRPopLPushCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("brpoplpush", 4, ["write", "denyoom", "noscript", "blocking"], 1, 2, 1)
    {
        Doc = new("source destination timeout", "Pop an element from a list, push it to another list and return it; or block until one is available", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var source = args.NextMemory();
        var destination = args.NextMemory();
        return BLMoveCommandBinder.Bind(ref args, source, destination, fromLeft: false, toLeft: true);
    }
}
