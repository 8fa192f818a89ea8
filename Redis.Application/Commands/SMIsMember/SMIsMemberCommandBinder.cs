using Redis.Application.Routing;

namespace Redis.Application.Commands.SMIsMember;

internal sealed class SMIsMemberCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("smismember", -3, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key member [member ...]", "Returns the membership associated with the given elements for a set", "set"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new SMIsMemberCommand(args.Keyspace, args.NextMemory(), args.RestMemory()));
}
