using Redis.Application.Routing;

namespace Redis.Application.Commands.LMove;

/// <summary><c>RPOPLPUSH source destination</c> is <c>LMOVE source destination RIGHT LEFT</c>.</summary>
internal sealed class RPopLPushCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("rpoplpush", 3, ["write", "denyoom"], 1, 2, 1)
    {
        Doc = new("source destination", "Remove the last element in a list, prepend it to another list and return it", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var source = args.NextMemory();
        return new(new LMoveCommand(args.Keyspace, source, args.NextMemory(), FromLeft: false, ToLeft: true));
    }
}
