using Redis.Application.Routing;

namespace Redis.Application.Commands.SMove;

internal sealed class SMoveCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("smove", 4, ["write", "fast"], 1, 2, 1)
    {
        Doc = new("source destination member", "Move a member from one set to another", "set"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        new(new SMoveCommand(args.Keyspace, args.NextMemory(), args.NextMemory(), args.NextMemory()));
}
