using Redis.Application.Routing;

namespace Redis.Application.Commands.SIsMember;

internal sealed class SIsMemberCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sismember", 3, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key member", "Determine if a given value is a member of a set", "set"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new SIsMemberCommand(args.Keyspace, args.NextMemory(), args.NextMemory()));
}
